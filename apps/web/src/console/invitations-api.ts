import { api, type Page } from '../shared/api';
import type { MailOutcome } from './mail-api';

/** DTOs of apps/api/src/invitations (per-institution management) and apps/api/src/mail (templates). */
export const INVITATION_STATUSES = ['pending', 'mailed', 'opened', 'draft', 'submitted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationItem {
  invitationId: string;
  institutionId: string;
  institutionKey: string;
  institutionName: string;
  email: string;
  cveEnt: string;
  cvegeo: string;
  status: InvitationStatus;
  sentAt: string | null;
  openedAt: string | null;
  lastRemindedAt: string | null;
  reminderCount: number;
  remindersQueued: number;
  createdAt: string;
  revokedAt: string | null;
  emailOverridden: boolean;
  mailOutcome: MailOutcome | null;
  mailError: string | null;
  mailUpdatedAt: string | null;
}

export interface InvitationFilter {
  status?: InvitationStatus;
  mail?: MailOutcome;
  search?: string;
  page: number;
}

export interface ReminderSettings {
  roundId: string;
  enabled: boolean;
  minDays: number;
  maxCount: number;
}

export const TEMPLATE_KINDS = ['invitation', 'reminder'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_LOCALES = ['es', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export interface MailTemplate {
  kind: TemplateKind;
  locale: TemplateLocale;
  subject: string;
  body: string;
  custom: boolean;
  updatedAt: string | null;
}

export interface MailPreview {
  subject: string;
  text: string;
  html: string;
}

export const INVITATIONS_PAGE_SIZE = 25;

const base = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}`;
const one = (roundId: string, institutionId: string) =>
  `${base(roundId)}/invitations/${encodeURIComponent(institutionId)}`;

export const invitationsApi = {
  list: (roundId: string, f: InvitationFilter, signal?: AbortSignal) =>
    api<Page<InvitationItem>>(`${base(roundId)}/invitations`, {
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
    api<{ eventId: string; email: string }>(`${one(roundId, institutionId)}/resend`, { method: 'POST' }),
  reissue: (roundId: string, institutionId: string, sendMail: boolean) =>
    api<{ link: string; invitation: InvitationItem }>(`${one(roundId, institutionId)}/reissue`, {
      method: 'POST',
      body: { sendMail },
    }),
  updateEmail: (roundId: string, institutionId: string, email: string) =>
    api<InvitationItem>(one(roundId, institutionId), { method: 'PATCH', body: { email } }),
  revoke: (roundId: string, institutionId: string) =>
    api<InvitationItem>(`${one(roundId, institutionId)}/revoke`, { method: 'POST' }),
  reminderSettings: (roundId: string, signal?: AbortSignal) =>
    api<ReminderSettings>(`${base(roundId)}/reminder-settings`, { signal }),
  saveReminderSettings: (roundId: string, s: Omit<ReminderSettings, 'roundId'>) =>
    api<ReminderSettings>(`${base(roundId)}/reminder-settings`, { method: 'PUT', body: s }),
  templates: (signal?: AbortSignal) =>
    api<{ items: MailTemplate[]; variables: string[] }>('/api/mail/templates', { signal }),
  preview: (t: Pick<MailTemplate, 'kind' | 'locale' | 'subject' | 'body'>) =>
    api<MailPreview>('/api/mail/templates/preview', { method: 'POST', body: t }),
  saveTemplate: (t: Pick<MailTemplate, 'kind' | 'locale' | 'subject' | 'body'>) =>
    api<MailTemplate>('/api/mail/templates', { method: 'PUT', body: t }),
  resetTemplate: (kind: TemplateKind, locale: TemplateLocale) =>
    api<MailTemplate>('/api/mail/templates/reset', { method: 'POST', body: { kind, locale } }),
};
