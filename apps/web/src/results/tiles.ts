import type { AreaValue, State } from './api';
import type { Tile } from './charts';

/**
 * A tile-grid map of Mexico: [column, row] per INEGI state code (01–32). Neighbours stay neighbours
 * where a grid allows it (after the usual newspaper tile maps); every state gets the same area, so
 * small states such as Tlaxcala or Mexico City are as visible as Chihuahua.
 */
export const MEXICO_TILES: Record<string, [number, number]> = {
  '02': [0, 0],
  '26': [1, 0],
  '08': [2, 0],
  '05': [3, 0],
  '19': [4, 0],
  '28': [5, 0],
  '03': [0, 1],
  '25': [1, 1],
  '10': [2, 1],
  '32': [3, 1],
  '24': [4, 1],
  '18': [1, 2],
  '01': [2, 2],
  '11': [3, 2],
  '22': [4, 2],
  '13': [5, 2],
  '30': [6, 2],
  '14': [1, 3],
  '16': [2, 3],
  '15': [3, 3],
  '09': [4, 3],
  '29': [5, 3],
  '21': [6, 3],
  '06': [1, 4],
  '12': [2, 4],
  '17': [3, 4],
  '20': [4, 4],
  '27': [5, 4],
  '04': [6, 4],
  '31': [7, 4],
  '07': [5, 5],
  '23': [7, 5],
};

/** Common short names (INEGI-style abbreviations). */
export const STATE_ABBR: Record<string, string> = {
  '01': 'AGS',
  '02': 'BC',
  '03': 'BCS',
  '04': 'CAM',
  '05': 'COA',
  '06': 'COL',
  '07': 'CHS',
  '08': 'CHH',
  '09': 'CDMX',
  '10': 'DGO',
  '11': 'GTO',
  '12': 'GRO',
  '13': 'HGO',
  '14': 'JAL',
  '15': 'MEX',
  '16': 'MIC',
  '17': 'MOR',
  '18': 'NAY',
  '19': 'NL',
  '20': 'OAX',
  '21': 'PUE',
  '22': 'QRO',
  '23': 'QROO',
  '24': 'SLP',
  '25': 'SIN',
  '26': 'SON',
  '27': 'TAB',
  '28': 'TAM',
  '29': 'TLAX',
  '30': 'VER',
  '31': 'YUC',
  '32': 'ZAC',
};

/**
 * One tile per state of the catalogue, with the state's value of the round when it has one. The
 * status is kept only beside an estimate: a status without a number would colour a grey tile.
 */
export function stateTiles(
  states: ReadonlyArray<Pick<State, 'cveEnt' | 'name'>>,
  values: ReadonlyArray<{ scopeKey: string; value: Pick<AreaValue, 'estimate' | 'status'> }>,
  hrefOf: (cveEnt: string) => string,
): Tile[] {
  const byState = new Map(values.map((a) => [a.scopeKey, a.value]));
  return states.map((s) => {
    const v = byState.get(s.cveEnt);
    return {
      cveEnt: s.cveEnt,
      abbr: STATE_ABBR[s.cveEnt] ?? s.cveEnt,
      name: s.name,
      estimate: v?.estimate ?? null,
      status: v && v.estimate !== null ? v.status : null,
      href: hrefOf(s.cveEnt),
    };
  });
}
