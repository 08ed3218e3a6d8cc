import { readCookie } from '../common/cookies';
import { crossSiteProblem, isUnsafeMethod, sessionCookieName } from './session-cookie';

const env = { PUBLIC_URL: 'https://apertura.example.org/' };
const req = (headers: Record<string, string>, protocol = 'https') => ({ headers, protocol });

describe('session cookie', () => {
  it('reads one cookie among others, and ignores empty or oversized values', () => {
    expect(readCookie(req({ cookie: 'a=1; apertura_session=abc.def; b=2' }), 'apertura_session')).toBe('abc.def');
    expect(readCookie(req({ cookie: 'xapertura_session=1' }), 'apertura_session')).toBeUndefined();
    expect(readCookie(req({ cookie: 'apertura_session=' }), 'apertura_session')).toBeUndefined();
    expect(readCookie(req({ cookie: `apertura_session=${'x'.repeat(5000)}` }), 'apertura_session')).toBeUndefined();
    expect(readCookie(req({}), 'apertura_session')).toBeUndefined();
  });

  it('uses the __Host- prefix in production only', () => {
    expect(sessionCookieName({ NODE_ENV: 'production' })).toBe('__Host-apertura_session');
    expect(sessionCookieName({ NODE_ENV: 'development' })).toBe('apertura_session');
  });

  it.each([
    [{ 'sec-fetch-site': 'same-origin' }, undefined],
    [{ 'sec-fetch-site': 'none' }, undefined],
    [{ 'sec-fetch-site': 'same-site', origin: 'https://apertura.example.org' }, 'Sec-Fetch-Site: same-site'],
    [{ 'sec-fetch-site': 'cross-site' }, 'Sec-Fetch-Site: cross-site'],
    [{ origin: 'https://apertura.example.org' }, undefined],
    [{ origin: 'https://127.0.0.1:3000', host: '127.0.0.1:3000' }, undefined],
    [{ origin: 'https://evil.example', host: '127.0.0.1:3000' }, 'Origin: https://evil.example'],
    [{ origin: 'null' }, 'Origin: null'],
    [{}, 'neither Sec-Fetch-Site nor Origin'],
  ])('%j → %s', (headers, expected) => {
    expect(crossSiteProblem(req(headers), env)).toBe(expected);
  });

  it('treats only GET, HEAD and OPTIONS as safe', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isUnsafeMethod)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isUnsafeMethod)).toEqual([true, true, true, true]);
  });
});
