/**
 * Outbox event contracts: what the API writes in the same transaction as a change. Payloads carry ids
 * only (never entities, never secrets); the relay turns each event into Bull jobs (relay.ts).
 */
export type OutboxEvent =
  | { type: 'mail.invitation'; payload: { invitationId: string; reminder: boolean } }
  | { type: 'mail.verify-email'; payload: { verificationId: string } }
  | { type: 'mail.password-reset'; payload: { resetId: string } }
  /** Issue #15 item 5: a guarantor admin invited a staff member (the link lets them choose a password). */
  | { type: 'mail.staff-invite'; payload: { staffInvitationId: string } }
  /** Someone tried to register an address that already has an account: its owner is told (the API answers as for a new one). */
  | { type: 'mail.account-exists'; payload: { userId: string } }
  | {
      type: 'response.submitted';
      payload: { roundId: string; institutionId: string; responseId: string; version: number };
    }
  | { type: 'verdict.saved'; payload: { roundId: string; institutionId: string; verdictId: string } }
  | { type: 'citizen-report.saved'; payload: { roundId: string; institutionId: string; reportId: string } }
  | { type: 'round.recompute'; payload: { roundId: string; runId: string } }
  /** METHOD.md §3.1: the institution's refutations queued by the due-process sweep, mailed as one notice. */
  | { type: 'mail.refutation-notice'; payload: { roundId: string; institutionId: string } }
  /** Issue #15: "send a test mail" from the console (the address is in the payload; the mail has no link). */
  | { type: 'mail.test'; payload: { to: string; guarantorId: string } }
  /** Issue #16: a validator got new assignments in a round (sent unless they opted out of optional mails). */
  | { type: 'mail.validator-assignments'; payload: { userId: string; roundId: string; assignmentIds: string[] } }
  /** Issue #16: an active assignment expires soon (queued once by the worker's expiry-reminder sweep). */
  | { type: 'mail.assignment-expiry'; payload: { assignmentId: string } }
  /** Issue #16: how the results of the institutions a validator worked on moved (a validator_digest row). */
  | { type: 'mail.validator-digest'; payload: { digestId: string } }
  /** Issue #16 item 2: the institution's confirmation of a submitted version (folio + link to its printable copy). */
  | { type: 'mail.submission-receipt'; payload: { invitationId: string; responseId: string; version: number } }
  /**
   * Issue #18 item 2: an operator invited a co-signing organisation to a round. With a staffInvitationId
   * the account is new and the mail carries its activation link; without, it links to the sign-in page.
   */
  | { type: 'mail.cosign-invite'; payload: { cosignerId: string; staffInvitationId?: string } }
  /** Issue #13 item 5: a large universe CSV was stored (universe_import_chunk); the worker imports it. */
  | { type: 'universe.import'; payload: { importId: string } };

export type OutboxEventType = OutboxEvent['type'];
