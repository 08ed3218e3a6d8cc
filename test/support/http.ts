/** Minimal JSON client over fetch for e2e tests (real HTTP against the listening server). */

/**
 * A response body read without a declared type: e2e tests walk the JSON by path and assert the shape
 * they rely on (`toMatchObject`, `toEqual`), so a missing field fails the test, not the compiler. The
 * repo's one deliberate `any`; pass a type argument (`http.get<RoundDto>(…)`) where a test wants one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON in tests only, see above
export type ResponseJson = any;

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  invitation?: string;
  headers?: Record<string, string>;
  /** Raw body (string/Buffer/FormData) instead of JSON. */
  raw?: NonNullable<RequestInit['body']>;
}

export function client(baseUrl: string) {
  async function request<T = ResponseJson>(
    method: string,
    path: string,
    body?: unknown,
    opts: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.invitation) headers['x-invitation-token'] = opts.invitation;
    let payload: RequestInit['body'] = opts.raw;
    if (payload === undefined && body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON body (CSV export, HTML): keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    request,
    get: <T = ResponseJson>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
    post: <T = ResponseJson>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('POST', path, body, opts),
    put: <T = ResponseJson>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
    patch: <T = ResponseJson>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('PATCH', path, body, opts),
    delete: <T = ResponseJson>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  };
}

export type Client = ReturnType<typeof client>;
