import { AREA_DEBOUNCE_MS, areaDecision, AreaQueue, AreaScheduler, newerAreaJobWaiting } from './area-scheduler';
import type { Job, JobOptions } from '@apertura/queue';

describe('areaDecision', () => {
  it.each([
    [null, 'add'],
    ['waiting', 'absorbed'],
    ['delayed', 'absorbed'],
    ['paused', 'absorbed'],
    ['active', 'next'],
    ['failed', 'next'],
    ['completed', 'next'],
    ['stuck', 'next'],
  ] as const)('%s → %s', (state, decision) => {
    expect(areaDecision(state)).toBe(decision);
  });
});

/** An in-memory queue with the Bull contract the scheduler relies on (an add with an existing id is ignored). */
function fakeQueue(states: Record<string, string>): AreaQueue & { added: Array<{ jobId: string; delay?: number }> } {
  const added: Array<{ jobId: string; delay?: number }> = [];
  return {
    added,
    async getJob(id: string) {
      const state = states[id];
      return state === undefined ? null : ({ getState: async () => state } as unknown as Job);
    },
    async add(_name: string, _data: unknown, opts: JobOptions) {
      const jobId = String(opts.jobId);
      if (states[jobId] === undefined) {
        states[jobId] = 'delayed';
        added.push({ jobId, delay: opts.delay });
      }
      return {} as Job;
    },
  };
}

describe('AreaScheduler', () => {
  const s = new AreaScheduler();

  it('adds the deterministic job, delayed, and lets a burst collapse into it', async () => {
    const q = fakeQueue({});
    expect(await s.schedule(q, 'R')).toBe('area:R');
    expect(await s.schedule(q, 'R')).toBe('area:R');
    expect(q.added).toEqual([{ jobId: 'area:R', delay: AREA_DEBOUNCE_MS }]);
  });

  it('adds a follow-up job when the area job is already running', async () => {
    const q = fakeQueue({ 'area:R': 'active' });
    expect(await s.schedule(q, 'R')).toBe('area:R:next');
    expect(await s.schedule(q, 'R')).toBe('area:R:next');
    expect(q.added.map((a) => a.jobId)).toEqual(['area:R:next']);
  });

  it('uses a unique id only when both deterministic jobs cannot absorb the change', async () => {
    const q = fakeQueue({ 'area:R': 'active', 'area:R:next': 'failed' });
    const id = await s.schedule(q, 'R');
    expect(id).toMatch(/^area:R:[0-9a-f-]{36}$/);
    expect(q.added.map((a) => a.jobId)).toEqual([id]);
  });
});

describe('newerAreaJobWaiting', () => {
  it('is true when the round has another area job that has not started', async () => {
    expect(await newerAreaJobWaiting(fakeQueue({ 'area:R': 'active', 'area:R:next': 'delayed' }), 'R', 'area:R')).toBe(
      true,
    );
    expect(
      await newerAreaJobWaiting(fakeQueue({ 'area:R': 'waiting', 'area:R:next': 'active' }), 'R', 'area:R:next'),
    ).toBe(true);
  });

  it('is false when the only other job runs, failed or completed, or there is none, or it is of another round', async () => {
    expect(await newerAreaJobWaiting(fakeQueue({ 'area:R': 'active' }), 'R', 'area:R')).toBe(false);
    expect(await newerAreaJobWaiting(fakeQueue({ 'area:R': 'active', 'area:R:next': 'failed' }), 'R', 'area:R')).toBe(
      false,
    );
    expect(await newerAreaJobWaiting(fakeQueue({ 'area:R': 'active', 'area:S': 'delayed' }), 'R', 'area:R')).toBe(
      false,
    );
  });

  it('does not count the job asking, in whatever state Bull still reports it', async () => {
    expect(await newerAreaJobWaiting(fakeQueue({ 'area:R': 'waiting' }), 'R', 'area:R')).toBe(false);
  });
});
