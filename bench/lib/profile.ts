/**
 * Reads a V8 .cpuprofile and says where the time went: self time per function and per area of the
 * code (our libs and apps, the pg driver, JSON, survey-core, garbage collection, …).
 */
import { readFileSync } from 'fs';
import { relative } from 'path';
import { ROOT } from './infra';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

function areaOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return fn;
  if (url === '') return fn === 'parse' || fn === 'stringify' ? `JSON.${fn}` : `native ${fn || '(anonymous)'}`;
  const path = url.startsWith('file://') ? url.slice(7) : url;
  const rel = relative(ROOT, path);
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  if (m) return `npm ${m[1]}`;
  const own = /^(libs\/[^/]+|apps\/[^/]+\/src\/[^/]+)/.exec(rel);
  if (own) return own[1];
  return path.startsWith('node:') ? 'node core' : rel;
}

/** Self time (ms) by area and the top functions, idle excluded. */
export function summariseProfile(
  file: string,
  top = 15,
): { totalMs: number; areas: Array<[string, number]>; functions: Array<[string, number]> } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = url ? `${relative(ROOT, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : 'native';
    const key = `${functionName || '(anonymous)'} ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>): Array<[string, number]> => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, areas: sorted(areas).slice(0, top), functions: sorted(functions).slice(0, top) };
}
