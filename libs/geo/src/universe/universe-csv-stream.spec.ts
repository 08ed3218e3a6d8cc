import { CatalogueIndex, parseUniverseCsv, UNIVERSE_LIMITS } from './universe-csv';
import { chunksOf, parseUniverseCsvStream, UniverseStreamProgress } from './universe-csv-stream';

const catalogue: CatalogueIndex = {
  states: new Set(['09', '15']),
  municipalities: new Map([
    ['09002', '09'],
    ['15106', '15'],
    ['15001', '15'],
  ]),
};

const HEADER = 'name,type,level,cve_ent,cvegeo,email';

/** Files covering every branch of the whole-string reader. */
const FILES: Record<string, string | Buffer> = {
  good: `${HEADER}\nAyuntamiento de  Toluca,Ayuntamiento,Municipal,15,15106,Transparencia@Toluca.gob.mx\n"Secretaría de Finanzas, Edomex",Secretaría,ESTATAL,15,15001,uta@edomex.gob.mx\n`,
  spanishSemicolonsCrlfBom:
    '\uFEFFNombre;Tipo;Nivel;CVE_ENT;CVEGEO;Correo;Clave\r\nINFOEM;Órgano;Autónomo;15;15106;a@b.mx;X-1\r\nÓrgano 2;Órgano;Autónomo;15;15106;b@b.mx;X-2\r\n',
  tabs: 'name\ttype\tlevel\tcve_ent\tcvegeo\temail\nA\tt\tmunicipal\t15\t15106\ta@b.mx\n',
  oldMacLineEnds: `${HEADER}\rA,t,municipal,15,15106,a@b.mx\rB,t,municipal,15,15106,bad\r`,
  leadingZeros: `${HEADER}\nAlcaldía,alcaldía,municipal,9,9002,a@b.mx\n`,
  badRows: [
    HEADER,
    'Bien,ayuntamiento,municipal,15,15106,ok@x.mx',
    'Desconocido,ayuntamiento,municipal,15,15999,a@x.mx',
    'Cruzado,ayuntamiento,municipal,15,09002,a@x.mx',
    'Nivel,ayuntamiento,galáctico,15,15106,a@x.mx',
    'Correo,ayuntamiento,municipal,15,15001,no-es-correo',
    ',ayuntamiento,municipal,15,15001,b@x.mx',
    'Entidad,ayuntamiento,municipal,99,15001,c@x.mx',
    'Corta,ayuntamiento',
    'Bien,ayuntamiento,municipal,15,15106,ok2@x.mx',
  ].join('\n'),
  quotedNewline: `${HEADER}\n"Dos\nlíneas",t,municipal,15,15106,a@b.mx\nMala,t,municipal,15,15106,bad\n`,
  missingColumn: 'name,type,level,cve_ent,email,extra\nA,t,municipal,15,a@b.mx,x\nB,t,municipal,15,b@b.mx,y\n',
  blank: '  \n',
  empty: '',
  headerOnly: `${HEADER}\n`,
  onlyEmptyRecords: ',,,\n,,\n',
  malformed: `${HEADER}\n"sin cerrar,t,municipal,15,15106,a@b.mx\n`,
  malformedEarlyBadByteLate: Buffer.concat([
    Buffer.from(`${HEADER}\nA,t,municipal,15,15106,a"b@b.mx\n`),
    Buffer.from('Juárez,t,municipal,15,15106,c@b.mx\n', 'latin1'),
  ]),
  latin1: Buffer.from(
    `${HEADER}\nA,t,municipal,15,15106,a@b.mx\nNaucalpan de Juárez,t,municipal,15,15106,b@b.mx\n`,
    'latin1',
  ),
  trailingCellsAndBlankLines: `${HEADER}\n\nA,t,municipal,15,15106,a@b.mx,,\n,,,,,\n`,
  noFinalNewline: `${HEADER}\nA,t,municipal,15,15106,a@b.mx`,
  headerAfterBlankLines: `\n\n  \n${HEADER}\nA,t,municipal,15,15106,a@b.mx\n`,
  multibyte: `${HEADER}\nÑandú — 日本 😀,t,municipal,15,15106,a@b.mx\n`,
};

