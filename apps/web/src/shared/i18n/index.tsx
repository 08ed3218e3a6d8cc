import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { interpolate, type Lang } from './dict';
import { MESSAGES, type MessageKey } from './messages';

export type { Lang } from './dict';
export type { MessageKey } from './messages';

const STORAGE_KEY = 'apertura.lang';
const INTL_LOCALE: Record<Lang, string> = { es: 'es-MX', en: 'en-US' };

export interface Bilingual {
  es: string;
  en: string;
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** For keys built from server values (statuses, levels): the fallback when the key is unknown. */
  maybe(key: string, fallback: string): string;
  /** Picks the user's language from a server-provided `{es, en}` text. */
  pick(text: Bilingual | null | undefined): string;
  dateTime(iso: string | Date | null | undefined): string;
  date(iso: string | Date | null | undefined): string;
  time(iso: string | Date | null | undefined): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'es' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked (privacy mode); Spanish is the default anyway.
    return 'es';
  }
  return 'es';
}

function toDate(v: string | Date): Date {
  return v instanceof Date ? v : new Date(v);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang === 'es' ? 'es-MX' : 'en';
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted when storage is blocked; the choice still holds for this page view.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const table = MESSAGES[lang];
    const locale = INTL_LOCALE[lang];
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const df = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const tf = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    return {
      lang,
      setLang,
      // A key missing at runtime (a status the server added later) shows the key rather than crashing.
      t: (key, vars) => interpolate(table[key] ?? key, vars, lang),
      maybe: (key, fallback) => (key in table ? table[key as MessageKey] : fallback),
      pick: (text) => (text ? text[lang] || text.es || text.en : ''),
      dateTime: (v) => (v ? dtf.format(toDate(v)) : '—'),
      date: (v) => (v ? df.format(toDate(v)) : '—'),
      time: (v) => (v ? tf.format(toDate(v)) : '—'),
      number: (n, options) => new Intl.NumberFormat(locale, options).format(n),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT() must be used inside <I18nProvider>');
  return ctx;
}
