import {
  CatalogueIndex,
  defaultKey,
  detectDelimiter,
  parseUniverseCsv,
  slugify,
  UNIVERSE_LIMITS,
} from './universe-csv';

const catalogue: CatalogueIndex = {
  states: new Set(['09', '15']),
  municipalities: new Map([
    ['09002', '09'],
    ['15106', '15'],
    ['15001', '15'],
  ]),
};

const HEADER = 'name,type,level,cve_ent,cvegeo,email';

describe('parseUniverseCsv', () => {
  it('parses and normalises a good file', () => {
    const r = parseUniverseCsv(
      `${HEADER}\nAyuntamiento de  Toluca,Ayuntamiento,Municipal,15,15106,Transparencia@Toluca.gob.mx\n"Secretaría de Finanzas, Edomex",Secretaría,ESTATAL,15,15001,uta@edomex.gob.mx\n`,
      catalogue,
    );
    expect(r.errors).toEqual([]);
    expect(r.rowsRead).toBe(2);
    expect(r.rows[0]).toEqual({
      line: 2,
      key: 'ayuntamiento-de-toluca|15106',
      name: 'Ayuntamiento de Toluca',
      type: 'ayuntamiento',
      level: 'municipal',
      cveEnt: '15',
      cvegeo: '15106',
      email: 'transparencia@toluca.gob.mx',
    });
    expect(r.rows[1]).toMatchObject({
      line: 3,
      name: 'Secretaría de Finanzas, Edomex',
      type: 'secretaría',
      level: 'estatal',
    });
  });

  it('accepts Spanish headers, semicolons, CRLF, a BOM, an explicit key and accents in the level', () => {
    const r = parseUniverseCsv(
      '\uFEFFNombre;Tipo;Nivel;CVE_ENT;CVEGEO;Correo;Clave\r\nINFOEM;Órgano;Autónomo;15;15106;a@b.mx;X-1\r\n',
      catalogue,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ key: 'X-1', level: 'autonomo', email: 'a@b.mx' });
  });

  it('restores leading zeros dropped by spreadsheets', () => {
    const r = parseUniverseCsv(`${HEADER}\nAlcaldía,alcaldía,municipal,9,9002,a@b.mx\n`, catalogue);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ cveEnt: '09', cvegeo: '09002' });
  });

  it('reports every bad row with its line and column, and returns no rows', () => {
    const csv = [
      HEADER,
      'Bien,ayuntamiento,municipal,15,15106,ok@x.mx', // 2 ok
      'Desconocido,ayuntamiento,municipal,15,15999,a@x.mx', // 3 unknown cvegeo
      'Cruzado,ayuntamiento,municipal,15,09002,a@x.mx', // 4 cvegeo of another state
      'Nivel,ayuntamiento,galáctico,15,15106,a@x.mx', // 5 bad level
      'Correo,ayuntamiento,municipal,15,15001,no-es-correo', // 6 bad email
      ',ayuntamiento,municipal,15,15001,b@x.mx', // 7 missing name
      'Entidad,ayuntamiento,municipal,99,15001,c@x.mx', // 8 unknown state
      'Corta,ayuntamiento', // 9 field count
      'Bien,ayuntamiento,municipal,15,15106,ok2@x.mx', // 10 duplicate of line 2
    ].join('\n');
    const r = parseUniverseCsv(csv, catalogue);
    expect(r.rows).toEqual([]);
    expect(r.rowsRead).toBe(9);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'cvegeo', 'UNKNOWN_CVEGEO'],
      [4, 'cvegeo', 'CVEGEO_NOT_IN_STATE'],
      [5, 'level', 'INVALID_LEVEL'],
      [6, 'email', 'INVALID_EMAIL'],
      [7, 'name', 'REQUIRED'],
      [8, 'cve_ent', 'UNKNOWN_CVE_ENT'],
      [9, null, 'FIELD_COUNT'],
      [10, 'name', 'DUPLICATE_KEY'],
    ]);
    expect(r.errors[1].message.en).toBe("Municipality '09002' belongs to state 09, not 15.");
    expect(r.errors[7].message.es).toContain('línea 2');
    expect(r.errorCount).toBe(8);
  });

  it('reports the starting line of a record with a quoted newline', () => {
    const r = parseUniverseCsv(
      `${HEADER}\n"Dos\nlíneas",t,municipal,15,15106,a@b.mx\nMala,t,municipal,15,15106,bad\n`,
      catalogue,
    );
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[4, 'INVALID_EMAIL']]);
  });

  it('reports header problems once and skips row checks when a required column is missing', () => {
    const r = parseUniverseCsv(
      'name,type,level,cve_ent,email,extra\nA,t,municipal,15,a@b.mx,x\nB,t,municipal,15,b@b.mx,y\n',
      catalogue,
    );
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, 'extra', 'UNKNOWN_COLUMN'],
      [1, 'cvegeo', 'MISSING_COLUMN'],
    ]);
  });

  it('refuses empty files, header-only files and malformed CSV', () => {
    expect(parseUniverseCsv('  \n', catalogue).errors[0].code).toBe('EMPTY_FILE');
    expect(parseUniverseCsv(`${HEADER}\n`, catalogue).errors[0]).toMatchObject({ line: 2, code: 'NO_ROWS' });
    const bad = parseUniverseCsv(`${HEADER}\n"sin cerrar,t,municipal,15,15106,a@b.mx\n`, catalogue);
    expect(bad.errors[0].code).toBe('MALFORMED_CSV');
  });

  it('tolerates trailing empty cells and blank lines', () => {
    const r = parseUniverseCsv(`${HEADER}\n\nA,t,municipal,15,15106,a@b.mx,,\n,,,,,\n`, catalogue);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].line).toBe(3);
  });

  it('caps the listed errors but counts them all', () => {
    const lines = [HEADER];
    for (let i = 0; i < UNIVERSE_LIMITS.maxErrors + 10; i++) lines.push(`N${i},t,municipal,15,15106,bad`);
    const r = parseUniverseCsv(lines.join('\n'), catalogue);
    expect(r.errors).toHaveLength(UNIVERSE_LIMITS.maxErrors);
    expect(r.errorCount).toBe(UNIVERSE_LIMITS.maxErrors + 10);
  });
});

describe('keys and delimiters', () => {
  it('derives a stable key from name and cvegeo', () => {
    expect(slugify('  Secretaría de Educación Pública ')).toBe('secretaria-de-educacion-publica');
    expect(defaultKey('H. Ayuntamiento de Toluca', '15106')).toBe('h-ayuntamiento-de-toluca|15106');
    expect(defaultKey('x'.repeat(400), '15106').length).toBeLessThanOrEqual(UNIVERSE_LIMITS.keyMax);
  });

  it('detects the separator outside quotes', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
  });
});
