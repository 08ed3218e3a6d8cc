import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /**
   * Loads again in the background: the current data stays on screen (no spinner, no layout jump)
   * until the new answer replaces it, and a failure keeps the old data (live results pages).
   */
  refresh(): void;
  /** Replace the data locally after a successful write (no extra round trip). */
  setData(data: T): void;
}

/** Runs a loader when its dependencies change; ignores answers that arrive after a newer request. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const quiet = useRef(false);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const ctrl = new AbortController();
    const background = quiet.current;
    quiet.current = false;
    if (!background) {
      setLoading(true);
      setError(null);
    }
    loader.current(ctrl.signal).then(
      (value) => {
        if (ctrl.signal.aborted) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (ctrl.signal.aborted || background) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
    // The caller's deps decide when to load, as with useEffect (the loader is read through a ref, so a
    // new closure on every render does not reload); the rule cannot see through the spread.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's list, plus the reload nonce
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setNonce((n) => n + 1);
  }, []);
  return { data, error, loading, reload, refresh, setData };
}
