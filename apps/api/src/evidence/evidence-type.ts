import { MIME } from './sniff-mime';

/** Accepted evidence types and the file extensions that go with them (first one is canonical). */
export const EVIDENCE_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  [MIME.pdf, ['pdf']],
  [MIME.png, ['png']],
  [MIME.jpeg, ['jpg', 'jpeg']],
  [MIME.gif, ['gif']],
  [MIME.webp, ['webp']],
  [MIME.docx, ['docx']],
  [MIME.xlsx, ['xlsx']],
  [MIME.pptx, ['pptx']],
  [MIME.odt, ['odt']],
  [MIME.ods, ['ods']],
  [MIME.odp, ['odp']],
  [MIME.text, ['txt']],
  [MIME.csv, ['csv']],
]);

/** Declared types that say nothing about the content (the browser did not know). */
const UNINFORMATIVE = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Common spellings browsers and operating systems send for the same type. */
const ALIASES: Record<string, string> = {
  'image/jpg': MIME.jpeg,
  'image/pjpeg': MIME.jpeg,
  'application/x-pdf': MIME.pdf,
  'application/acrobat': MIME.pdf,
  'application/csv': MIME.csv,
  'text/comma-separated-values': MIME.csv,
  'text/x-csv': MIME.csv,
  // Windows declares .csv files as Excel documents.
  'application/vnd.ms-excel': MIME.csv,
};

const ZIP_DECLARED = new Set(['application/zip', 'application/x-zip-compressed', 'application/x-zip']);
const ZIP_BASED = new Set<string>([MIME.docx, MIME.xlsx, MIME.pptx, MIME.odt, MIME.ods, MIME.odp]);

export function normaliseDeclared(declared: string | undefined): string {
  const bare = (declared ?? '').split(';')[0].trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

export type EvidenceTypeDecision =
  { ok: true; mimeType: string } | { ok: false; reason: 'unrecognised' | 'not_allowed' | 'mismatch' };

/**
 * The type an upload is stored and served with: the sniffed one, which must be on the allow-list and
 * must not contradict what the client declared. Text is refined to CSV when the client says so.
 */
export function resolveEvidenceType(
  sniffed: string | undefined,
  declaredRaw: string | undefined,
  filename: string,
): EvidenceTypeDecision {
  if (!sniffed) return { ok: false, reason: 'unrecognised' };
  const declared = normaliseDeclared(declaredRaw);
  if (sniffed === MIME.text) {
    const csv = declared === MIME.csv || (UNINFORMATIVE.has(declared) && extensionOf(filename) === 'csv');
    if (csv) return { ok: true, mimeType: MIME.csv };
    if (declared === MIME.text || UNINFORMATIVE.has(declared)) return { ok: true, mimeType: MIME.text };
    return { ok: false, reason: 'mismatch' };
  }
  if (!EVIDENCE_TYPES.has(sniffed)) return { ok: false, reason: 'not_allowed' };
  if (UNINFORMATIVE.has(declared) || declared === sniffed) return { ok: true, mimeType: sniffed };
  if (ZIP_BASED.has(sniffed) && ZIP_DECLARED.has(declared)) return { ok: true, mimeType: sniffed };
  return { ok: false, reason: 'mismatch' };
}

const MAX_FILENAME = 200;

/**
 * A filename safe to store and to put in Content-Disposition: no directories, no control or
 * reserved characters, bounded length, and an extension that matches the stored type — a file
 * saved to disk must not open as something else than what was checked (`informe.html` that is
 * text becomes `informe.html.txt`).
 */
export function safeFilename(original: string | undefined, mimeType: string): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const allowed = EVIDENCE_TYPES.get(mimeType) ?? [];
  const ext = extensionOf(name);
  if (!name) name = 'evidencia';
  const withExt = allowed.includes(ext) ? name : `${name}.${allowed[0] ?? 'bin'}`;
  if (withExt.length <= MAX_FILENAME) return withExt;
  const suffix = `.${allowed.includes(ext) ? ext : (allowed[0] ?? 'bin')}`;
  return [...withExt.slice(0, withExt.length - suffix.length)].slice(0, MAX_FILENAME - suffix.length).join('') + suffix;
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_') || 'evidencia';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
