import { startTestApp, TestApp } from '../support/app';

/** Browser-facing hardening of every answer: security headers (helmet + CSP) and a CORS allow-list. */
describe('security headers and CORS', () => {
  let t: TestApp;
  const ALLOWED = 'https://apertura.example.gob.mx';

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: ALLOWED } });
  });
  afterAll(() => t?.close());

  it('sends helmet headers and a strict CSP on API answers and errors alike, and no x-powered-by', async () => {
    for (const path of ['/health/live', '/api/rounds', '/api/nope']) {
      const res = await fetch(`${t.url}${path}`);
      const h = res.headers;
      expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(h.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(h.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(h.get('referrer-policy')).toBe('no-referrer');
      expect(h.get('x-powered-by')).toBeNull();
    }
  });

  it('answers CORS only for the configured origins, without credentials', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${t.url}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${t.url}/health/live`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});
