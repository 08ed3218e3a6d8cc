import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@apertura/db';
import { startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase } from './support/db';
import { client, Client } from './support/http';
import { buildRoundFixture, RoundFixture } from './support/round-fixture';

/**
 * DATABASE_READ_URL (docs/scaling.md): the read-only result and open-data endpoints are served from
 * the read connection, everything else from the primary. The "replica" here is a second database
 * that the test replicates by hand, so what each endpoint read is visible: a round published on the
 * primary is public only once it reached the replica.
 */
describe('read replica for dashboards and exports', () => {
  let replica: TestDatabase;
  let replicaDs: DataSource;
  let t: TestApp;
  let http: Client;
  let round: RoundFixture;

  beforeAll(async () => {
    replica = await createTestDatabase();
    t = await startTestApp({ env: { DATABASE_READ_URL: replica.url } });
    http = client(t.url);
    replicaDs = await new DataSource(dataSourceOptions(replica.url, { entities: [] })).initialize();
    round = await buildRoundFixture(t.ds, {
      seed: 'replica',
      name: 'Ronda replicada',
      institutions: 4,
      status: 'published',
      synthetic: true,
    });
  }, 60_000);

  afterAll(async () => {
    await replicaDs?.destroy();
    await t?.close();
    await replica?.drop();
  });

  /** Copies whole tables primary → replica, as streaming replication would have. */
  async function replicate(tables: string[]): Promise<void> {
    for (const table of tables) {
      const rows: Array<{ r: unknown }> = await t.ds.query(`SELECT row_to_json(x) AS r FROM ${table} x`);
      for (const { r } of rows)
        await replicaDs.query(
          `INSERT INTO ${table} SELECT * FROM json_populate_record(NULL::${table}, $1::json) ON CONFLICT DO NOTHING`,
          [JSON.stringify(r)],
        );
    }
  }

  it('serves published rounds, results and exports from the replica, not the primary', async () => {
    const [{ status }] = await t.ds.query('SELECT status FROM round WHERE id = $1', [round.roundId]);
    expect(status).toBe('published');

    // Not replicated yet: the public endpoints (reading the replica) do not know the round.
    expect((await http.get('/api/public/rounds')).body).toMatchObject({ total: 0, items: [] });
    const missing = await http.get(`/api/public/rounds/${round.roundId}/results/summary`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    expect((await http.get(`/api/public/rounds/${round.roundId}/export/states.csv`)).status).toBe(404);

    await replicate(['guarantor', 'questionnaire', 'round']);
    const listed = await http.get('/api/public/rounds');
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: round.roundId, name: 'Ronda replicada' }] });
    expect((await http.get(`/api/public/rounds/${round.roundId}/results/summary`)).status).toBe(200);
    expect((await http.get(`/api/public/rounds/${round.roundId}/export/states.csv`)).status).toBe(200);
  });
});
