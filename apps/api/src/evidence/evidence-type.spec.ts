import { contentDisposition, resolveEvidenceType, safeFilename } from './evidence-type';
import { MIME } from './sniff-mime';

describe('resolveEvidenceType', () => {
  it.each([
    [MIME.pdf, 'application/pdf', 'a.pdf', MIME.pdf],
    [MIME.pdf, 'application/octet-stream', 'a.pdf', MIME.pdf],
    [MIME.pdf, undefined, 'a', MIME.pdf],
    [MIME.jpeg, 'image/jpg', 'a.jpg', MIME.jpeg],
    [MIME.png, 'IMAGE/PNG; charset=binary', 'a.png', MIME.png],
    [MIME.docx, 'application/zip', 'a.docx', MIME.docx],
    [MIME.text, 'text/plain', 'a.txt', MIME.text],
    [MIME.text, 'text/csv', 'a.csv', MIME.csv],
    [MIME.text, 'application/vnd.ms-excel', 'a.csv', MIME.csv],
    [MIME.text, 'application/octet-stream', 'datos.CSV', MIME.csv],
    [MIME.text, '', 'notas', MIME.text],
  ])('accepts sniffed %s declared %s', (sniffed, declared, filename, stored) => {
    expect(resolveEvidenceType(sniffed, declared, filename)).toEqual({ ok: true, mimeType: stored });
  });

  it.each([
    [undefined, 'application/pdf', 'unrecognised'],
    [MIME.zip, 'application/zip', 'not_allowed'],
    [MIME.png, 'application/pdf', 'mismatch'],
    [MIME.pdf, 'image/png', 'mismatch'],
    [MIME.text, 'application/pdf', 'mismatch'],
    [MIME.text, 'image/svg+xml', 'mismatch'],
    [MIME.text, 'text/html', 'mismatch'],
    [MIME.docx, 'application/pdf', 'mismatch'],
  ])('refuses sniffed %s declared %s (%s)', (sniffed, declared, reason) => {
    expect(resolveEvidenceType(sniffed, declared, 'x')).toEqual({ ok: false, reason });
  });
});

describe('safeFilename', () => {
  it('keeps a good name and strips directories and control characters', () => {
    expect(safeFilename('Informe año 2024.pdf', MIME.pdf)).toBe('Informe año 2024.pdf');
    expect(safeFilename('C:\\Users\\x\\acta.PDF', MIME.pdf)).toBe('acta.PDF');
    expect(safeFilename('../../etc/pa"ss\u0000wd.txt', MIME.text)).toBe('passwd.txt');
    expect(safeFilename('evil\u202egpj.exe', MIME.jpeg)).toBe('evilgpj.exe.jpg');
  });

  it('gives the stored type its extension so the file cannot open as something else', () => {
    expect(safeFilename('pagina.html', MIME.text)).toBe('pagina.html.txt');
    expect(safeFilename('foto.jpeg', MIME.jpeg)).toBe('foto.jpeg');
    expect(safeFilename('', MIME.pdf)).toBe('evidencia.pdf');
    expect(safeFilename('...', MIME.csv)).toBe('evidencia.csv');
    expect(safeFilename(undefined, MIME.png)).toBe('evidencia.png');
  });

  it('bounds the length and keeps the extension', () => {
    const long = safeFilename(`${'á'.repeat(500)}.pdf`, MIME.pdf);
    expect([...long].length).toBe(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Informe año.pdf')).toBe(
      `attachment; filename="Informe ano.pdf"; filename*=UTF-8''Informe%20a%C3%B1o.pdf`,
    );
    expect(contentDisposition('a\\b%c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%5Cb%25c.txt`);
  });
});
