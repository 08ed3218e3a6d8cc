import { api, type Schema } from '../shared/api';

/** DTOs of apps/api/src/mail (GET /api/mail/deliveries, /api/mail/captured, POST /api/mail/test, POST /api/mail/deliveries/:eventId/resend). */
export const MAIL_OUTCOMES = ['queued', 'sent', 'skipped', 'failed', 'given_up', 'resent'] as const;
export type MailOutcome = Schema<'DeliveryDto'>['outcome'];
export type DeliveryCounts = Schema<'DeliveryCountsDto'>;

export type Delivery = Schema<'DeliveryDto'>;
export type DeliveryPage = Schema<'DeliveryPageDto'>;
export type CapturedMail = Schema<'CapturedMailDto'>;
export type CapturedPage = Schema<'CapturedPageDto'>;

export const mailApi = {
  deliveries: (q: { roundId?: string; outcome?: MailOutcome; page?: number }, signal?: AbortSignal) =>
    api<DeliveryPage>('/api/mail/deliveries', { query: { ...q, pageSize: 50 }, signal }),
  captured: (page: number, signal?: AbortSignal) =>
    api<CapturedPage>('/api/mail/captured', { query: { page, pageSize: 20 }, signal }),
  resend: (eventId: string) =>
    api<Schema<'MailResentDto'>>(`/api/mail/deliveries/${encodeURIComponent(eventId)}/resend`, { method: 'POST' }),
  sendTest: (to: string | undefined) =>
    api<Schema<'TestMailQueuedDto'>>('/api/mail/test', {
      method: 'POST',
      body: (to ? { to } : {}) satisfies Schema<'TestMailDto'>,
    }),
};

/** Mails that did not leave (failing now, or given up). */
export const troubleOf = (c: DeliveryCounts): number => c.failed + c.given_up;
