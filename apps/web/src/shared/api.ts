import type { Bilingual } from './i18n';
import { getSession, clearSession } from './auth';
import type { components } from './api-schema';

/**
 * A request or response shape of the API, by its OpenAPI schema name: the web's API types are aliases of
 * these (generated from the API's DTOs by `npm run api:types`), so a changed DTO fails the web's typecheck.
 */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * Error body of every API error (ErrorDto; apps/api/src/common/error.filter.ts). Read defensively: any
 * string `code` is accepted (a newer server may have more) and `messages` may be missing; the web's own
 * failures (NETWORK, UNEXPECTED_RESPONSE) take the same shape.
 */
export type ApiErrorBody = Omit<Schema<'ErrorDto'>, 'code' | 'messages'> & { code: string; messages?: Bilingual };

/** A failed API call, with the server's bilingual message. `status` 0 means the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual;
  readonly field?: string;
  readonly details?: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messages = body.messages ?? { es: body.message, en: body.message };
    this.field = body.field;
    this.details = body.details;
  }
}

export const NETWORK_ERROR: ApiErrorBody = {
  code: 'NETWORK',
  message: 'Could not reach the server. Check your connection and try again.',
  messages: {
    es: 'No fue posible comunicarse con el servidor. Revise su conexión e intente de nuevo.',
    en: 'Could not reach the server. Check your connection and try again.',
  },
};

const UNEXPECTED: ApiErrorBody = {
  code: 'UNEXPECTED_RESPONSE',
  message: 'The server sent an unexpected response.',
  messages: { es: 'El servidor envió una respuesta inesperada.', en: 'The server sent an unexpected response.' },
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body. */
  body?: unknown;
  /** Raw body (CSV text, FormData) sent as is; set `contentType` for text. */
  raw?: BodyInit;
  contentType?: string;
  /** Invitation token: sent as X-Invitation-Token instead of the staff/citizen session. */
  invitation?: string;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Lets a save survive page unload. */
  keepalive?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string';
}

/**
 * Headers that authenticate a request: the invitation token. A signed-in account needs none: its session
 * is the httpOnly cookie the browser sends with every same-origin request (docs/security.md, "Sessions").
 */
export function authHeaders(invitation?: string): Record<string, string> {
  return invitation ? { 'X-Invitation-Token': invitation } : {};
}

/** Calls the API; resolves with the parsed JSON (undefined for 204) or rejects with ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(opts.invitation) };
  let body: BodyInit | undefined = opts.raw;
  if (body === undefined && opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (opts.contentType) {
    headers['Content-Type'] = opts.contentType;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: opts.signal,
      keepalive: opts.keepalive,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR);
  }
  return parseResponse<T>(res, !opts.invitation && getSession() !== null);
}

async function parseResponse<T>(res: Response, usedSession: boolean): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(res.status, UNEXPECTED);
  }
  if (res.ok) return parsed as T;
  const err = new ApiError(res.status, isApiErrorBody(parsed) ? parsed : UNEXPECTED);
  // An expired or revoked session: forget it so the next page asks to sign in again.
  if (usedSession && res.status === 401 && err.code === 'UNAUTHENTICATED') clearSession();
  throw err;
}

/** Downloads a protected file (the browser cannot add auth headers to a plain link). */
export async function downloadFile(path: string, fallbackName: string, invitation?: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders(invitation), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (!res.ok) {
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    throw new ApiError(res.status, isApiErrorBody(parsed) ? parsed : UNEXPECTED);
  }
  const blob = await res.blob();
  const name = filenameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return undefined;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}

export interface UploadOptions {
  invitation?: string;
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** Multipart upload through XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function upload<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(authHeaders(opts.invitation))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        reject(new ApiError(xhr.status, UNEXPECTED));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(new ApiError(xhr.status, isApiErrorBody(parsed) ? parsed : UNEXPECTED));
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
