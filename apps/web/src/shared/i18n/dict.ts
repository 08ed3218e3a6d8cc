export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];

/** A bilingual dictionary section. English must define exactly the Spanish keys (checked at compile time). */
export interface Dict<K extends string> {
  es: Record<K, string>;
  en: Record<K, string>;
}

export function dict<K extends string>(es: Record<K, string>, en: Record<NoInfer<K>, string>): Dict<K> {
  return { es, en };
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing variable is noticed. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
