import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { hashToken } from '../../apps/api/src/auth/tokens';
import { startTestApp, TestApp } from '../support/app';
import { buildWorld, PDF, SAMPLE_ANSWERS, World } from './support/world';

/**
 * A table of malformed requests across every capability of the API. Each must be answered with the
 * expected 4xx and a stable error `code` (never a 5xx, never a stack trace), and the database must be
 * exactly as it was before the table ran: every case is invalid, so nothing may be written.
 */

type Caller = 'none' | 'admin' | 'analyst' | 'validator' | 'invitation';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Case {
  name: string;
  method: Method;
  path: string;
  as?: Caller;
  /** Sent as JSON (application/json) unless `raw` is given. */
  json?: unknown;
  raw?: string | Buffer | FormData;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** For cases whose right answer is a harmless 200 (e.g. injection strings in a search box). */
  check?: (body: unknown) => void;
}

const MB = 1024 * 1024;
const SQLI = "' OR 1=1 --";
const XSS = '<script>alert(document.cookie)</script>';
const nested = (depth: number, leaf: unknown = 1): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
/** JSON text nested deeper than any parser recursion would survive if it recursed naively. */
const deepJson = (depth: number, prefix = '{"data":', suffix = ',"idempotencyKey":"deep-nesting-1"}'): string => `${prefix}${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}${suffix}`;

function multipart(boundary: string, parts: Array<{ name: string; filename?: string; type?: string; content: Buffer | string }>, close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function form(file: Buffer | undefined, filename: string, questionName: string | undefined, type = 'application/pdf'): FormData {
  const f = new FormData();
  if (questionName !== undefined) f.append('questionName', questionName);
  if (file) f.append('file', new Blob([file], { type }), filename);
  return f;
}

/** Row count and content checksum of every table: equal snapshots mean nothing was written. */
async function snapshot(ds: DataSource): Promise<Record<string, { rows: number; md5: string }>> {
  const tables: Array<{ name: string }> = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [r] = await ds.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${name}" t`);
    out[name] = r;
  }
  return out;
}

