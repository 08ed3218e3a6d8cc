/**
 * Content-type sniffing from magic bytes. The declared type of an upload is chosen by the client and
 * cannot be trusted; what we store and serve back is what the bytes are. Pure: no I/O, no framework.
 */

export const MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  text: 'text/plain',
  csv: 'text/csv',
} as const;

const startsWith = (buf: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const u16 = (buf: Uint8Array, at: number): number => buf[at] | (buf[at + 1] << 8);
const u32 = (buf: Uint8Array, at: number): number =>
  (buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16)) + buf[at + 3] * 0x1000000;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const ZIP_END_SEARCH = 22 + 0xffff;
/** More entries than any office document has; a bound against hostile archives. */
const ZIP_MAX_ENTRIES = 20000;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Entry names from the central directory, or undefined when the archive is truncated or malformed. */
export function zipEntries(buf: Uint8Array): ZipEntry[] | undefined {
  if (buf.length < 22) return undefined;
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - ZIP_END_SEARCH); i--) {
    if (u32(buf, i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(buf, end + 10);
  const size = u32(buf, end + 12);
  const start = u32(buf, end + 16);
  if (count > ZIP_MAX_ENTRIES || start + size > end) return undefined;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(buf, at) !== ZIP_CENTRAL) return undefined;
    const nameLength = u16(buf, at + 28);
    const extraLength = u16(buf, at + 30);
    const commentLength = u16(buf, at + 32);
    if (at + 46 + nameLength > end) return undefined;
    entries.push({
      name: decoder.decode(buf.subarray(at + 46, at + 46 + nameLength)),
      method: u16(buf, at + 10),
      compressedSize: u32(buf, at + 20),
      localOffset: u32(buf, at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Content of a stored (uncompressed) entry, e.g. the ODF `mimetype` file. */
function storedContent(buf: Uint8Array, entry: ZipEntry, max: number): string | undefined {
  const at = entry.localOffset;
  if (entry.method !== 0 || entry.compressedSize > max || at + 30 > buf.length || u32(buf, at) !== ZIP_LOCAL)
    return undefined;
  const dataStart = at + 30 + u16(buf, at + 26) + u16(buf, at + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > buf.length) return undefined;
  return String.fromCharCode(...buf.subarray(dataStart, dataEnd));
}

const ODF_TYPES: ReadonlySet<string> = new Set([MIME.odt, MIME.ods, MIME.odp]);

/** Office Open XML (by `[Content_Types].xml` and its main part) and OpenDocument (by `mimetype`). */
function sniffZip(buf: Uint8Array): string {
  const entries = zipEntries(buf);
  if (!entries) return MIME.zip;
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const declared = storedContent(buf, mimetype, 100)?.trim();
    if (declared && ODF_TYPES.has(declared)) return declared;
  }
  if (entries.some((e) => e.name === '[Content_Types].xml')) {
    if (entries.some((e) => e.name.startsWith('word/'))) return MIME.docx;
    if (entries.some((e) => e.name.startsWith('xl/'))) return MIME.xlsx;
    if (entries.some((e) => e.name.startsWith('ppt/'))) return MIME.pptx;
  }
  return MIME.zip;
}

/**
 * Plain text: valid UTF-8 (an optional BOM allowed), no NUL and no C0 control characters other than
 * tab, line feed, form feed and carriage return. Binary formats fail this almost immediately.
 */
export function isPlainText(buf: Uint8Array): boolean {
  if (buf.length === 0) return false;
  for (const b of buf) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    // A decoding error is the answer itself: the bytes are not UTF-8 text.
    return false;
  }
}

/**
 * The content type the bytes actually have, or undefined when unrecognised. CSV cannot be told from
 * plain text by content: both sniff as text/plain (see resolveEvidenceType for the CSV refinement).
 */
export function sniffMime(buf: Uint8Array): string | undefined {
  if (startsWith(buf, ascii('%PDF-'))) return MIME.pdf;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MIME.png;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return MIME.jpeg;
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return MIME.gif;
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return MIME.webp;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(buf);
  if (isPlainText(buf)) return MIME.text;
  return undefined;
}
