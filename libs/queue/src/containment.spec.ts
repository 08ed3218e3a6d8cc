import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..', '..');
const BULL_IMPORT = /from\s+'(bull|@nestjs\/bull)'|require\('(bull|@nestjs\/bull)'\)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('Bull stays behind libs/queue (docs/decisions.md §4)', () => {
  it('no file of the apps, the tests or the benchmarks imports bull or @nestjs/bull', () => {
    const offenders = ['apps', 'test', 'bench']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((f) => BULL_IMPORT.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
