// The architecture, enforced: which top-level folder may import which, and no import cycle between folders.
//
//   schemas/ ← spec/                      the standard (spec reads the schemas, never the reverse)
//   protocol/                             signatures, webhooks, digests, keys, demo credentials: only the standard
//   conformance/ (the judge)  mocks/ (the reference)   each on protocol and the standard, never on each other
//   verify/                               the suite's self-verification: may use the judge and the reference
//   cli/                                  every subcommand: may use all of the above
//   scripts/ docs/src/ bench/             tools: may use anything, and nothing above uses them
//
// Imports are read by the TypeScript compiler's own pre-processor (static, dynamic and type-only imports and
// re-exports alike). The layer rule holds for every file, tests and their helpers too. The cycle rule is about the
// modules a program loads: those reachable from an entry point (the package's exports, the bin, scripts, bench),
// grouped into components — a layer's own files, and each folder directly below it (`mocks/core`, `mocks/faults`,
// `conformance/harness` …). Sub-folders of a component belong to it (docs/decisions/0008-layers.md).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');

/** Top-level folder → the top-level folders it may import (besides itself). */
export const LAYERS: Record<string, readonly string[]> = {
  schemas: [],
  spec: ['schemas'],
  protocol: ['schemas', 'spec'],
  conformance: ['protocol', 'spec', 'schemas'],
  mocks: ['protocol', 'spec', 'schemas'],
  monitor: ['conformance', 'protocol', 'spec', 'schemas'],
  verify: ['monitor', 'conformance', 'mocks', 'protocol', 'spec', 'schemas'],
  cli: ['verify', 'monitor', 'conformance', 'mocks', 'protocol', 'spec', 'schemas'],
  scripts: ['*'],
  docs: ['*'],
  bench: ['*'],
};

interface Edge {
  from: string;
  to: string;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every relative import of every source file, resolved to a repository path. */
export function importEdges(files: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      edges.push({ from, to: normalize(join(dirname(from), fileName)) });
    }
  }
  return edges;
}

export const topOf = (path: string): string => path.split('/')[0]!;
/** `mocks/core/push/dispatcher.ts` → `mocks/core`; `mocks/index.ts` → `mocks`. */
export const componentOf = (path: string): string => {
  const parts = path.split('/');
  return parts.length >= 3 ? `${parts[0]}/${parts[1]}` : parts[0]!;
};

/** The modules reachable from `entries` along `edges`. */
export function reachable(edges: readonly Edge[], entries: readonly string[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(next.get(file) ?? []));
  }
  return seen;
}

/** What a program starts from: the package's exports and bin, the npm scripts' files, the benchmarks. */
export function entryPoints(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string>; bin: Record<string, string> };
  const exported = Object.values(pkg.exports).filter((p) => /\.(ts|js)$/.test(p));
  const bin = Object.values(pkg.bin);
  const tools = [...sourceFiles('scripts'), ...sourceFiles('bench')].filter((f) => !f.endsWith('.test.ts'));
  return [...exported, ...bin, ...tools].map((p) => normalize(p));
}

export function layerViolations(edges: readonly Edge[]): string[] {
  return edges
    .filter(({ from, to }) => {
      const a = topOf(from);
      const b = topOf(to);
      const allowed = LAYERS[a];
      return a !== b && allowed !== undefined && !allowed.includes('*') && !allowed.includes(b);
    })
    .map(({ from, to }) => `${from} imports ${to}`);
}

/** Strongly connected components of more than one component in the component graph (Tarjan). */
export function folderCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = componentOf(from);
    const b = componentOf(to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return components;
}
