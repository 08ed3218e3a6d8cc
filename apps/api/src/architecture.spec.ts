import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';

/**
 * The API reads top-down (CONTRIBUTING.md, "Dependencies point one way"): shared infrastructure in
 * common/ imports no feature, and no feature imports, directly or through others, a feature that depends
 * on it. The graph is built at the level of the top folders of apps/api/src from relative imports of the
 * sources (specs excluded: a test may reach across layers).
 */
const SRC = __dirname;
const COMMON = 'common';

type Graph = Map<string, Map<string, Set<string>>>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top folder (or top-level file) of apps/api/src a path belongs to; undefined outside it. */
function topOf(path: string): string | undefined {
  const rel = relative(SRC, path);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
}

/** from → to → the importing files (relative to apps/api/src). */
function folderGraph(): Graph {
  const graph: Graph = new Map();
  const importPattern = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*'(\.{1,2}\/[^']*)'/g;
  for (const file of sources(SRC)) {
    const from = topOf(file);
    if (!from) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const to = topOf(resolve(dirname(file), spec));
      if (!to || to === from) continue;
      const targets = graph.get(from) ?? new Map<string, Set<string>>();
      graph.set(from, targets);
      const files = targets.get(to) ?? new Set<string>();
      targets.set(to, files);
      files.add(relative(SRC, file));
    }
  }
  return graph;
}

/** One cycle of the graph as its nodes (first = last), or undefined when the graph is acyclic. */
function findCycle(graph: Graph): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (node: string): string[] | undefined => {
    if (onPath.has(node)) return [...path.slice(path.indexOf(node)), node];
    if (done.has(node)) return undefined;
    path.push(node);
    onPath.add(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(node);
    done.add(node);
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const describeEdge = (graph: Graph, from: string, to: string): string =>
  `${from} → ${to}: ${[...(graph.get(from)?.get(to) ?? [])].sort().join(', ')}`;

describe('API layering', () => {
  const graph = folderGraph();

  it('finds the features (guards against an empty graph)', () => {
    expect(graph.get('rounds')?.has(COMMON)).toBe(true);
  });

  it('common/ imports no feature', () => {
    const upward = [...(graph.get(COMMON)?.keys() ?? [])].map((to) => describeEdge(graph, COMMON, to));
    expect(upward).toEqual([]);
  });

  it('the folder graph has no cycle', () => {
    const cycle = findCycle(graph);
    const edges = cycle?.slice(1).map((to, i) => describeEdge(graph, cycle[i], to));
    expect(edges).toBeUndefined();
  });
});
