/**
 * Storage form of the item list of a government component (metric_result.details.items).
 *
 * Why columns instead of one object per item: a national round stores ≈ 1.6 M item results
 * (12,000 institutions × 150 items). As objects, the repeated keys were two thirds of the bytes and
 * most of the JSON PostgreSQL had to parse, compress and WAL-log on every rebuild (bench/RESULTS.md,
 * "Lean result storage"). As one array per field, the same values take a third of the space and are
 * written and read back faster; the numbers are the same JSON numbers, so nothing is rounded.
 *
 * Why packed (the current form) instead of plain columns: most items of a national round have no
 * verdict, so four of the nine columns were long runs of the same nulls and zeros, and the flags and
 * verification states repeated 5 to 16 characters per item. Packed, those fields are one character
 * per item, and only the items with verdicts (or a validated score different from s) carry the rest:
 * the item lists shrink by about half, and with them the bytes every rebuild formats, sends,
 * compresses and WAL-logs (bench/RESULTS.md, 2026-12-06).
 *
 * Readers must accept every form: rows written before (an array of objects, or plain columns) stay
 * valid until their round is recomputed.
 */

/** One item of a component, as the results API shows it. */
export interface StoredItem {
  name: string;
  weight: number;
  verifiable: boolean;
  /** Self-reported score s. */
  s: number;
  /** Validated score s′. */
  sValidated: number;
  confirmed: number;
  refuted: number;
  /** not_verifiable, unverified, confirmed, refuted or mixed (libs/metric VerificationState). */
  verification: string;
  /** c/(c + r) with its Wilson interval; null without verdicts. */
  confirmationRate: { p: number; lo: number; hi: number; n: number } | null;
}

/**
 * The columnar form: field → one value per item, in the same order. Rates as [p, lo, hi, n] or null.
 * `sValidated` is null where it equals `s` (every item without verdicts: most of them), which spares
 * formatting and parsing a million doubles per national rebuild.
 */
export interface ItemColumns {
  format: 'columns';
  name: string[];
  weight: number[];
  verifiable: boolean[];
  s: number[];
  sValidated: Array<number | null>;
  confirmed: number[];
  refuted: number[];
  verification: string[];
  confirmationRate: Array<[number, number, number, number] | null>;
}

/** One character per verification state in the packed form. */
const VERIFICATION_CODE: Readonly<Record<string, string>> = {
  not_verifiable: 'n',
  unverified: 'u',
  confirmed: 'c',
  refuted: 'r',
  mixed: 'm',
};
const VERIFICATION_OF_CODE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(VERIFICATION_CODE).map(([state, code]) => [code, state]),
);

/**
 * The packed form: name, weight and s per item; flags and states one character per item; and, only
 * for items with verdicts or s′ ≠ s, [index, s′ (null when equal to s), confirmed, refuted, rate].
 */
export interface PackedItems {
  format: 'packed';
  name: string[];
  weight: number[];
  /** '1' verifiable, '0' not. */
  verifiable: string;
  s: number[];
  /** n not_verifiable, u unverified, c confirmed, r refuted, m mixed. */
  verification: string;
  checked: Array<[number, number | null, number, number, [number, number, number, number] | null]>;
}

/** The stored form of an item list: packed, or plain columns when a state has no packed code (never lossy). */
export function encodeItemList(items: readonly StoredItem[]): PackedItems | ItemColumns {
  const n = items.length;
  const out: PackedItems = {
    format: 'packed',
    name: new Array<string>(n),
    weight: new Array<number>(n),
    verifiable: '',
    s: new Array<number>(n),
    verification: '',
    checked: [],
  };
  let verifiable = '';
  let verification = '';
  for (let k = 0; k < n; k++) {
    const i = items[k];
    const code = VERIFICATION_CODE[i.verification];
    if (code === undefined) return encodeItemColumns(items);
    out.name[k] = i.name;
    out.weight[k] = i.weight;
    out.s[k] = i.s;
    verifiable += i.verifiable ? '1' : '0';
    verification += code;
    const r = i.confirmationRate;
    const sValidated = Object.is(i.sValidated, i.s) ? null : i.sValidated;
    if (sValidated !== null || i.confirmed !== 0 || i.refuted !== 0 || r !== null) {
      out.checked.push([k, sValidated, i.confirmed, i.refuted, r === null ? null : [r.p, r.lo, r.hi, r.n]]);
    }
  }
  out.verifiable = verifiable;
  out.verification = verification;
  return out;
}

