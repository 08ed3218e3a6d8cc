import { api } from '../shared/api';

/** DTOs of apps/api/src/mail (GET /api/mail/deliveries, /api/mail/captured, POST /api/mail/test, POST /api/mail/deliveries/:eventId/resend). */
export const MAIL_OUTCOMES = ['queued', 'sent', 'skipped', 'failed', 'given_up', 'resent'] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];
export type DeliveryCounts = Record<MailOutcome, number>;

export interface Delivery {
  eventId: string;
  kind: string;
  outcome: MailOutcome;
  recipient: string | null;
  roundId: string | null;
  institutionId: string | null;
  institutionName: string | null;
  attempts: number;
  lastError: string | null;
  queuedAt: string;
  sentAt: string | null;
  updatedAt: string;
  /** Outcome resent: the event id of the new message. */
  resentAs: string | null;
  /** This message re-sends that event id. */
  resentFrom: string | null;
}

export interface DeliveryPage {
  counts: DeliveryCounts;
  last24h: DeliveryCounts;
  total: number;
  items: Delivery[];
}

export interface CapturedMail {
  id: string;
  receivedAt: string;
  to: string[];
  subject: string;
  text: string;
  links: string[];
  eventId: string | null;
}

export interface CapturedPage {
  catcher: boolean;
  total: number;
  items: CapturedMail[];
}

export const mailApi = {
  deliveries: (q: { roundId?: string; outcome?: MailOutcome; page?: number }, signal?: AbortSignal) =>
    api<DeliveryPage>('/api/mail/deliveries', { query: { ...q, pageSize: 50 }, signal }),
  captured: (page: number, signal?: AbortSignal) =>
    api<CapturedPage>('/api/mail/captured', { query: { page, pageSize: 20 }, signal }),
  resend: (eventId: string) =>
    api<{ eventId: string; resentFrom: string; to: string | null }>(
      `/api/mail/deliveries/${encodeURIComponent(eventId)}/resend`,
      { method: 'POST' },
    ),
  sendTest: (to: string | undefined) =>
    api<{ eventId: string; to: string }>('/api/mail/test', { method: 'POST', body: to ? { to } : {} }),
};

/** Mails that did not leave (failing now, or given up). */
export const troubleOf = (c: DeliveryCounts): number => c.failed + c.given_up;
