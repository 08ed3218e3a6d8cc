import type { INestApplicationContext } from '@nestjs/common';
import { startWorker } from '../../apps/worker/src/main';
import { RoundRecomputeService } from '../../apps/worker/src/metric/round-recompute.service';
import { startTestApp, TestApp } from './app';
import { startSmtp, TestSmtp } from './smtp';

/** The real API on its own database, an SMTP catcher and a worker context on the same environment. */
export interface WorkerApp {
  t: TestApp;
  smtp: TestSmtp;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

export async function startWorkerApp(): Promise<WorkerApp> {
  const smtp = await startSmtp();
  const t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  const worker = await startWorker(t.env);
  return {
    t,
    smtp,
    worker,
    async close() {
      await worker.close();
      await t.close();
      await smtp.close();
    },
  };
}

/** A full rebuild of a round through the worker's service, as the recompute-round job runs it. */
export async function rebuildRound(app: WorkerApp, roundId: string): Promise<void> {
  const [{ id }] = await app.t.ds.query('INSERT INTO recompute_run (round_id) VALUES ($1) RETURNING id', [roundId]);
  const out = await app.worker.get(RoundRecomputeService).recompute({ roundId, runId: id }, async () => undefined);
  expect(out.status).toBe('done');
}
