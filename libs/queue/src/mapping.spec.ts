import { jobForEvent, undebouncedJobId } from './mapping';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES, RECOMPUTE_DEBOUNCE_MS } from './queues';

const R = '11111111-1111-4111-8111-111111111111';
const I = '22222222-2222-4222-8222-222222222222';

describe('jobForEvent', () => {
  it.each([
    [
      'mail.invitation',
      { invitationId: 'inv-1', reminder: true },
      {
        queue: QUEUES.mail,
        name: JOBS.sendInvitation,
        jobId: 'mail:42',
        data: { invitationId: 'inv-1', reminder: true, eventId: '42' },
        debounced: false,
      },
    ],
    [
      'mail.verify-email',
      { verificationId: 'ver-1' },
      {
        queue: QUEUES.mail,
        name: JOBS.sendVerification,
        jobId: 'mail:42',
        data: { verificationId: 'ver-1', eventId: '42' },
        debounced: false,
      },
    ],
    [
      'mail.test',
      { to: 'a@b.example', guarantorId: 'g-1' },
      {
        queue: QUEUES.mail,
        name: JOBS.sendTestMail,
        jobId: 'mail:42',
        data: { to: 'a@b.example', guarantorId: 'g-1', eventId: '42' },
        debounced: false,
      },
    ],
    [
      'mail.validator-assignments',
      { userId: 'u-1', roundId: R, assignmentIds: ['a-1', 'a-2'] },
      {
        queue: QUEUES.mail,
        name: JOBS.sendValidatorMail,
        jobId: 'mail:42',
        data: { kind: 'validator-assignments', ref: 'u-1', roundId: R, assignmentIds: ['a-1', 'a-2'], eventId: '42' },
        debounced: false,
      },
    ],
    [
      'mail.assignment-expiry',
      { assignmentId: 'a-1' },
      {
        queue: QUEUES.mail,
        name: JOBS.sendValidatorMail,
        jobId: 'mail:42',
        data: { kind: 'assignment-expiry', ref: 'a-1', eventId: '42' },
        debounced: false,
      },
    ],
    [
      'mail.validator-digest',
      { digestId: 'd-1' },
      {
        queue: QUEUES.mail,
        name: JOBS.sendValidatorMail,
        jobId: 'mail:42',
        data: { kind: 'validator-digest', ref: 'd-1', eventId: '42' },
        debounced: false,
      },
    ],
    [
      'mail.submission-receipt',
      { invitationId: 'inv-1', responseId: 'resp-1', version: 3 },
      {
        queue: QUEUES.mail,
        name: JOBS.sendSubmissionReceipt,
        jobId: 'mail:42',
        data: { invitationId: 'inv-1', responseId: 'resp-1', version: 3, eventId: '42' },
        debounced: false,
      },
    ],
    [
      'response.submitted',
      { roundId: R, institutionId: I, responseId: 'x', version: 2 },
      {
        queue: QUEUES.metric,
        name: JOBS.recomputeInstitution,
        jobId: `inst:${R}:${I}`,
        data: { roundId: R, institutionId: I },
        debounced: true,
      },
    ],
    [
      'verdict.saved',
      { roundId: R, institutionId: I, verdictId: 'v' },
      {
        queue: QUEUES.metric,
        name: JOBS.recomputeInstitution,
        jobId: `inst:${R}:${I}`,
        data: { roundId: R, institutionId: I },
        debounced: true,
      },
    ],
    [
      'citizen-report.saved',
      { roundId: R, institutionId: I, reportId: 'c' },
      {
        queue: QUEUES.metric,
        name: JOBS.recomputeInstitution,
        jobId: `inst:${R}:${I}`,
        data: { roundId: R, institutionId: I },
        debounced: true,
      },
    ],
    [
      'round.recompute',
      { roundId: R, runId: 'run-1' },
      {
        queue: QUEUES.metric,
        name: JOBS.recomputeRound,
        jobId: 'round:run-1',
        data: { roundId: R, runId: 'run-1' },
        debounced: false,
      },
    ],
    [
      'universe.import',
      { importId: 'imp-1' },
      {
        queue: QUEUES.imports,
        name: JOBS.importUniverse,
        jobId: 'universe-import:imp-1',
        data: { importId: 'imp-1' },
        debounced: false,
      },
    ],
  ])('%s → job', (type, payload, expected) => {
    const m = jobForEvent({ id: '42', type, payload });
    if (!m.ok) throw new Error(m.reason);
    expect({
      queue: m.job.queue,
      name: m.job.name,
      jobId: m.job.opts.jobId,
      data: m.job.data,
      debounced: m.job.debounced,
    }).toEqual(expected);
    expect(m.job.opts.attempts).toBe(DEFAULT_JOB_OPTIONS.attempts);
    expect(m.job.opts.backoff).toEqual(DEFAULT_JOB_OPTIONS.backoff);
  });

  it('delays only the debounced per-institution recompute', () => {
    const inst = jobForEvent({
      id: '1',
      type: 'verdict.saved',
      payload: { roundId: R, institutionId: I, verdictId: 'v' },
    });
    const round = jobForEvent({ id: '2', type: 'round.recompute', payload: { roundId: R, runId: 'r' } });
    const mail = jobForEvent({ id: '3', type: 'mail.invitation', payload: { invitationId: 'i', reminder: false } });
    expect(inst.ok && inst.job.opts.delay).toBe(RECOMPUTE_DEBOUNCE_MS);
    expect(round.ok && round.job.opts.delay).toBeUndefined();
    expect(mail.ok && mail.job.opts.delay).toBeUndefined();
  });

  it('gives different events of one institution the same job id (bursts collapse)', () => {
    const a = jobForEvent({
      id: '1',
      type: 'response.submitted',
      payload: { roundId: R, institutionId: I, responseId: 'x', version: 1 },
    });
    const b = jobForEvent({
      id: '2',
      type: 'verdict.saved',
      payload: { roundId: R, institutionId: I, verdictId: 'v' },
    });
    expect(a.ok && b.ok && a.job.opts.jobId === b.job.opts.jobId).toBe(true);
  });

  it('gives every mail event its own job id', () => {
    const a = jobForEvent({ id: '1', type: 'mail.invitation', payload: { invitationId: 'i', reminder: false } });
    const b = jobForEvent({ id: '2', type: 'mail.invitation', payload: { invitationId: 'i', reminder: true } });
    expect(a.ok && b.ok && a.job.opts.jobId !== b.job.opts.jobId).toBe(true);
  });

  it.each([
    ['unknown.type', { a: 1 }, /no job for event type unknown.type/],
    ['mail.invitation', { invitationId: 'i' }, /malformed/],
    ['mail.invitation', { invitationId: 5, reminder: false }, /malformed/],
    ['mail.verify-email', {}, /malformed/],
    ['response.submitted', { roundId: R }, /malformed/],
    ['round.recompute', null, /malformed/],
  ])('refuses %s with payload %j', (type, payload, reason) => {
    const m = jobForEvent({ id: '9', type, payload });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toMatch(reason);
  });

  it('suffixes a debounced job id with the event id', () => {
    expect(undebouncedJobId(`inst:${R}:${I}`, '77')).toBe(`inst:${R}:${I}:77`);
  });
});
