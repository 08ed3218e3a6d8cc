import { api, type Schema } from '../shared/api';
import type { MailOutcome } from './mail-api';

/**
 * DTOs of apps/api/src/invitations (per-institution management) and apps/api/src/mail (templates), from
 * the generated OpenAPI types (shared/api-schema.d.ts): a changed DTO is a compile error here.
 */
export const INVITATION_STATUSES = ['pending', 'mailed', 'opened', 'draft', 'submitted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export type InvitationItem = Schema<'InvitationItemDto'>;

export interface InvitationFilter {
  status?: InvitationStatus;
  mail?: MailOutcome;
  search?: string;
  page: number;
}

export type ReminderSettings = Schema<'ReminderSettingsResultDto'>;

export const TEMPLATE_KINDS = ['invitation', 'reminder'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_LOCALES = ['es', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export type MailTemplate = Schema<'MailTemplateDto'>;
export type MailPreview = Schema<'MailPreviewDto'>;

export const INVITATIONS_PAGE_SIZE = 25;

const base = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}`;
const one = (roundId: string, institutionId: string) =>
  `${base(roundId)}/invitations/${encodeURIComponent(institutionId)}`;

export const invitationsApi = {
  list: (roundId: string, f: InvitationFilter, signal?: AbortSignal) =>
    api<Schema<'InvitationPageDto'>>(`${base(roundId)}/invitations`, {
      query: {
        status: f.status,
        mail: f.mail,
        search: f.search || undefined,
        page: f.page,
        pageSize: INVITATIONS_PAGE_SIZE,
      },
      signal,
    }),
  resend: (roundId: string, institutionId: string) =>
    api<Schema<'ResendResultDto'>>(`${one(roundId, institutionId)}/resend`, { method: 'POST' }),
  reissue: (roundId: string, institutionId: string, sendMail: boolean) =>
    api<Schema<'ReissuedLinkDto'>>(`${one(roundId, institutionId)}/reissue`, {
      method: 'POST',
      body: { sendMail } satisfies Schema<'ReissueLinkDto'>,
    }),
  updateEmail: (roundId: string, institutionId: string, email: string) =>
    api<InvitationItem>(one(roundId, institutionId), {
      method: 'PATCH',
      body: { email } satisfies Schema<'UpdateInvitationEmailDto'>,
    }),
  revoke: (roundId: string, institutionId: string) =>
    api<InvitationItem>(`${one(roundId, institutionId)}/revoke`, { method: 'POST' }),
  reminderSettings: (roundId: string, signal?: AbortSignal) =>
    api<ReminderSettings>(`${base(roundId)}/reminder-settings`, { signal }),
  saveReminderSettings: (roundId: string, s: Schema<'ReminderSettingsDto'>) =>
    api<ReminderSettings>(`${base(roundId)}/reminder-settings`, { method: 'PUT', body: s }),
  templates: (signal?: AbortSignal) => api<Schema<'MailTemplateListDto'>>('/api/mail/templates', { signal }),
  preview: (t: Schema<'SaveMailTemplateDto'>) =>
    api<MailPreview>('/api/mail/templates/preview', { method: 'POST', body: t }),
  saveTemplate: (t: Schema<'SaveMailTemplateDto'>) =>
    api<MailTemplate>('/api/mail/templates', { method: 'PUT', body: t }),
  resetTemplate: (kind: TemplateKind, locale: TemplateLocale) =>
    api<MailTemplate>('/api/mail/templates/reset', {
      method: 'POST',
      body: { kind, locale } satisfies Schema<'MailTemplateKeyDto'>,
    }),
};