const bytesOf = (f: string | Buffer): Buffer => (typeof f === 'string' ? Buffer.from(f, 'utf8') : f);
// The whole-string reader gets what the API's body parser makes of the bytes: UTF-8 with U+FFFD for bad bytes.
const textOf = (f: string | Buffer): string => new TextDecoder('utf-8').decode(bytesOf(f));

describe('parseUniverseCsvStream', () => {
  for (const [name, file] of Object.entries(FILES)) {
    it(`reports exactly what the whole-string reader reports: ${name}`, async () => {
      const expected = parseUniverseCsv(textOf(file), catalogue);
      // One byte at a time splits CRLFs, multi-byte characters and the header line; 7 and 4096 are ordinary.
      for (const size of [1, 7, 4096]) {
        expect(await parseUniverseCsvStream(chunksOf(bytesOf(file), size), catalogue)).toEqual(expected);
      }
    });
  }

  it('reports the line of a bad row deep in a large file', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 20_000; i++)
      lines.push(`Institución ${i},t,municipal,15,${i % 2 ? '15106' : '15001'},c${i}@example.org`);
    lines.splice(17_000, 0, 'Mala,t,municipal,15,99999,x@example.org');
    const text = `${lines.join('\n')}\n`;
    const r = await parseUniverseCsvStream(chunksOf(Buffer.from(text), 64 * 1024), catalogue);
    expect(r.rows).toEqual([]);
    expect(r.errorCount).toBe(1);
    expect(r.errors[0]).toMatchObject({ line: 17_001, column: 'cvegeo', code: 'UNKNOWN_CVEGEO' });
    expect(r).toEqual(parseUniverseCsv(text, catalogue));
  });

  it('refuses more rows than the limit like the whole-string reader (header problems kept, row problems not listed)', async () => {
    const lines = ['name,type,level,cve_ent,cvegeo,email,extra'];
    for (let i = 0; i <= UNIVERSE_LIMITS.maxRows; i++)
      lines.push(`N${i},t,municipal,15,15106,${i % 3 ? `a${i}@b.mx` : 'bad'},`);
    const text = lines.join('\n');
    const r = await parseUniverseCsvStream(chunksOf(Buffer.from(text), 256 * 1024), catalogue);
    expect(r.errors.map((e) => e.code)).toEqual(['UNKNOWN_COLUMN', 'TOO_MANY_ROWS']);
    expect(r).toEqual(parseUniverseCsv(text, catalogue));
  });

  it('reports progress in bytes, rows and errors as it goes', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 3000; i++) lines.push(`N${i},t,municipal,15,15106,${i === 10 ? 'bad' : `a${i}@b.mx`}`);
    const bytes = Buffer.from(lines.join('\n'));
    const seen: UniverseStreamProgress[] = [];
    await parseUniverseCsvStream(chunksOf(bytes, 8 * 1024), catalogue, { onProgress: (p) => void seen.push(p) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen[seen.length - 1].bytes).toBe(bytes.byteLength);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].bytes).toBeGreaterThan(seen[i - 1].bytes);
      expect(seen[i].rows).toBeGreaterThanOrEqual(seen[i - 1].rows);
    }
    expect(seen[seen.length - 1].rows).toBeGreaterThan(2000);
    expect(seen[seen.length - 1].errorCount).toBe(1);
  });

  it('lets a failing source throw (a storage error is not a verdict on the file)', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${HEADER}\n`);
      throw new Error('connection lost');
    }
    await expect(parseUniverseCsvStream(broken(), catalogue)).rejects.toThrow('connection lost');
  });
});
