import { MetricResultsRepository } from '../../apps/worker/src/metric/metric-results.repository';
import type { TestApp } from './app';
import type { Client } from './http';

/**
 * Publishes a closed round in a test that runs no worker: requests the publication (which queues the
 * full rebuild and leaves the round closed, issue #13) and then finishes that run the way the worker
 * does, in one transaction with the flip to `published`. Returns the run id. Sends the acknowledgement
 * that mostly inconclusive rounds need (issue #15): these fixtures are such rounds.
 */
export async function publishWithoutWorker(
  t: TestApp,
  http: Client,
  roundId: string,
  adminToken: string,
): Promise<string> {
  const res = await http.post<{ publication: { runId: string } | null }>(
    `/api/rounds/${roundId}/publish`,
    { acknowledgeInconclusive: true },
    { token: adminToken },
  );
  if (res.status !== 200 || !res.body.publication)
    throw new Error(`publish ${roundId}: ${res.status} ${JSON.stringify(res.body)}`);
  const runId = res.body.publication.runId;
  await t.ds.transaction((m) => new MetricResultsRepository(t.ds).finishRun(m, runId, '0'));
  return runId;
}
