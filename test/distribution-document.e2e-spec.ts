import { brotliDecompressSync, gunzipSync } from 'zlib';
import { RoundValuesCache } from '../apps/api/src/common/results/round-values-cache';
import { toDistribution } from '../apps/api/src/results/results.mapper';
import { ResultsRepository } from '../apps/api/src/results/results.repository';
import { startTestApp, TestApp } from './support/app';
import { exportRound, ExportRoundFixture } from './support/export-round';
import { guarantorWithAdmin, Staff } from './support/fixtures';
import { client } from './support/http';
import { rawGet, RawResponse } from './support/raw-http';

/**
 * The overview's distribution as one encoded document per round (issue #17, item 4): over HTTP it is
 * exactly the columns the stored rows give, in every encoding, and it follows every change of what
 * it shows — result rows, institution names, the universe — on the next read.
 */
describe('distribution document (issue #17)', () => {
  let t: TestApp;
  let staff: Staff;
  let fx: ExportRoundFixture;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await guarantorWithAdmin(t.ds, client(t.url));
    fx = await exportRound(t.ds, staff.guarantorId, { filler: 30 });
    url = `${t.url}/api/public/rounds/${fx.roundId}/results/distribution`;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const json = (r: RawResponse): unknown => {
    const encoding = r.headers['content-encoding'];
    const text = encoding === 'br' ? brotliDecompressSync(r.body) : encoding === 'gzip' ? gunzipSync(r.body) : r.body;
    return JSON.parse(text.toString('utf8'));
  };

  /** The columns the stored rows give now, read without the API's document. */
  const fromRows = async (): Promise<unknown> =>
    JSON.parse(
      JSON.stringify(
        toDistribution(
          await new ResultsRepository(t.ds, t.ds, new RoundValuesCache(t.ds, t.ds)).distribution(fx.roundId),
        ),
      ),
    );

  it('sends the columns the rows give, the same in Brotli, gzip and uncompressed, under one ETag', async () => {
    const expected = await fromRows();
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    const plain = await rawGet(url);
    expect([br.status, gzip.status, plain.status]).toEqual([200, 200, 200]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    for (const r of [br, gzip, plain]) {
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(json(r)).toEqual(expected);
      expect(r.headers.etag).toBe(plain.headers.etag);
    }
    expect((expected as { total: number }).total).toBe(fx.institutions);
  });

  it('answers 304 without a body to a client that holds the same content', async () => {
    const first = await rawGet(url, { 'accept-encoding': 'br' });
    const again = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': 'W/"something-else"' });
    expect(other.status).toBe(200);
  });

  it('follows a change of a result row, of a name and of the universe on the next read', async () => {
    const before = await rawGet(url);
    const [someone] = fx.hostileIds;

    await t.ds.query(
      `UPDATE metric_result SET estimate = 0.123456789 WHERE round_id = $1 AND scope = 'institution' AND scope_key = $2 AND indicator IN ('I', 'I_G')`,
      [fx.roundId, someone],
    );
    const valued = await rawGet(url);
    expect(valued.headers.etag).not.toBe(before.headers.etag);
    expect(json(valued)).toEqual(await fromRows());
    const body = json(valued) as { id: string[]; estimate: Array<number | null>; name: string[]; total: number };
    expect(body.estimate[body.id.indexOf(someone)]).toBe(0.123456789);

    // A rename without any result write (and without touching updated_at).
    await t.ds.query('UPDATE institution SET name = $2 WHERE id = $1', [someone, 'AAA institución renombrada']);
    const renamed = json(await rawGet(url)) as typeof body;
    expect(renamed.name[renamed.id.indexOf(someone)]).toBe('AAA institución renombrada');
    expect(renamed).toEqual(await fromRows());

    await t.ds.query('DELETE FROM round_institution WHERE round_id = $1 AND institution_id = $2', [
      fx.roundId,
      someone,
    ]);
    const smaller = json(await rawGet(url)) as typeof body;
    expect(smaller.total).toBe(body.total - 1);
    expect(smaller.id).not.toContain(someone);
    expect(smaller).toEqual(await fromRows());
  });

  it('sends staff the same document, and a round they may not see is NOT_FOUND in every form', async () => {
    const http = client(t.url);
    const staffRes = await http.get(`/api/rounds/${fx.roundId}/results/distribution`, { token: staff.adminToken });
    expect(staffRes.status).toBe(200);
    expect(staffRes.body).toEqual(await fromRows());

    const other = await guarantorWithAdmin(t.ds, http);
    const hidden = await http.get(`/api/rounds/${fx.roundId}/results/distribution`, { token: other.adminToken });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'NOT_FOUND' });

    const unpublished = await exportRound(t.ds, staff.guarantorId, { status: 'closed', filler: 2 });
    const notPublic = await rawGet(`${t.url}/api/public/rounds/${unpublished.roundId}/results/distribution`);
    expect(notPublic.status).toBe(404);
    expect(json(notPublic)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
