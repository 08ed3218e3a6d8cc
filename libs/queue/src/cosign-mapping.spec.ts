import { jobForEvent } from './mapping';
import { JOBS, QUEUES } from './queues';

/** Issue #18: the co-sign invitation event becomes one mail job (the activation link only for a new account). */
describe('mail.cosign-invite → job', () => {
  it('carries the co-signer and, for a new account, its staff invitation', () => {
    const m = jobForEvent({
      id: '7',
      type: 'mail.cosign-invite',
      payload: { cosignerId: 'c-1', staffInvitationId: 's-1' },
    });
    if (!m.ok) throw new Error(m.reason);
    expect(m.job).toMatchObject({
      queue: QUEUES.mail,
      name: JOBS.sendCosignInvite,
      data: { cosignerId: 'c-1', staffInvitationId: 's-1', eventId: '7' },
      opts: { jobId: 'mail:7' },
      debounced: false,
    });
  });

  it('an existing account gets no activation link', () => {
    const m = jobForEvent({ id: '8', type: 'mail.cosign-invite', payload: { cosignerId: 'c-1' } });
    expect(m.ok && m.job.data).toEqual({ cosignerId: 'c-1', staffInvitationId: null, eventId: '8' });
  });

  it.each([[{}], [{ cosignerId: 'c-1', staffInvitationId: 5 }], [null]])(
    'refuses a malformed payload %j',
    (payload) => {
      expect(jobForEvent({ id: '9', type: 'mail.cosign-invite', payload }).ok).toBe(false);
    },
  );
});
