import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Model } from 'survey-core';
import { ApiError } from '../shared/api';
import { respondApi, type DraftSaved } from './api';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Autosave {
  status: SaveStatus;
  savedAt: string | null;
  error: unknown;
  /** Saves now if anything changed (or `force`). Resolves when the server has the latest data. */
  flush(force?: boolean): Promise<void>;
  /** Stops saving (after a submission, or when the round closed). */
  stop(): void;
}

/** How long after the first unsaved change a draft goes to the server. */
export const AUTOSAVE_DELAY_MS = 5000;

/**
 * Saves drafts: at most AUTOSAVE_DELAY_MS after a change, immediately on a page change, and with
 * `keepalive` when the page is hidden or closed. One request at a time; changes made during a save
 * trigger another.
 */
export function useAutosave(
  token: string,
  model: Model | null,
  enabled: boolean,
  onFatal: (err: ApiError) => void,
  initialSavedAt: string | null = null,
  onSaved?: (res: DraftSaved, sent: Record<string, unknown>) => void,
): Autosave {
  const [status, setStatus] = useState<SaveStatus>(initialSavedAt ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [error, setError] = useState<unknown>(null);
  const dirty = useRef(false);
  const timer = useRef<Timer | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(!enabled);
  const fatal = useRef(onFatal);
  fatal.current = onFatal;
  const saved = useRef(onSaved);
  saved.current = onSaved;

  useEffect(() => {
    stopped.current = !enabled;
  }, [enabled]);

  const saveOnce = useCallback(
    async (keepalive: boolean): Promise<void> => {
      if (!model) return;
      dirty.current = false;
      setStatus('saving');
      try {
        const sent = { ...(model.data as Record<string, unknown>) };
        const res = await respondApi.saveDraft(token, sent, model.currentPageNo, keepalive);
        setSavedAt(res.savedAt);
        // Answers not valid yet were left out by the server (the rest is saved): the page keeps them.
        saved.current?.(res, sent);
        setError(null);
        setStatus(dirty.current ? 'pending' : 'saved');
      } catch (err) {
        dirty.current = true;
        setError(err);
        setStatus('error');
        if (isFatal(err)) {
          stopped.current = true;
          fatal.current(err);
        }
      }
    },
    [model, token],
  );

  const flush = useCallback(
    async (force = false, keepalive = false): Promise<void> => {
      clearTimer(timer);
      // Wait for the running save; then save again only if something changed meanwhile.
      while (inFlight.current) await inFlight.current;
      if (stopped.current || (!dirty.current && !force)) return;
      const run = saveOnce(keepalive).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = run;
      await run;
    },
    [saveOnce],
  );

  useSaveTriggers(model, enabled, { dirty, stopped, timer }, flush, setStatus);

  const stop = useCallback(() => {
    stopped.current = true;
    dirty.current = false;
    clearTimer(timer);
  }, []);

  return { status, savedAt, error, flush: (force?: boolean) => flush(force), stop };
}

type Timer = ReturnType<typeof setTimeout>;

function clearTimer(timer: RefObject<Timer | null>): void {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}

/** Errors after which saving stops for good: the round closed or the link is no longer valid. */
function isFatal(err: unknown): err is ApiError {
  return (
    err instanceof ApiError &&
    (err.code === 'ROUND_CLOSED' || err.code === 'INVALID_TOKEN' || err.code === 'ROUND_NOT_OPEN')
  );
}

interface SaveState {
  dirty: RefObject<boolean>;
  stopped: RefObject<boolean>;
  timer: RefObject<Timer | null>;
}

/**
 * What starts a save: a change (within AUTOSAVE_DELAY_MS), a page change, the page being hidden or
 * closed (with `keepalive`), and leaving the form.
 */
function useSaveTriggers(
  model: Model | null,
  enabled: boolean,
  { dirty, stopped, timer }: SaveState,
  flush: (force?: boolean, keepalive?: boolean) => Promise<void>,
  setStatus: Dispatch<SetStateAction<SaveStatus>>,
): void {
  useEffect(() => {
    if (!model || !enabled) return;
    const onChange = () => {
      if (stopped.current) return;
      dirty.current = true;
      setStatus((s) => (s === 'saving' ? s : 'pending'));
      // Not reset on every keystroke: continuous typing still saves every few seconds.
      timer.current ??= setTimeout(() => {
        timer.current = null;
        void flush();
      }, AUTOSAVE_DELAY_MS);
    };
    const onPage = () => void flush(true);
    const onHide = () => {
      if (document.visibilityState === 'hidden' && dirty.current) void flush(false, true);
    };
    const onPageHide = () => {
      if (dirty.current) void flush(false, true);
    };
    model.onValueChanged.add(onChange);
    model.onCurrentPageChanged.add(onPage);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      model.onValueChanged.remove(onChange);
      model.onCurrentPageChanged.remove(onPage);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      clearTimer(timer);
      // Leaving the form inside the app (e.g. language menu, amend cancel): keep what was typed.
      // These refs hold state, not DOM nodes: the values at cleanup time are the ones wanted.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      if (dirty.current && !stopped.current) void flush(false, true);
    };
  }, [model, enabled, flush, setStatus, dirty, stopped, timer]);
}
