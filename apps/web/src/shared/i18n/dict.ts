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

const LOCALES: Record<Lang, string> = { es: 'es-MX', en: 'en-US' };
const pluralRules = new Map<Lang, Intl.PluralRules>();
// `{n, plural, =0 {…} one {# reporte} other {# reportes}}` (the ICU MessageFormat subset the app needs).
const PLURAL_BLOCK = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Replaces `{name}` placeholders and ICU plural blocks `{n, plural, one {# sujeto} other {# sujetos}}`
 * (category by Intl.PluralRules for `lang`, `#` the formatted number, `=k` for an exact value), so no
 * message says "faltan 1 sujetos". Unknown placeholders stay visible so a missing variable is noticed.
 */
export function interpolate(template: string, vars?: Record<string, string | number>, lang: Lang = 'es'): string {
  if (!vars) return template;
  const plural = template.replace(PLURAL_BLOCK, (whole, name: string, body: string) => {
    const n = Number(vars[name]);
    if (!(name in vars) || !Number.isFinite(n)) return whole;
    const options = new Map([...body.matchAll(PLURAL_OPTION)].map((m) => [m[1], m[2]] as const));
    let rules = pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(LOCALES[lang]);
      pluralRules.set(lang, rules);
    }
    const chosen = options.get(`=${n}`) ?? options.get(rules.select(n)) ?? options.get('other') ?? whole;
    return chosen.replace(/#/g, new Intl.NumberFormat(LOCALES[lang]).format(n));
  });
  return plural.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
