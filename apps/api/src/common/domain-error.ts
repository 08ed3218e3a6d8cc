/**
 * Domain errors carry a stable code, a message in Spanish and English and, when one input is to
 * blame, the offending field. Only the global filter maps them to HTTP (see ERROR_HTTP_STATUS).
 */
export interface Messages {
  es: string;
  en: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messages: Messages,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(messages.en);
  }
}

/** Every error code the API can answer with, and its HTTP status. Documented in OpenAPI. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  /** NUL or another C0 control character in any text of a request (body, query, path). */
  CONTROL_CHARACTER: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  EMAIL_NOT_VERIFIED: 403,
  FORBIDDEN: 403,
  INVALID_TOKEN: 401,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ROUND_NOT_DRAFT: 409,
  ROUND_NOT_OPEN: 409,
  ROUND_CLOSED: 409,
  INVALID_TRANSITION: 409,
  QUESTIONNAIRE_INVALID: 422,
  QUESTIONNAIRE_KIND_MISMATCH: 422,
  /** An imported questionnaire spreadsheet: unreadable, or rows that do not make a valid definition (details.issues per row). */
  QUESTIONNAIRE_SHEET_INVALID: 422,
  UNIVERSE_INVALID: 422,
  UNIVERSE_EMPTY: 422,
  SUBMISSION_INVALID: 422,
  SETTINGS_INVALID: 422,
  DESIGN_INVALID: 422,
  NOT_ASSIGNED: 403,
  CONFLICT_OF_INTEREST: 403,
  ASSIGNMENT_EXPIRED: 409,
  VALIDATION_CLOSED: 409,
  IDEMPOTENCY_MISMATCH: 409,
  // Due process and no steering (issue #13, METHOD.md §3.1).
  CONFLICT_REASON_REQUIRED: 400,
  TOO_MANY_CONFLICTS: 400,
  REPLY_WINDOW_CLOSED: 409,
  DISPUTE_EXISTS: 409,
  DISPUTE_DECIDED: 409,
  /** The institution already submitted the round's maximum number of versions (round.maxVersionsPerResponse). */
  VERSION_LIMIT_REACHED: 409,
  // Invitations and mail templates (issue #15, item 2).
  /** The institution's invitation of the round is revoked: re-issue a link first. */
  INVITATION_REVOKED: 409,
  /** A mail template uses a {{variable}} outside the allowed list (details.variable). */
  TEMPLATE_UNKNOWN_VARIABLE: 400,
  /** A mail template holds markup, control characters, stray braces, a line break in the subject, or the link in the subject. */
  TEMPLATE_UNSAFE: 400,
  /** A mail template's body has no {{link}}: the institution could not answer. */
  TEMPLATE_LINK_REQUIRED: 400,
  // Rounds console (issue #15, item 4).
  /** Publishing a round whose values are mostly not conclusive, or whose institutions mostly never answered, without `acknowledgeInconclusive: true`. */
  PUBLISH_ACKNOWLEDGEMENT_REQUIRED: 409,
  // People (issue #15, item 5).
  /** The account was deactivated by a guarantor admin: it cannot sign in. */
  ACCOUNT_DEACTIVATED: 403,
  /** The change would leave the guarantor without an active admin. */
  LAST_ADMIN: 409,
  /** A cookie-authenticated unsafe request that does not come from our own pages (docs/security.md). */
  CSRF_REJECTED: 403,
  // First run in the browser (issue #15, item 6).
  /** The setup code is wrong, or was already used. */
  SETUP_CODE_INVALID: 403,
  /** The setup code is past its expiry: restart the API for a new one. */
  SETUP_CODE_EXPIRED: 410,
  /** A guarantor other than the demo exists: the first-run setup is closed for good. */
  SETUP_ALREADY_DONE: 409,
  // Mail re-send (issue #15, item 1).
  /** Re-sending a mail that already left (outcome sent): nothing to do. */
  MAIL_ALREADY_SENT: 409,
  /** Re-sending a mail that is still queued, was skipped or was already re-sent (details.outcome, details.resentAs). */
  MAIL_NOT_RESENDABLE: 409,
  // Commitments after a diagnosis (issue #18, item 1).
  /** Commitments are recorded only after the round is published (they answer its results). */
  ROUND_NOT_PUBLISHED: 409,
  /** A commitment names a component that is not in the round's instruments (details.component). */
  COMMITMENT_COMPONENT_UNKNOWN: 422,
  /** A commitments CSV with row problems (details.errors: line, column, code, es/en message); nothing was written. */
  COMMITMENTS_CSV_INVALID: 422,
  /** Removing a milestone citizens have already verified: their verdicts are evidence and stay attached. */
  MILESTONE_HAS_VERDICTS: 409,
  // Co-signed rounds (issue #18, item 2).
  /** Publishing a co-signed round without a quorum of current approvals (details: quorum, approvals, stale, objections). */
  COSIGN_QUORUM_NOT_MET: 409,
  /** A co-signer's decision names a fingerprint that is not the round's current one: review again (details.current). */
  COSIGN_FINGERPRINT_CHANGED: 409,
  /** Decisions are taken once the round is closed (results exist) and before it is published. */
  COSIGN_DECISIONS_CLOSED: 409,
  /** The quorum can be lowered only while the round is a draft (it can be raised until publication). */
  COSIGN_QUORUM_LOCKED: 409,
  /** A co-signer that already recorded a decision stays on the round (its decisions are public). */
  COSIGNER_HAS_DECIDED: 409,
  /** An objection needs its reasons. */
  COSIGN_REASON_REQUIRED: 400,
  // Public feedback (issue #18, item 4).
  /** A report's status cannot move that way (open → acknowledged → fixed | rejected; open → fixed | rejected). */
  REPORT_TRANSITION_INVALID: 409,
  /** Closing a report (fixed, rejected) needs a public reply. */
  REPORT_REPLY_REQUIRED: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

/** Small helpers for the errors every module raises. */
export const notFound = (what: string, field?: string): DomainError =>
  new DomainError('NOT_FOUND', { es: `No se encontró: ${what}.`, en: `Not found: ${what}.` }, field);

export const forbidden = (): DomainError =>
  new DomainError('FORBIDDEN', {
    es: 'No tiene permiso para esta operación.',
    en: 'You are not allowed to perform this operation.',
  });