function cases(w: World, tokens: Record<string, string>, ids: { revokedToken: string; ownAssignment: string }): Case[] {
  const r = w.roundId;
  const goodRound = {
    name: 'Ronda maliciosa',
    opensAt: '2030-01-01T00:00:00Z',
    closesAt: '2030-02-01T00:00:00Z',
    institutionQuestionnaireId: w.iq,
    citizenQuestionnaireId: w.cq,
  };
  const goodRegistration = { email: 'nueva@example.org', password: 'a long enough password', consent: true, privacyNoticeVersion: '2025-01' };
  const validCsv = 'name,type,level,cve_ent,cvegeo,email\nAyuntamiento de Toluca,ayuntamiento,municipal,15,15106,ut@toluca.example\n';
  const a = ids.ownAssignment;
  const boundary = 'apertura-test-boundary';

  return [
    // ── auth ─────────────────────────────────────────────────────────────────────────────────
    { name: 'login: email is a number', method: 'POST', path: '/api/auth/login', json: { email: 123, password: 'x' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: password missing', method: 'POST', path: '/api/auth/login', json: { email: 'a@b.example' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: truncated JSON', method: 'POST', path: '/api/auth/login', raw: '{"email": "a@b.example", "pass', headers: { 'content-type': 'application/json' }, status: 400, code: 'MALFORMED_JSON' },
    { name: 'login: JSON array body', method: 'POST', path: '/api/auth/login', json: [{ email: 'a@b.example', password: 'x' }], status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: JSON string body', method: 'POST', path: '/api/auth/login', raw: '"a@b.example"', headers: { 'content-type': 'application/json' }, status: 400, code: 'MALFORMED_JSON' },
    { name: 'login: JSON null body', method: 'POST', path: '/api/auth/login', raw: 'null', headers: { 'content-type': 'application/json' }, status: 400, code: 'MALFORMED_JSON' },
    { name: 'login: __proto__ key', method: 'POST', path: '/api/auth/login', raw: '{"email":"a@b.example","password":"x","__proto__":{"polluted":"yes"}}', headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: constructor.prototype key', method: 'POST', path: '/api/auth/login', raw: '{"email":"a@b.example","password":"x","constructor":{"prototype":{"polluted":"yes"}}}', headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: 10 000-character email', method: 'POST', path: '/api/auth/login', json: { email: `${'a'.repeat(10_000)}@b.example`, password: 'x' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: text/plain body', method: 'POST', path: '/api/auth/login', raw: '{"email":"a@b.example","password":"x"}', headers: { 'content-type': 'text/plain' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: application/xml body', method: 'POST', path: '/api/auth/login', raw: '<login><email>a@b.example</email></login>', headers: { 'content-type': 'application/xml' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: urlencoded, invalid email', method: 'POST', path: '/api/auth/login', raw: 'email=not-an-email&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: NUL byte in email', method: 'POST', path: '/api/auth/login', json: { email: 'a\u0000@b.example', password: 'x' }, status: 400, code: 'CONTROL_CHARACTER' },
    { name: 'login: operator object as password', method: 'POST', path: '/api/auth/login', json: { email: 'a@b.example', password: { $gt: '' } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: SQL injection as email', method: 'POST', path: '/api/auth/login', json: { email: SQLI, password: SQLI }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: 2 MB JSON body', method: 'POST', path: '/api/auth/login', json: { email: 'a@b.example', password: 'x'.repeat(2 * MB) }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'login: invalid UTF-8 inside a string', method: 'POST', path: '/api/auth/login', raw: Buffer.concat([Buffer.from('{"email":"a'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('@b.example","password":"x"}')]), headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'login: invalid UTF-8 outside strings', method: 'POST', path: '/api/auth/login', raw: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'content-type': 'application/json' }, status: 400, code: 'MALFORMED_JSON' },
    { name: 'login: unsupported charset', method: 'POST', path: '/api/auth/login', raw: '{"email":"a@b.example","password":"x"}', headers: { 'content-type': 'application/json; charset=ebcdic' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'login: gzip body claimed, bytes not gzip', method: 'POST', path: '/api/auth/login', raw: '{"email":"a@b.example","password":"x"}', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, status: 400, code: 'VALIDATION_FAILED' },
    // Anonymous bodies are small (16 KB): the deep body is refused by its size before it is parsed.
    { name: 'login: 100 000-deep JSON', method: 'POST', path: '/api/auth/login', raw: deepJson(100_000, '{"email":', ',"password":"x"}'), headers: { 'content-type': 'application/json' }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'login: 1 000-deep JSON', method: 'POST', path: '/api/auth/login', raw: deepJson(1_000, '{"email":', ',"password":"x"}'), headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'me: JWT signed with another secret', method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${tokens.forged}` }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: expired JWT', method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${tokens.expired}` }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: alg=none JWT', method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${tokens.none}` }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: JWT of an unknown account', method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${tokens.ghost}` }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: JWT claiming a role the account does not have', method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${tokens.escalated}` }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: Bearer without token', method: 'GET', path: '/api/auth/me', headers: { authorization: 'Bearer' }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: Basic scheme', method: 'GET', path: '/api/auth/me', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'me: 8 KB garbage token', method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${'x'.repeat(8192)}` }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'rounds: forged JWT on a write', method: 'POST', path: '/api/rounds', headers: { authorization: `Bearer ${tokens.forged}` }, json: goodRound, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'rounds: expired JWT on a write', method: 'POST', path: '/api/rounds', headers: { authorization: `Bearer ${tokens.expired}` }, json: goodRound, status: 401, code: 'UNAUTHENTICATED' },

    // ── users ────────────────────────────────────────────────────────────────────────────────
    { name: 'users: unknown role', method: 'POST', path: '/api/users', as: 'admin', json: { email: 'x@example.org', password: 'long enough password', role: 'superuser' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: citizen role not grantable', method: 'POST', path: '/api/users', as: 'admin', json: { email: 'x@example.org', password: 'long enough password', role: 'citizen_validator' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: HTML as email', method: 'POST', path: '/api/users', as: 'admin', json: { email: XSS, password: 'long enough password', role: 'analyst' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: short password', method: 'POST', path: '/api/users', as: 'admin', json: { email: 'x@example.org', password: 'short', role: 'analyst' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: guarantorId smuggled in', method: 'POST', path: '/api/users', as: 'admin', json: { email: 'x@example.org', password: 'long enough password', role: 'analyst', guarantorId: w.b.guarantorId }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: nested __proto__', method: 'POST', path: '/api/users', as: 'admin', raw: '{"email":"x@example.org","password":"long enough password","role":"analyst","__proto__":{"role":"guarantor_admin"}}', headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: role change, malformed id', method: 'PATCH', path: '/api/users/not-a-uuid/role', as: 'admin', json: { role: 'analyst' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: role change, role as array', method: 'PATCH', path: `/api/users/${w.v1.id}/role`, as: 'admin', json: { role: ['guarantor_admin'] }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'users: role change, SQL in id', method: 'PATCH', path: `/api/users/${encodeURIComponent(SQLI)}/role`, as: 'admin', json: { role: 'analyst' }, status: 400, code: 'VALIDATION_FAILED' },

    // ── universe ─────────────────────────────────────────────────────────────────────────────
    { name: 'universe: Latin-1 CSV (invalid UTF-8)', method: 'POST', path: '/api/universe/import', as: 'admin', raw: Buffer.from('name,type,level,cve_ent,cvegeo,email\nAyuntamiento de Naucalpan de Juárez,ayuntamiento,municipal,15,15057,ut@naucalpan.example\n', 'latin1'), headers: { 'content-type': 'text/csv' }, status: 422, code: 'UNIVERSE_INVALID' },
    { name: 'universe: 30 MB CSV', method: 'POST', path: '/api/universe/import', as: 'admin', raw: Buffer.alloc(30 * MB, 'a'), headers: { 'content-type': 'text/csv' }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'universe: application/xml', method: 'POST', path: '/api/universe/import', as: 'admin', raw: '<universe/>', headers: { 'content-type': 'application/xml' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'universe: multipart instead of CSV', method: 'POST', path: '/api/universe/import', as: 'admin', raw: form(Buffer.from(validCsv), 'u.csv', 'x', 'text/csv'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'universe: no content type', method: 'POST', path: '/api/universe/import', as: 'admin', raw: Buffer.from(validCsv), headers: { 'content-type': '' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'universe: JSON csv is a number', method: 'POST', path: '/api/universe/import', as: 'admin', json: { csv: 123 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'universe: JSON with an extra field', method: 'POST', path: '/api/universe/import', as: 'admin', json: { csv: validCsv, guarantorId: w.b.guarantorId }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'universe: header only', method: 'POST', path: '/api/universe/import', as: 'admin', raw: 'name,type,level,cve_ent,cvegeo,email\n', headers: { 'content-type': 'text/csv' }, status: 422, code: 'UNIVERSE_INVALID' },
    { name: 'universe: unknown municipality', method: 'POST', path: '/api/universe/import', as: 'admin', raw: validCsv.replace('15106', '99999'), headers: { 'content-type': 'text/csv' }, status: 422, code: 'UNIVERSE_INVALID' },
    { name: 'universe: SQL in cvegeo', method: 'POST', path: '/api/universe/import', as: 'admin', raw: validCsv.replace('15106', SQLI), headers: { 'content-type': 'text/csv' }, status: 422, code: 'UNIVERSE_INVALID' },
    { name: 'universe: binary (PNG) as CSV', method: 'POST', path: '/api/universe/import', as: 'admin', raw: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), headers: { 'content-type': 'text/csv' }, status: 400, code: 'CONTROL_CHARACTER' },
    { name: 'universe: unterminated quote', method: 'POST', path: '/api/universe/import', as: 'admin', raw: 'name,type,level,cve_ent,cvegeo,email\n"Ayuntamiento,ayuntamiento,municipal,15,15106,ut@x.example\n', headers: { 'content-type': 'text/csv' }, status: 422, code: 'UNIVERSE_INVALID' },
    { name: 'universe: dryRun not a boolean', method: 'POST', path: '/api/universe/import?dryRun=maybe', as: 'admin', raw: validCsv, headers: { 'content-type': 'text/csv' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'universe: list, pageSize 10000', method: 'GET', path: '/api/universe/institutions?pageSize=10000', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'universe: list, unknown filter', method: 'GET', path: `/api/universe/institutions?where=${encodeURIComponent('1=1')}`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'universe: list, cvegeo with SQL', method: 'GET', path: `/api/universe/institutions?cvegeo=${encodeURIComponent(SQLI)}`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },

    // ── questionnaires ───────────────────────────────────────────────────────────────────────
    { name: 'questionnaires: empty body', method: 'POST', path: '/api/questionnaires', as: 'admin', json: {}, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: bad slug', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: '../../etc', definition: { pages: [] } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: unknown kind', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'admin', slug: 'x', definition: { pages: [] } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: definition is malformed JSON text', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: 'roto', definition: '{"pages": [' }, status: 422, code: 'QUESTIONNAIRE_INVALID' },
    { name: 'questionnaires: unknown question type', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: 'raro', definition: { pages: [{ name: 'p', elements: [{ type: 'html-injection', name: 'q', html: XSS }] }] } }, status: 422, code: 'QUESTIONNAIRE_INVALID' },
    { name: 'questionnaires: definition is a number', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: 'numero', definition: 42 }, status: 422, code: 'QUESTIONNAIRE_INVALID' },
    { name: 'questionnaires: __proto__ in definition', method: 'POST', path: '/api/questionnaires', as: 'admin', raw: '{"kind":"institution","slug":"proto","definition":{"__proto__":{"polluted":"yes"},"pages":[]}}', headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: 2000-deep definition', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: 'hondo', definition: nested(2000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: 70-deep definition (linter limit)', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: 'hondo', definition: { pages: [], extra: nested(70) } }, status: 422, code: 'QUESTIONNAIRE_INVALID' },
    { name: 'questionnaires: body over 1 MB', method: 'POST', path: '/api/questionnaires', as: 'admin', json: { kind: 'institution', slug: 'enorme', definition: { title: 'x'.repeat(1.5 * MB) } }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'questionnaires: malformed id', method: 'GET', path: '/api/questionnaires/abc', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: pageSize 10000', method: 'GET', path: '/api/questionnaires?pageSize=10000', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: page -1', method: 'GET', path: '/api/questionnaires?page=-1', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'questionnaires: operator in query key', method: 'GET', path: '/api/questionnaires?slug[$ne]=x', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },

    // ── rounds ───────────────────────────────────────────────────────────────────────────────
    { name: 'rounds: opensAt "NaN"', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, opensAt: 'NaN' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: opensAt a number', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, opensAt: 1_700_000_000 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: impossible date', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, opensAt: '2025-13-45T00:00:00Z' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: negative year', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, opensAt: '-002025-01-01T00:00:00Z' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: closes before it opens', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, closesAt: '2029-01-01T00:00:00Z' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: blank name', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, name: '   ' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: 10 000-character name', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, name: 'x'.repeat(10_000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: SQL as questionnaire id', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, institutionQuestionnaireId: "1'; DROP TABLE round; --" }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: status smuggled in', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, status: 'published' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: __proto__ at top level', method: 'POST', path: '/api/rounds', as: 'admin', raw: JSON.stringify(goodRound).replace(/^\{/, '{"__proto__":{"polluted":"yes","status":"published"},'), headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: __proto__ nested in universeSelection', method: 'POST', path: '/api/rounds', as: 'admin', raw: JSON.stringify({ ...goodRound, universeSelection: { cveEnt: ['15'] } }).replace('"universeSelection":{', '"universeSelection":{"__proto__":{"polluted":"yes"},'), headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: constructor.prototype at top level', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, constructor: { prototype: { polluted: 'yes' } } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: __proto__ nested in settings', method: 'POST', path: '/api/rounds', as: 'admin', raw: JSON.stringify({ ...goodRound, settings: { weights: { TG: {} } } }).replace('"TG":{', '"TG":{"__proto__":{"polluted":"yes"}'), headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: cveEnt not an array', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, universeSelection: { cveEnt: '15' } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: SQL in cvegeo list', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, universeSelection: { cvegeo: [SQLI] } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: malformed institution ids', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, universeSelection: { institutionIds: ['not-a-uuid'] } }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: settings a string', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, settings: 'fast' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: negative bootstrap replicates', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, settings: { bootstrapReplicates: -5 } }, status: 422, code: 'SETTINGS_INVALID' },
    { name: 'rounds: confidence "NaN"', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, settings: { confidence: 'NaN' } }, status: 422, code: 'SETTINGS_INVALID' },
    { name: 'rounds: confidence 1e999', method: 'POST', path: '/api/rounds', as: 'admin', raw: JSON.stringify({ ...goodRound, settings: { confidence: 0.9 } }).replace('0.9', '1e999'), headers: { 'content-type': 'application/json' }, status: 422, code: 'SETTINGS_INVALID' },
    { name: 'rounds: unknown questionnaire', method: 'POST', path: '/api/rounds', as: 'admin', json: { ...goodRound, institutionQuestionnaireId: randomUUID() }, status: 404, code: 'NOT_FOUND' },
    { name: 'rounds: patch name a number', method: 'PATCH', path: `/api/rounds/${r}`, as: 'admin', json: { name: 5 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: patch an open round', method: 'PATCH', path: `/api/rounds/${r}`, as: 'admin', json: { name: 'Otra' }, status: 409, code: 'ROUND_NOT_DRAFT' },
    { name: 'rounds: patch malformed id', method: 'PATCH', path: '/api/rounds/not-a-uuid', as: 'admin', json: { name: 'x' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: NUL byte id', method: 'POST', path: '/api/rounds/%00/open', as: 'admin', status: 400, code: 'CONTROL_CHARACTER' },
    { name: 'rounds: open an open round', method: 'POST', path: `/api/rounds/${r}/open`, as: 'admin', status: 409, code: 'INVALID_TRANSITION' },
    { name: 'rounds: publish an open round', method: 'POST', path: `/api/rounds/${r}/publish`, as: 'admin', status: 409, code: 'INVALID_TRANSITION' },
    { name: 'rounds: list by unknown status', method: 'GET', path: '/api/rounds?status=deleted', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: pageSize 10000', method: 'GET', path: '/api/rounds?pageSize=10000', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: page "abc"', method: 'GET', path: '/api/rounds?page=abc', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: page 1e400', method: 'GET', path: '/api/rounds?page=1e400', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: pageSize -1', method: 'GET', path: '/api/rounds?pageSize=-1', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: page 2^63', method: 'GET', path: '/api/rounds?page=9223372036854775808', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: repeated page parameter', method: 'GET', path: '/api/rounds?page=1&page=2', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rounds: universe filter not a code', method: 'GET', path: `/api/rounds/${r}/universe?cveEnt=ABC`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: unknown status filter', method: 'GET', path: `/api/rounds/${r}/invitations?status=foo`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: progress pageSize 0', method: 'GET', path: `/api/rounds/${r}/invitations/progress?pageSize=0`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: reminders ids not an array', method: 'POST', path: `/api/rounds/${r}/reminders`, as: 'admin', json: { institutionIds: 'all' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: reissue malformed institution', method: 'POST', path: `/api/rounds/${r}/invitations/x/revoke-and-reissue`, as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: unknown mail filter', method: 'GET', path: `/api/rounds/${r}/invitations?mail=lost`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: search of 101 characters', method: 'GET', path: `/api/rounds/${r}/invitations?search=${'a'.repeat(101)}`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: address not an e-mail', method: 'PATCH', path: `/api/rounds/${r}/invitations/${randomUUID()}`, as: 'admin', json: { email: 'nadie' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: reissue sendMail not a boolean', method: 'POST', path: `/api/rounds/${r}/invitations/${randomUUID()}/reissue`, as: 'admin', json: { sendMail: 'yes' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'invitations: resend to an institution never invited', method: 'POST', path: `/api/rounds/${r}/invitations/${randomUUID()}/resend`, as: 'admin', status: 404, code: 'NOT_FOUND' },
    { name: 'reminders: zero days between', method: 'PUT', path: `/api/rounds/${r}/reminder-settings`, as: 'admin', json: { enabled: true, minDays: 0, maxCount: 3 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'reminders: count as a string', method: 'PUT', path: `/api/rounds/${r}/reminder-settings`, as: 'admin', json: { enabled: true, minDays: 7, maxCount: '3' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'mail templates: unknown kind', method: 'PUT', path: '/api/mail/templates', as: 'admin', json: { kind: 'welcome', locale: 'es', subject: 's', body: '{{link}}' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'mail templates: unknown variable', method: 'PUT', path: '/api/mail/templates', as: 'admin', json: { kind: 'invitation', locale: 'es', subject: 's {{password}}', body: '{{link}}' }, status: 400, code: 'TEMPLATE_UNKNOWN_VARIABLE' },
    { name: 'mail templates: script in the body', method: 'POST', path: '/api/mail/templates/preview', as: 'admin', json: { kind: 'reminder', locale: 'en', subject: 's', body: '<script>x</script>{{link}}' }, status: 400, code: 'TEMPLATE_UNSAFE' },
    { name: 'mail templates: body without the link', method: 'PUT', path: '/api/mail/templates', as: 'admin', json: { kind: 'invitation', locale: 'en', subject: 's', body: 'hola' }, status: 400, code: 'TEMPLATE_LINK_REQUIRED' },
    { name: 'validation admin: malformed round', method: 'POST', path: '/api/rounds/123/validation/open', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },

    // ── respondent (invitation) ──────────────────────────────────────────────────────────────
    { name: 'respond: forged token', method: 'GET', path: '/api/respond/context', headers: { 'x-invitation-token': 'x'.repeat(43) }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'respond: revoked token', method: 'GET', path: '/api/respond/context', headers: { 'x-invitation-token': ids.revokedToken }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'respond: 500-character token', method: 'GET', path: '/api/respond/context', headers: { 'x-invitation-token': 'a'.repeat(500) }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'respond: SQL as token', method: 'PUT', path: '/api/respond/draft', headers: { 'x-invitation-token': SQLI }, json: { data: {}, currentPage: 0 }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'respond: submit with forged token', method: 'POST', path: '/api/respond/submit', headers: { 'x-invitation-token': 'forged-token-forged-token-forged-token-abc' }, json: { data: SAMPLE_ANSWERS, idempotencyKey: 'forged-1234' }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'respond: submit with a staff JWT instead', method: 'POST', path: '/api/respond/submit', as: 'admin', json: { data: SAMPLE_ANSWERS, idempotencyKey: 'staff-1234' }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'draft: data a string', method: 'PUT', path: '/api/respond/draft', as: 'invitation', json: { data: 'x', currentPage: 0 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'draft: negative page', method: 'PUT', path: '/api/respond/draft', as: 'invitation', json: { data: {}, currentPage: -1 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'draft: page "NaN"', method: 'PUT', path: '/api/respond/draft', as: 'invitation', json: { data: {}, currentPage: 'NaN' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'draft: fractional page', method: 'PUT', path: '/api/respond/draft', as: 'invitation', json: { data: {}, currentPage: 1.5 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'draft: unknown question', method: 'PUT', path: '/api/respond/draft', as: 'invitation', json: { data: { hacked: true }, currentPage: 0 }, status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'draft: wrong type for a boolean', method: 'PUT', path: '/api/respond/draft', as: 'invitation', json: { data: { ai_unidad: 'yes' }, currentPage: 0 }, status: 422, code: 'SUBMISSION_INVALID' },
    // An answer out of range (e.g. a negative percentage) is no longer refused whole: the draft keeps the other
    // answers and reports it (issue #16; test/respond-progress.e2e-spec.ts). This table must write nothing.
    { name: 'draft: __proto__ among answers', method: 'PUT', path: '/api/respond/draft', as: 'invitation', raw: '{"data":{"__proto__":{"polluted":"yes"},"ai_unidad":true},"currentPage":0}', headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: incomplete answers', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ai_unidad: true }, idempotencyKey: 'incomplete-1' }, status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'submit: short idempotency key', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: SAMPLE_ANSWERS, idempotencyKey: 'x' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: idempotency key with spaces and accents', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: SAMPLE_ANSWERS, idempotencyKey: 'clave con acentos ñ' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: constructor among answers', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, constructor: { prototype: { polluted: 'yes' } } }, idempotencyKey: 'constructor-1' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: HTML in an answer, wrong type elsewhere', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, resp_cargo: XSS, da_conjuntos: 'cuatro' }, idempotencyKey: 'html-1234' }, status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'submit: 900 KB text answer', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, resp_cargo: 'x'.repeat(900_000) }, idempotencyKey: 'huge-1234' }, status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'submit: body over 1 MB', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, resp_cargo: 'x'.repeat(2 * MB) }, idempotencyKey: 'toobig-1234' }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'submit: 1000-deep answer', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, resp_cargo: nested(1000) }, idempotencyKey: 'deep-1234' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: 20-deep answer (submission limit)', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, resp_cargo: nested(20) }, idempotencyKey: 'deep-2345' }, status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'submit: 100 000-deep JSON', method: 'POST', path: '/api/respond/submit', as: 'invitation', raw: deepJson(100_000), headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: text/plain body', method: 'POST', path: '/api/respond/submit', as: 'invitation', raw: JSON.stringify({ data: SAMPLE_ANSWERS, idempotencyKey: 'text-1234' }), headers: { 'content-type': 'text/plain' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: urlencoded body', method: 'POST', path: '/api/respond/submit', as: 'invitation', raw: 'data=1&idempotencyKey=form-12345', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: data an array', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: [SAMPLE_ANSWERS], idempotencyKey: 'array-1234' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'submit: truncated JSON', method: 'POST', path: '/api/respond/submit', as: 'invitation', raw: JSON.stringify({ data: SAMPLE_ANSWERS, idempotencyKey: 'cut-12345' }).slice(0, 100), headers: { 'content-type': 'application/json' }, status: 400, code: 'MALFORMED_JSON' },
    { name: 'submit: NaN literal', method: 'POST', path: '/api/respond/submit', as: 'invitation', raw: '{"data":{"da_conjuntos":NaN},"idempotencyKey":"nan-12345"}', headers: { 'content-type': 'application/json' }, status: 400, code: 'MALFORMED_JSON' },
    { name: 'submit: reused idempotency key with other answers', method: 'POST', path: '/api/respond/submit', as: 'invitation', json: { data: { ...SAMPLE_ANSWERS, tr_portal: false }, idempotencyKey: 'bad-input-replay' }, status: 409, code: 'IDEMPOTENCY_MISMATCH' },
    { name: 'evidence: truncated multipart', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: multipart(boundary, [{ name: 'questionName', content: 'ai_procedimiento_evidencia' }, { name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }], false).subarray(0, 150), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: multipart without boundary', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: multipart(boundary, [{ name: 'file', filename: 'a.pdf', content: PDF }]), headers: { 'content-type': 'multipart/form-data' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: executable named .pdf', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), 'informe.pdf', 'ai_procedimiento_evidencia'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'evidence: HTML named .png', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(Buffer.from(`<html>${XSS}</html>`), 'foto.png', 'ai_procedimiento_evidencia', 'image/png'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'evidence: 11 MB file', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(Buffer.concat([PDF, Buffer.alloc(11 * MB)]), 'grande.pdf', 'ai_procedimiento_evidencia'), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'evidence: no file', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(undefined, '', 'ai_procedimiento_evidencia'), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: empty file', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(Buffer.alloc(0), 'vacio.pdf', 'ai_procedimiento_evidencia'), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: two files', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: multipart(boundary, [{ name: 'questionName', content: 'ai_procedimiento_evidencia' }, { name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }, { name: 'file', filename: 'b.pdf', type: 'application/pdf', content: PDF }]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: unknown question', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(PDF, 'a.pdf', 'no_such_question'), status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'evidence: control characters in question', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(PDF, 'a.pdf', 'ai\u0001\u0002'), status: 400, code: 'CONTROL_CHARACTER' },
    { name: 'evidence: missing questionName', method: 'POST', path: '/api/respond/evidence', as: 'invitation', raw: form(PDF, 'a.pdf', undefined), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: JSON instead of multipart', method: 'POST', path: '/api/respond/evidence', as: 'invitation', json: { questionName: 'ai_procedimiento_evidencia', file: PDF.toString('base64') }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: malformed id', method: 'GET', path: '/api/respond/evidence/not-a-uuid', as: 'invitation', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'evidence: delete unknown id', method: 'DELETE', path: `/api/respond/evidence/${randomUUID()}`, as: 'invitation', status: 404, code: 'NOT_FOUND' },
    { name: 'evidence: path traversal id', method: 'GET', path: '/api/respond/evidence/..%2F..%2Fetc%2Fpasswd', as: 'invitation', status: 400, code: 'VALIDATION_FAILED' },

    // ── citizens ─────────────────────────────────────────────────────────────────────────────
    { name: 'register: not an e-mail', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, email: 'not-an-email' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: SQL in e-mail', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, email: "x'; DROP TABLE app_user; --@example.org" }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: consent false', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, consent: false }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: consent "true"', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, consent: 'true' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: 10 000-character display name', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, displayName: 'x'.repeat(10_000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: unknown municipality', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, cvegeo: '99999' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: SQL in municipality', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, cvegeo: "15106' OR 1=1" }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: short password', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, password: 'elevenchars' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: role smuggled in', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, role: 'guarantor_admin' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'register: HTML name with invalid e-mail', method: 'POST', path: '/api/citizens/register', json: { ...goodRegistration, displayName: XSS, email: XSS }, status: 400, code: 'VALIDATION_FAILED' },
    // An existing e-mail is no longer an error (202, same answer as a new one): test/security/accounts.e2e-spec.ts.
    { name: 'verify: forged token', method: 'POST', path: '/api/citizens/verify', json: { token: 'forged-verification-token' }, status: 401, code: 'INVALID_TOKEN' },
    { name: 'verify: 1000-character token', method: 'POST', path: '/api/citizens/verify', json: { token: 'x'.repeat(1000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'verify: token a number', method: 'POST', path: '/api/citizens/verify', json: { token: 12345 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'resend: invalid e-mail', method: 'POST', path: '/api/citizens/resend-verification', json: { email: SQLI }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'institutions: SQL injection in search is only text', method: 'GET', path: `/api/citizens/institutions?q=${encodeURIComponent(SQLI)}`, as: 'validator', status: 200, code: '', check: (b) => expect(b).toMatchObject({ total: 0, items: [] }) },
    { name: 'institutions: LIKE wildcards are literal', method: 'GET', path: `/api/citizens/institutions?q=${encodeURIComponent('%_%')}`, as: 'validator', status: 200, code: '', check: (b) => expect(b).toMatchObject({ total: 0 }) },
    { name: 'institutions: HTML in search is only text', method: 'GET', path: `/api/citizens/institutions?q=${encodeURIComponent(XSS)}`, as: 'validator', status: 200, code: '', check: (b) => expect(JSON.stringify(b)).not.toContain('<script>') },
    { name: 'institutions: 10 000-character search', method: 'GET', path: `/api/citizens/institutions?q=${'x'.repeat(10_000)}`, as: 'validator', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'institutions: pageSize 10000', method: 'GET', path: '/api/citizens/institutions?pageSize=10000', as: 'validator', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'profile: 10 000-character display name', method: 'PATCH', path: '/api/citizens/me', as: 'validator', json: { displayName: 'x'.repeat(10_000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'profile: municipality not a code', method: 'PATCH', path: '/api/citizens/me', as: 'validator', json: { cvegeo: 'abcde' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'profile: e-mail not changeable here', method: 'PATCH', path: '/api/citizens/me', as: 'validator', json: { email: 'otra@example.org' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'conflicts: ids not an array', method: 'PUT', path: '/api/citizens/me/conflicts', as: 'validator', json: { institutionIds: 'x' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'conflicts: malformed ids', method: 'PUT', path: '/api/citizens/me/conflicts', as: 'validator', json: { institutionIds: [SQLI] }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'conflicts: unknown institution', method: 'PUT', path: '/api/citizens/me/conflicts', as: 'validator', json: { conflicts: [{ institutionId: randomUUID(), reason: 'Trabajé ahí' }] }, status: 404, code: 'NOT_FOUND' },
    { name: 'delete account: password a number', method: 'DELETE', path: '/api/citizens/me', as: 'validator', json: { password: 12345 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'delete account: wrong password', method: 'DELETE', path: '/api/citizens/me', as: 'validator', json: { password: SQLI }, status: 401, code: 'INVALID_CREDENTIALS' },
    { name: 'delete account: 10 000-character password', method: 'DELETE', path: '/api/citizens/me', as: 'validator', json: { password: 'x'.repeat(10_000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'assignments: malformed round', method: 'POST', path: '/api/citizens/rounds/not-a-uuid/assignments', as: 'validator', json: {}, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'assignments: max 1000', method: 'POST', path: `/api/citizens/rounds/${r}/assignments`, as: 'validator', json: { max: 1000 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'assignments: max -1', method: 'POST', path: `/api/citizens/rounds/${r}/assignments`, as: 'validator', json: { max: -1 }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'assignments: list by unknown status', method: 'GET', path: '/api/citizens/assignments?status=all', as: 'validator', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'verdict: unknown value', method: 'PUT', path: `/api/citizens/assignments/${a}/verdicts/${w.claim}`, as: 'validator', json: { verdict: 'maybe' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'verdict: javascript: evidence URL', method: 'PUT', path: `/api/citizens/assignments/${a}/verdicts/${w.claim}`, as: 'validator', json: { verdict: 'confirmed', evidenceUrl: 'javascript:alert(1)' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'verdict: 5000-character comment', method: 'PUT', path: `/api/citizens/assignments/${a}/verdicts/${w.claim}`, as: 'validator', json: { verdict: 'confirmed', comment: 'x'.repeat(5000) }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'verdict: SQL as question name', method: 'PUT', path: `/api/citizens/assignments/${a}/verdicts/${encodeURIComponent("ai'; DROP TABLE verdict; --")}`, as: 'validator', json: { verdict: 'confirmed' }, status: 422, code: 'SUBMISSION_INVALID' },
    { name: 'verdict: malformed evidence file id', method: 'PUT', path: `/api/citizens/assignments/${a}/verdicts/${w.claim}`, as: 'validator', json: { verdict: 'confirmed', evidenceFileId: 'abc' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'verdict: malformed assignment id', method: 'PUT', path: `/api/citizens/assignments/xyz/verdicts/${w.claim}`, as: 'validator', json: { verdict: 'confirmed' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'report: data an array', method: 'PUT', path: `/api/citizens/assignments/${a}/report`, as: 'validator', json: { data: [] }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'report: __proto__ among answers', method: 'PUT', path: `/api/citizens/assignments/${a}/report`, as: 'validator', raw: '{"data":{"__proto__":{"polluted":"yes"},"tipo_gestion":["solicitud"]}}', headers: { 'content-type': 'application/json' }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'citizen evidence: truncated multipart', method: 'POST', path: `/api/citizens/assignments/${a}/evidence`, as: 'validator', raw: multipart(boundary, [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: PDF }], false).subarray(0, 120), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'citizen evidence: executable', method: 'POST', path: `/api/citizens/assignments/${a}/evidence`, as: 'validator', raw: form(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), 'captura.png', w.claim, 'image/png'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },

    // ── results, exports, audit, catalogue ────────────────────────────────────────────────────
    { name: 'results: malformed round', method: 'GET', path: '/api/rounds/not-a-uuid/results/summary', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'results: malformed institution', method: 'GET', path: `/api/rounds/${r}/results/institutions/1`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'results: unknown indicator', method: 'GET', path: `/api/rounds/${r}/results/institutions?indicator=${encodeURIComponent(SQLI)}`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'results: pageSize 10000', method: 'GET', path: `/api/rounds/${r}/results/institutions?pageSize=10000`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'results: recompute run malformed', method: 'GET', path: `/api/rounds/${r}/recompute/not-a-uuid`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'public results: malformed round', method: 'GET', path: '/api/public/rounds/not-a-uuid/results/summary', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'public results: pageSize 10000', method: 'GET', path: '/api/public/rounds?pageSize=10000', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'public results: unknown sort', method: 'GET', path: `/api/public/rounds/${r}/results/institutions?sort=${encodeURIComponent('name; DROP TABLE round')}`, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'public results: areas without scope', method: 'GET', path: `/api/public/rounds/${r}/results/areas`, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'public results: unknown scope', method: 'GET', path: `/api/public/rounds/${r}/results/areas?scope=planet`, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'public results: unpublished round', method: 'GET', path: `/api/public/rounds/${r}/results/summary`, status: 404, code: 'NOT_FOUND' },
    { name: 'exports: path traversal as file', method: 'GET', path: `/api/public/rounds/${r}/export/..%2F..%2Fetc%2Fpasswd`, status: 404, code: 'NOT_FOUND' },
    { name: 'exports: bom not a boolean', method: 'GET', path: `/api/rounds/${r}/export/institutions.csv?bom=maybe`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'exports: malformed round', method: 'GET', path: '/api/rounds/%27%20OR%201%3D1/export/institutions.csv', as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'responses: version not a number', method: 'GET', path: `/api/rounds/${r}/responses/${w.instX}/versions/abc`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'responses: version beyond int4', method: 'GET', path: `/api/rounds/${r}/responses/${w.instX}/versions/99999999999999999999`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'responses: unknown status filter', method: 'GET', path: `/api/rounds/${r}/responses?status=hacked`, as: 'analyst', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'audit: pageSize 10000', method: 'GET', path: '/api/audit?pageSize=10000', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'audit: SQL as entity id', method: 'GET', path: `/api/audit?entityId=${encodeURIComponent(SQLI)}`, as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'catalogue: state not a code', method: 'GET', path: '/api/catalogue/municipalities?cveEnt=xx', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'privacy: malformed validator id', method: 'POST', path: '/api/privacy/validators/nope/erase', as: 'admin', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'routing: unknown route', method: 'GET', path: '/api/nope', status: 404, code: 'ROUTE_NOT_FOUND' },
    { name: 'routing: unsupported method', method: 'DELETE', path: '/api/rounds', as: 'admin', status: 404, code: 'ROUTE_NOT_FOUND' },
  ];
}

describe('bad input: every malformed request gets a stable 4xx and changes nothing', () => {
  let t: TestApp;
  let w: World;
  let table: Case[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const jwt = new JwtService({ secret: t.env.JWT_SECRET });
    const [admin] = await t.ds.query('SELECT id, role, guarantor_id FROM app_user WHERE email = $1', [w.a.adminEmail]);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: admin.id, role: 'guarantor_admin', gid: admin.guarantor_id })).toString('base64url');
    const tokens = {
      forged: await new JwtService({ secret: 'not-the-server-secret-not-the-server-secret' }).signAsync({ sub: admin.id, role: 'guarantor_admin', gid: admin.guarantor_id }),
      expired: await jwt.signAsync({ sub: admin.id, role: 'guarantor_admin', gid: admin.guarantor_id, exp: Math.floor(Date.now() / 1000) - 60 }),
      none: `${header}.${payload}.`,
      ghost: await jwt.signAsync({ sub: '00000000-0000-4000-8000-000000000000', role: 'guarantor_admin', gid: admin.guarantor_id }),
      escalated: await jwt.signAsync({ sub: w.v1.id, role: 'guarantor_admin', gid: w.a.guarantorId }),
    };
    // A revoked invitation of a real institution.
    const revokedToken = 'revoked-invitation-token-revoked-invitation';
    await t.ds.query('INSERT INTO invitation (round_id, institution_id, token_hash, revoked_at) VALUES ($1, $2, $3, now())', [w.round2Id, w.instX, hashToken(revokedToken)]);
    // The replay case needs an earlier submission with this key.
    const first = await w.http.post('/api/respond/submit', { data: SAMPLE_ANSWERS, idempotencyKey: 'bad-input-replay' }, { invitation: w.tokenY });
    expect(first.status).toBe(201);
    table = cases(w, tokens, { revokedToken, ownAssignment: w.assignmentId });
  });
  afterAll(() => t?.close());

  it('has at least 100 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(100);
    expect(new Set(table.map((c) => c.name)).size).toBe(table.length);
  });

  it('answers each case with its status and code, never a 5xx or a stack trace, and leaves the database unchanged', async () => {
    const tokenFor: Record<Caller, RequestInit['headers']> = {
      none: {},
      admin: { authorization: `Bearer ${w.a.admin}` },
      analyst: { authorization: `Bearer ${w.a.analyst}` },
      validator: { authorization: `Bearer ${w.v1.token}` },
      invitation: { 'x-invitation-token': w.tokenY },
    };
    const before = await snapshot(t.ds);
    const mismatches: string[] = [];
    for (const c of table) {
      const headers: Record<string, string> = { ...(tokenFor[c.as ?? 'none'] as Record<string, string>) };
      let body: RequestInit['body'];
      if (c.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(c.json);
      } else if (c.raw !== undefined) body = c.raw;
      Object.assign(headers, c.headers ?? {});
      if (headers['content-type'] === '') delete headers['content-type'];
      const res = await fetch(`${t.url}${c.path}`, { method: c.method, headers, body });
      const text = await res.text();
      let parsed: { code?: string } | undefined;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const got = `${res.status} ${parsed?.code ?? `<no JSON code: ${text.slice(0, 80)}>`}`;
      if (c.check && res.status === 200) {
        try {
          c.check(parsed);
        } catch (err) {
          mismatches.push(`${c.name}: check failed: ${(err as Error).message.slice(0, 200)}`);
        }
      } else if (got !== `${c.status} ${c.code}`) mismatches.push(`${c.name}: expected ${c.status} ${c.code}, got ${got}`);
      if (/\bat \S+ \(|node_modules|QueryFailedError|SELECT |INSERT /.test(text)) mismatches.push(`${c.name}: the body leaks internals: ${text.slice(0, 200)}`);
    }
    expect(mismatches).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const after = await snapshot(t.ds);
    const changed = Object.keys(before).filter((k) => before[k].rows !== after[k]?.rows || before[k].md5 !== after[k]?.md5);
    expect(changed).toEqual([]);
  });
});
