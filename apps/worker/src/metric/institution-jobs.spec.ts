import type { Queue } from '@apertura/queue';
import { AreaScheduler } from './area-scheduler';
import { InstitutionJobs } from './institution-jobs';
import type { InstitutionRecomputeService } from './institution-recompute.service';

/** The batch orchestration alone: what each job is answered with, given what recomputeMany does. */
function jobsWith(recomputeMany: (roundId: string, ids: readonly string[]) => Promise<{ watermark: string }>): {
  jobs: InstitutionJobs;
  calls: string[][];
  areaRequests: () => number;
} {
  const calls: string[][] = [];
  let areaRequests = 0;
  const service = {
    recomputeMany: (roundId: string, ids: readonly string[]) => {
      calls.push([...ids]);
      return recomputeMany(roundId, ids);
    },
  } as unknown as InstitutionRecomputeService;
  const scheduler = {
    schedule: async () => {
      areaRequests += 1;
      return 'area-job';
    },
  } as unknown as AreaScheduler;
  return { jobs: new InstitutionJobs(service, scheduler, {} as Queue), calls, areaRequests: () => areaRequests };
}

describe('InstitutionJobs', () => {
  it('recomputes the jobs of a round that arrive together as one batch, with one area job request', async () => {
    let release = (): void => undefined;
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const { jobs, calls, areaRequests } = jobsWith(async (_r, ids) => {
      if (ids.includes('i0')) await firstDone;
      return { watermark: String(ids.length) };
    });
    const first = jobs.run({ roundId: 'r', institutionId: 'i0' });
    const rest = ['i1', 'i2', 'i3'].map((institutionId) => jobs.run({ roundId: 'r', institutionId }));
    release();
    expect(await first).toEqual({ watermark: '1', areaJob: 'area-job', batch: 1 });
    expect(await Promise.all(rest)).toEqual(
      Array.from({ length: 3 }, () => ({ watermark: '3', areaJob: 'area-job', batch: 3 })),
    );
    expect(calls).toEqual([['i0'], ['i1', 'i2', 'i3']]);
    expect(areaRequests()).toBe(2);
  });

  it("after a failed batch, tries each institution alone: only the failing one's job fails", async () => {
    let release = (): void => undefined;
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const { jobs, calls } = jobsWith(async (_r, ids) => {
      if (ids.includes('i0')) await firstDone;
      if (ids.includes('bad')) throw new Error('inputs refused');
      return { watermark: '7' };
    });
    const first = jobs.run({ roundId: 'r', institutionId: 'i0' });
    const [good, bad, alsoGood] = ['a', 'bad', 'b'].map((institutionId) => jobs.run({ roundId: 'r', institutionId }));
    release();
    await first;
    await expect(bad).rejects.toThrow('inputs refused');
    expect(await good).toMatchObject({ watermark: '7', batch: 1 });
    expect(await alsoGood).toMatchObject({ watermark: '7', batch: 1 });
    expect(calls).toEqual([['i0'], ['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });
});
