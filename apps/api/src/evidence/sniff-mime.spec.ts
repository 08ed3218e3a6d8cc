import { isPlainText, MIME, sniffMime, zipEntries } from './sniff-mime';

/** A minimal stored (uncompressed) ZIP archive with a real central directory. */
function storedZip(files: Array<{ name: string; content: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = Buffer.from(f.content, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMime', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), MIME.pdf],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), MIME.png],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), MIME.jpeg],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), MIME.gif],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), MIME.gif],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), MIME.webp],
    ['plain text', Buffer.from('Informe anual de transparencia — año 2024\r\n'), MIME.text],
    ['CSV (as text)', Buffer.from('\ufeffclave,nombre\n1,Ayuntamiento\n'), MIME.text],
  ])('recognises %s', (_label, buf, mime) => {
    expect(sniffMime(buf)).toBe(mime);
  });

  it('recognises Office Open XML documents by their parts', () => {
    const ct = { name: '[Content_Types].xml', content: '<Types/>' };
    expect(sniffMime(storedZip([ct, { name: 'word/document.xml', content: '<w:document/>' }]))).toBe(MIME.docx);
    expect(sniffMime(storedZip([ct, { name: 'xl/workbook.xml', content: '<workbook/>' }]))).toBe(MIME.xlsx);
    expect(sniffMime(storedZip([ct, { name: 'ppt/presentation.xml', content: '<p/>' }]))).toBe(MIME.pptx);
  });

  it('recognises OpenDocument files by their stored mimetype entry', () => {
    const odt = storedZip([
      { name: 'mimetype', content: MIME.odt },
      { name: 'content.xml', content: '<office:document-content/>' },
    ]);
    expect(sniffMime(odt)).toBe(MIME.odt);
    const ods = storedZip([{ name: 'mimetype', content: MIME.ods }]);
    expect(sniffMime(ods)).toBe(MIME.ods);
  });

  it('reports any other ZIP archive, and a truncated one, as plain ZIP', () => {
    const zip = storedZip([{ name: 'payload.exe', content: 'MZ...' }]);
    expect(sniffMime(zip)).toBe(MIME.zip);
    const docx = storedZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w/>' },
    ]);
    expect(sniffMime(docx.subarray(0, docx.length - 10))).toBe(MIME.zip);
    expect(sniffMime(storedZip([{ name: 'mimetype', content: 'application/x-evil' }]))).toBe(MIME.zip);
  });

  it('refuses executables, binary data, NULs, invalid UTF-8 and empty files', () => {
    expect(sniffMime(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeUndefined();
    expect(sniffMime(bytes([0x7f], 'ELF', [2, 1, 1]))).toBeUndefined();
    expect(sniffMime(Buffer.from('texto\u0000con nulo'))).toBeUndefined();
    expect(sniffMime(bytes('caf', [0xe9], ' latin-1'))).toBeUndefined();
    expect(sniffMime(Buffer.alloc(0))).toBeUndefined();
    expect(sniffMime(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeUndefined();
  });

  it('does not take a magic number found later in the file', () => {
    expect(sniffMime(Buffer.from('hello %PDF-1.4'))).toBe(MIME.text);
    expect(sniffMime(bytes('MZ%PDF-1.4', [0]))).toBeUndefined();
  });

  it('never throws on hostile ZIP directories', () => {
    const zip = storedZip([{ name: 'a', content: 'b' }]);
    for (let i = 0; i < zip.length; i++) {
      const broken = Buffer.from(zip);
      broken[i] = 0xff;
      expect(() => sniffMime(broken)).not.toThrow();
    }
    expect(zipEntries(Buffer.from('PK\u0005\u0006'))).toBeUndefined();
  });

  it('isPlainText accepts tabs and line breaks, refuses other control characters', () => {
    expect(isPlainText(Buffer.from('a\tb\r\nc\f'))).toBe(true);
    expect(isPlainText(Buffer.from('a\u001bb'))).toBe(false);
  });
});