export function encodeItemColumns(items: readonly StoredItem[]): ItemColumns {
  const n = items.length;
  const out: ItemColumns = {
    format: 'columns',
    name: new Array<string>(n),
    weight: new Array<number>(n),
    verifiable: new Array<boolean>(n),
    s: new Array<number>(n),
    sValidated: new Array<number | null>(n),
    confirmed: new Array<number>(n),
    refuted: new Array<number>(n),
    verification: new Array<string>(n),
    confirmationRate: new Array<[number, number, number, number] | null>(n),
  };
  for (let k = 0; k < n; k++) {
    const i = items[k];
    out.name[k] = i.name;
    out.weight[k] = i.weight;
    out.verifiable[k] = i.verifiable;
    out.s[k] = i.s;
    out.sValidated[k] = Object.is(i.sValidated, i.s) ? null : i.sValidated;
    out.confirmed[k] = i.confirmed;
    out.refuted[k] = i.refuted;
    out.verification[k] = i.verification;
    const r = i.confirmationRate;
    out.confirmationRate[k] = r === null ? null : [r.p, r.lo, r.hi, r.n];
  }
  return out;
}

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const col = (c: Loose, key: string): unknown[] => (Array.isArray(c[key]) ? (c[key] as unknown[]) : []);

function rateOf(v: unknown): StoredItem['confirmationRate'] {
  if (Array.isArray(v) && v.length === 4) return { p: num(v[0]), lo: num(v[1]), hi: num(v[2]), n: num(v[3]) };
  if (isObj(v)) return { p: num(v.p), lo: num(v.lo), hi: num(v.hi), n: num(v.n) };
  return null;
}

function decodePacked(stored: Loose): StoredItem[] {
  const names = col(stored, 'name');
  const weight = col(stored, 'weight');
  const s = col(stored, 's');
  const verifiable = str(stored.verifiable, '');
  const verification = str(stored.verification, '');
  const items: StoredItem[] = names.map((name, i) => ({
    name: str(name, ''),
    weight: num(weight[i]),
    verifiable: verifiable.charAt(i) === '1',
    s: num(s[i]),
    sValidated: num(s[i]),
    confirmed: 0,
    refuted: 0,
    verification: VERIFICATION_OF_CODE[verification.charAt(i)] ?? 'not_verifiable',
    confirmationRate: null,
  }));
  for (const entry of col(stored, 'checked')) {
    if (!Array.isArray(entry)) continue;
    const item = items[typeof entry[0] === 'number' ? entry[0] : -1];
    if (item === undefined) continue;
    if (entry[1] !== null && entry[1] !== undefined) item.sValidated = num(entry[1]);
    item.confirmed = num(entry[2]);
    item.refuted = num(entry[3]);
    item.confirmationRate = rateOf(entry[4]);
  }
  return items;
}

/** Items of a stored component, whichever form the row has (packed, columns, or the older array of objects). */
export function decodeItemList(stored: unknown): StoredItem[] {
  if (isObj(stored) && stored.format === 'packed') return decodePacked(stored);
  if (Array.isArray(stored)) {
    return stored.filter(isObj).map((v) => ({
      name: str(v.name, ''),
      weight: num(v.weight),
      verifiable: v.verifiable === true,
      s: num(v.s),
      sValidated: num(v.sValidated),
      confirmed: num(v.confirmed),
      refuted: num(v.refuted),
      verification: str(v.verification, 'not_verifiable'),
      confirmationRate: rateOf(v.confirmationRate),
    }));
  }
  if (!isObj(stored) || stored.format !== 'columns') return [];
  const names = col(stored, 'name');
  const [weight, verifiable, s, sValidated, confirmed, refuted, verification, rate] = [
    'weight',
    'verifiable',
    's',
    'sValidated',
    'confirmed',
    'refuted',
    'verification',
    'confirmationRate',
  ].map((k) => col(stored, k));
  return names.map((name, i) => ({
    name: str(name, ''),
    weight: num(weight[i]),
    verifiable: verifiable[i] === true,
    s: num(s[i]),
    sValidated: sValidated[i] === null || sValidated[i] === undefined ? num(s[i]) : num(sValidated[i]),
    confirmed: num(confirmed[i]),
    refuted: num(refuted[i]),
    verification: str(verification[i], 'not_verifiable'),
    confirmationRate: rateOf(rate[i]),
  }));
}
