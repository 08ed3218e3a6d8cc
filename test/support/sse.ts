/** One Server-Sent Event as a stream delivers it (comments such as heartbeats are counted apart). */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** The `retry:` hint, once received. */
  retry: number | null;
  /** Comment lines received (heartbeats). */
  comments: number;
  /** Whether the server ended the stream. */
  ended: boolean;
  /** Resolves with the first event at index ≥ `from` that matches (waits for it, up to timeoutMs). */
  next(match: (e: SseEvent) => boolean, from?: number, timeoutMs?: number): Promise<SseEvent>;
  /** Error body, when the answer was not a stream. */
  body: unknown;
  close(): void;
}

/**
 * A minimal EventSource for tests over fetch (real HTTP): no automatic reconnection, so tests
 * reconnect explicitly with the Last-Event-ID they choose.
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: ctrl.signal });
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const w of [...waiters]) w();
  };
  const s: SseStream = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events: [],
    retry: null,
    comments: 0,
    ended: false,
    body: undefined,
    close: () => ctrl.abort(),
    next(match, from = 0, timeoutMs = 20_000) {
      return new Promise<SseEvent>((resolve, reject) => {
        const check = (): boolean => {
          const found = s.events.slice(from).find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
            return true;
          }
          if (s.ended) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`stream ended before the event; got ${JSON.stringify(s.events)}`));
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(s.events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
  if (!res.ok || !res.body) {
    s.body = await res.json().catch(() => undefined);
    s.ended = true;
    return s;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: SseEvent = { id: null, event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) s.comments += 1;
            else if (line.startsWith('retry: ')) s.retry = Number(line.slice(7));
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              e.data += line.slice(6);
              isEvent = true;
            }
          }
          if (isEvent) s.events.push(e);
        }
        wake();
      }
    } catch {
      // aborted by close()
    }
    s.ended = true;
    wake();
  })();
  return s;
}
