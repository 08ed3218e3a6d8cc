/**
 * Allow-list sanitiser for the HTML a questionnaire carries (`html` elements, `completedHtml`…).
 * survey-core renders those strings as markup in respondents' browsers, so an administrator's
 * `<meta http-equiv=refresh>`, `<script>`, `<iframe>`, `on*` handler or `javascript:` link would act on
 * every institution that opens its link. The API sanitises on save and the web app again before
 * rendering (defence in depth: older stored versions, or a future path that skips the API).
 * Pure (htmlparser2's tokenizer only): shared by the API and the browser.
 */
import { Parser } from 'htmlparser2';

/** Elements kept, with the attributes each may carry (besides `title` and `lang`, allowed everywhere). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  hr: [],
  div: [],
  span: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  small: [],
  sub: [],
  sup: [],
  mark: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  code: [],
  pre: [],
  abbr: [],
  ul: [],
  ol: ['start'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  a: ['href'],
};
const GLOBAL_ATTRIBUTES = ['title', 'lang'];
/** Elements dropped with everything inside them (their text is code, not content). */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'title',
  'svg',
  'math',
  'select',
  'xmp',
  'plaintext',
]);
const VOID = new Set(['br', 'hr']);
/** Link targets allowed: web and mail addresses, and links within the page. Anything else (javascript:, data:, vbscript:…) is removed. */
const SAFE_URL = /^(https?:\/\/|mailto:|#)/i;
const NUMBER = /^\d{1,3}$/;

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

function safeAttribute(tag: string, name: string, value: string): string | undefined {
  if (!GLOBAL_ATTRIBUTES.includes(name) && !(ALLOWED[tag] ?? []).includes(name)) return undefined;
  if (name === 'href') {
    // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): strip them before checking.
    const compact = value.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
    return SAFE_URL.test(compact) ? compact : undefined;
  }
  if (name === 'colspan' || name === 'rowspan' || name === 'start') return NUMBER.test(value) ? value : undefined;
  if (name === 'scope') return ['row', 'col', 'rowgroup', 'colgroup'].includes(value) ? value : undefined;
  return value;
}

/** The allowed subset of `html`: unknown elements are unwrapped (their text kept), dangerous ones dropped whole, attributes filtered. */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropping > 0 || DROP_WITH_CONTENT.has(name)) {
          if (DROP_WITH_CONTENT.has(name) || dropping > 0) dropping++;
          return;
        }
        if (!(name in ALLOWED)) return;
        const attrs: string[] = [];
        for (const [key, value] of Object.entries(attributes)) {
          const safe = safeAttribute(name, key.toLowerCase(), value);
          if (safe !== undefined) attrs.push(` ${key.toLowerCase()}="${escapeAttribute(safe)}"`);
        }
        // Links leave the respondent's page without telling the target where they came from.
        if (name === 'a' && attrs.some((a) => a.startsWith(' href=')))
          attrs.push(' rel="noopener noreferrer nofollow"');
        out.push(`<${name}${attrs.join('')}>`);
        if (!VOID.has(name)) open.push(name);
      },
      ontext(text) {
        if (dropping === 0) out.push(escapeText(text));
      },
      onclosetag(name) {
        if (dropping > 0) {
          dropping--;
          return;
        }
        if (!(name in ALLOWED) || VOID.has(name)) return;
        const at = open.lastIndexOf(name);
        if (at < 0) return;
        // Close whatever was left open inside it, so the output is always well nested.
        while (open.length > at) out.push(`</${open.pop()}>`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join('');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isHtmlKey = (key: string): boolean => key === 'html' || /Html$/.test(key);

function sanitizeValue(value: Json): Json {
  if (typeof value === 'string') return sanitizeHtml(value);
  // Localised text: { default: '…', es: '…', en: '…' }.
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, Json> = {};
    for (const [locale, text] of Object.entries(value))
      out[locale] = typeof text === 'string' ? sanitizeHtml(text) : text;
    return out;
  }
  return value;
}

/**
 * A copy of a questionnaire definition with every HTML-bearing property sanitised: `html` (html elements,
 * completedHtmlOnCondition items) and any `…Html` property (completedHtml, loadingHtml, completedBeforeHtml),
 * in plain or localised form. Iterative: definitions may be deep.
 */
export function sanitizeDefinitionHtml<T>(definition: T): T {
  const root = JSON.parse(JSON.stringify(definition ?? null)) as Json;
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Json;
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (isHtmlKey(key)) node[key] = sanitizeValue(value);
        else stack.push(value);
      }
    }
  }
  return root as T;
}
