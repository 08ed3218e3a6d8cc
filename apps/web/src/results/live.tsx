import { useEffect, useRef, useState } from 'react';
import { useT } from '../shared/i18n';

/** A change the API announced (GET /api/rounds/:id/results/events, event `results`). */
export interface LiveChange {
  roundId: string;
  version: string;
  scope: 'institution' | 'areas' | 'all';
  institutionId?: string;
  catchUp?: boolean;
}

type Listener = (change: LiveChange) => void;

interface Channel {
  source: EventSource;
  listeners: Set<Listener>;
}

/**
 * One EventSource per round and page, shared by every component that follows the round (the page's
 * data, the round summary, the status line). The browser reconnects by itself after a dropped
 * connection, sending the last event id, and the API answers with a catch-up event when the round
 * changed meanwhile. When the stream cannot be had (no EventSource, 404, 429) the page simply stays
 * as loaded: live updates are a convenience, never a condition for reading results.
 */
const channels = new Map<string, Channel>();

function parse(data: string): LiveChange | null {
  try {
    const v = JSON.parse(data) as Partial<LiveChange>;
    if (
      typeof v.roundId !== 'string' ||
      typeof v.version !== 'string' ||
      (v.scope !== 'institution' && v.scope !== 'areas' && v.scope !== 'all')
    )
      return null;
    return v as LiveChange;
  } catch {
    return null;
  }
}

export function subscribeResults(roundId: string, listener: Listener): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  let ch = channels.get(roundId);
  if (!ch) {
    let source: EventSource;
    try {
      source = new EventSource(`/api/rounds/${encodeURIComponent(roundId)}/results/events`);
    } catch {
      return () => undefined;
    }
    const channel: Channel = { source, listeners: new Set() };
    source.addEventListener('results', (ev) => {
      const change = parse((ev as MessageEvent<string>).data);
      if (change) for (const l of [...channel.listeners]) l(change);
    });
    channels.set(roundId, (ch = channel));
  }
  const channel = ch;
  channel.listeners.add(listener);
  return () => {
    channel.listeners.delete(listener);
    if (channel.listeners.size === 0) {
      channel.source.close();
      if (channels.get(roundId) === channel) channels.delete(roundId);
    }
  };
}

/**
 * A change is re-read at once; further changes within this window become one more re-read at its end
 * (an institution job is soon followed by its area job; a burst of writes by a burst of jobs).
 */
const DEBOUNCE_MS = 250;

/**
 * The window for reads of every institution of a round (the overview's distribution: ≈ 700 KB
 * compressed at national size). During a collection deadline institution jobs commit several times a
 * second; re-reading it on each would cost every open overview that much per change and delay the
 * national values' re-read behind it, for a histogram that one institution barely moves.
 */
export const WHOLE_ROUND_REFRESH_MS = 5000;

/** The shortest time between two spoken "results updated" of one page. */
const ANNOUNCE_EVERY_MS = 30_000;

/**
 * Calls `refresh` when the round's results change in a way `relevant` says this view shows: at once,
 * then at most once more per `windowMs` while changes keep coming. Pass quiet reloads (useAsync's
 * `refresh`) so the numbers change in place.
 */
export function useLiveResults(
  roundId: string,
  refresh: () => void,
  relevant: (c: LiveChange) => boolean = () => true,
  windowMs: number = DEBOUNCE_MS,
): void {
  const latest = useRef({ refresh, relevant });
  latest.current = { refresh, relevant };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    // Leading edge, then at most one trailing re-read per window.
    const fire = (): void => {
      pending = false;
      latest.current.refresh();
      timer = setTimeout(() => {
        timer = null;
        if (pending) fire();
      }, windowMs);
    };
    const unsubscribe = subscribeResults(roundId, (c) => {
      if (!latest.current.relevant(c)) return;
      if (timer) pending = true;
      else fire();
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [roundId, windowMs]);
}

/**
 * "Resultados actualizados hace N s" under the round's navigation: always present (an empty line
 * until the first change, so nothing below it moves), announced through a polite status region at
 * most every ANNOUNCE_EVERY_MS (one write makes up to four announcements of the worker, and a
 * collection deadline several a second: a screen reader would say nothing else); the ticking age
 * beside it is not announced.
 */
export function LiveStatus({ roundId }: { roundId: string }) {
  const { t } = useT();
  const [changedAt, setChangedAt] = useState<number | null>(null);
  const [announcedAt, setAnnouncedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useLiveResults(roundId, () => {
    const at = Date.now();
    setChangedAt(at);
    setNow(at);
    setAnnouncedAt((last) => (last === null || at - last >= ANNOUNCE_EVERY_MS ? at : last));
  });
  useEffect(() => {
    if (changedAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(tick);
  }, [changedAt]);
  const age = changedAt === null ? null : Math.max(0, Math.round((now - changedAt) / 1000));
  return (
    <p className="live-status muted small" data-testid="live-status">
      <span role="status" className="visually-hidden">
        {/* A new node per announcement: screen readers say the same words again. */}
        {announcedAt !== null && <span key={announcedAt}>{t('live.announce')}</span>}
      </span>
      <span aria-hidden="true" data-testid="live-age">
        {age === null
          ? '\u00a0'
          : age < 60
            ? t('live.updatedSeconds', { n: age })
            : t('live.updatedMinutes', { n: Math.floor(age / 60) })}
      </span>
    </p>
  );
}
