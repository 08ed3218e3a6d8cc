/**
 * What a failed send means for the delivery record: the reason to show (the SMTP server's own answer
 * when there is one, else the connection error) and whether retrying can help. Pure, so the rules are
 * tested without a server.
 */
export interface SmtpFailure {
  reason: string;
  /** 5xx answers (except 503, a command-order problem of ours) will be refused again: give up now. */
  permanent: boolean;
}

const MAX_REASON = 1000;

interface SmtpLikeError {
  message?: unknown;
  code?: unknown;
  response?: unknown;
  responseCode?: unknown;
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return 'unknown error';
  }
}

export function describeSmtpFailure(err: unknown): SmtpFailure {
  const e: SmtpLikeError = typeof err === 'object' && err !== null ? (err as SmtpLikeError) : {};
  const message = typeof e.message === 'string' ? e.message : safeString(err);
  const response = typeof e.response === 'string' ? e.response.trim() : '';
  const code = typeof e.responseCode === 'number' ? e.responseCode : Number(/^(\d{3})/.exec(response)?.[1] ?? NaN);
  const permanent = code >= 500 && code < 600 && code !== 503;
  // The server's answer says why ("550 5.1.1 <x@y>: Recipient address rejected"); keep our context too.
  const reason = response && !message.includes(response) ? `${message}: ${response}` : message;
  return { reason: reason.replace(/\s+/g, ' ').slice(0, MAX_REASON), permanent };
}
