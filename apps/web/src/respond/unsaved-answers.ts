import type { DraftIssue } from './api';

/** An answer the server did not store yet (not valid), kept on this device until it is fixed. */
export interface UnsavedAnswer {
  value: unknown;
  title: { es: string; en: string };
  message: { es: string; en: string };
}

/**
 * Answers the draft autosave reported as not valid, by question, in localStorage under one key per
 * invitation (round + institution). The server keeps every valid answer but never an invalid one, so
 * without this a reload would lose what the person typed (e.g. an address to be completed).
 */
export class UnsavedAnswers {
  constructor(private readonly key: string) {}

  load(): Record<string, UnsavedAnswer> {
    try {
      const raw = window.localStorage.getItem(this.key);
      if (!raw) return {};
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      const out: Record<string, UnsavedAnswer> = {};
      for (const [name, v] of Object.entries(parsed as Record<string, unknown>)) {
        if (isUnsaved(v)) out[name] = v;
      }
      return out;
    } catch {
      // Storage disabled or corrupted: nothing to restore.
      return {};
    }
  }

  /** After a save: the reported questions keep the value that was sent; every other question is settled. */
  update(issues: readonly DraftIssue[], sent: Readonly<Record<string, unknown>>): Record<string, UnsavedAnswer> {
    const next: Record<string, UnsavedAnswer> = {};
    for (const i of issues) {
      if (sent[i.question] === undefined) continue;
      next[i.question] = { value: sent[i.question], title: i.title, message: i.message };
    }
    this.write(next);
    return next;
  }

  clear(): void {
    this.write({});
  }

  private write(map: Record<string, UnsavedAnswer>): void {
    try {
      if (Object.keys(map).length === 0) window.localStorage.removeItem(this.key);
      else window.localStorage.setItem(this.key, JSON.stringify(map));
    } catch {
      // Private mode or quota: the error under the question still tells the person what to fix.
    }
  }
}

function isUnsaved(v: unknown): v is UnsavedAnswer {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return 'value' in o && isText(o.title) && isText(o.message);
}

function isText(v: unknown): v is { es: string; en: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { es?: unknown }).es === 'string' &&
    typeof (v as { en?: unknown }).en === 'string'
  );
}

/** The message without its «title»: prefix, for showing under the question itself. */
export function messageUnderQuestion(message: string, title: string): string {
  const prefix = `«${title}»: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
