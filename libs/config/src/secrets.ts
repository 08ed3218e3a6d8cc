import { randomBytes } from 'crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';

/** The secrets that sign or derive credentials. None of them ever has a value written in the source. */
export const SECRET_KEYS = ['JWT_SECRET', 'TOKEN_SECRET'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];
export type Secrets = Record<SecretKey, string>;

/** Where a development install keeps its generated secrets (gitignored); SECRETS_FILE overrides it. */
export const DEFAULT_SECRETS_FILE = '.apertura/dev-secrets.json';

export const MIN_SECRET_LENGTH = 32;
/** Estimated bits of a secret (Shannon entropy of its characters × length) below which it is refused. */
export const MIN_SECRET_BITS = 96;

/**
 * Words that mark a value copied from documentation or a template rather than generated. Matched
 * case-insensitively anywhere in the value, ignoring separators ("change_me", "Change-Me", "changeme").
 */
const PLACEHOLDER_WORDS = [
  'changeme',
  'secret',
  'example',
  'placeholder',
  'password',
  'default',
  'apertura',
  'development',
  'replace',
  'sample',
  'test',
  'dummy',
  'xxxx',
];

/** Shannon entropy of the value's character distribution, times its length: a rough upper bound on its bits. */
export function estimatedBits(value: string): number {
  const chars = [...value];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/** Smallest period p such that the value is a repetition of its first p characters (the last copy may be cut short). */
function repetitionPeriod(value: string): number {
  for (let p = 1; p <= value.length / 2; p++) {
    let repeats = true;
    for (let i = p; i < value.length && repeats; i++) repeats = value[i] === value[i - p];
    if (repeats) return p;
  }
  return value.length;
}

/**
 * Why a secret is not acceptable, or undefined when it is: too short, a placeholder, repetitive or
 * with too little entropy. Heuristics, not proof of randomness: they refuse the values people type
 * (or copy from a template), never a value from `openssl rand -base64 48`.
 */
export function secretWeakness(value: string): string | undefined {
  if (value.length < MIN_SECRET_LENGTH)
    return `has ${value.length} characters; at least ${MIN_SECRET_LENGTH} are required`;
  const folded = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const word = PLACEHOLDER_WORDS.find((w) => folded.includes(w));
  if (word) return `looks like a placeholder (contains "${word}")`;
  if (repetitionPeriod(value) < value.length / 2) return 'is a repeated pattern';
  const bits = estimatedBits(value);
  if (bits < MIN_SECRET_BITS)
    return `has too little entropy (about ${Math.floor(bits)} bits; at least ${MIN_SECRET_BITS} are required)`;
  return undefined;
}

/** A fresh random secret (48 bytes, base64url: 64 characters, 384 bits). */
export function generateSecret(): string {
  // A random value can, very rarely, contain a placeholder word; draw again rather than refuse it later.
  for (;;) {
    const value = randomBytes(48).toString('base64url');
    if (!secretWeakness(value)) return value;
  }
}

function freshSecrets(): Secrets {
  return { JWT_SECRET: generateSecret(), TOKEN_SECRET: generateSecret() };
}

function parseSecretsFile(path: string): Secrets {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const out: Partial<Secrets> = {};
  for (const key of SECRET_KEYS) {
    const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
    if (typeof v !== 'string' || secretWeakness(v))
      throw new Error(`${path}: ${key} is missing or weak; delete the file to generate new development secrets`);
    out[key] = v;
  }
  return out as Secrets;
}

export interface StoredSecrets {
  secrets: Secrets;
  path: string;
  /** True when this call generated the file (first start). */
  created: boolean;
}

/**
 * The development secrets kept in `file`: read when it exists, else generated and written (mode 0600).
 * The API, the worker and the CLI may start at the same moment: the file is written under a temporary
 * name and hard-linked into place, which fails if another process won the race — then theirs is read.
 */
export function loadOrCreateSecretsFile(file: string): StoredSecrets {
  const path = resolve(file);
  try {
    return { secrets: parseSecretsFile(path), path, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const secrets = freshSecrets();
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, path);
    return { secrets, path, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { secrets: parseSecretsFile(path), path, created: false };
  } finally {
    unlinkSync(tmp);
  }
}

/** Secrets of a test process: random, the same for every loadEnv of this process (API and worker in one jest worker agree). */
let processSecrets: Secrets | undefined;
export function processTestSecrets(): Secrets {
  processSecrets ??= freshSecrets();
  return processSecrets;
}
