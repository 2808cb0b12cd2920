// The architecture, enforced (the layers and the rules are scripts/import-graph.ts's): every import follows the
// layers, and no import cycle runs between folders.
import { describe, expect, it } from 'vitest';
import { entryPoints, folderCycles, importEdges, LAYERS, layerViolations, reachable, sourceFiles, topOf } from './import-graph.ts';

describe('the import graph', () => {
  const files = Object.keys(LAYERS).flatMap((dir) => (dir === 'docs' ? sourceFiles('docs/src') : sourceFiles(dir)));
  const edges = importEdges(files);

  it('reads the imports of every layer', () => {
    for (const layer of Object.keys(LAYERS))
      expect(
        edges.some((e) => topOf(e.from) === layer),
        layer,
      ).toBe(true);
  });

  it('follows the layers: the judge and the reference never import each other, protocol imports neither', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const loaded = reachable(edges, entryPoints());
    expect(loaded.size).toBeGreaterThan(100);
    expect(folderCycles(edges.filter((e) => loaded.has(e.from)))).toEqual([]);
  });

  it('would see a forbidden import and a cycle', () => {
    expect(layerViolations([{ from: 'conformance/coverage.ts', to: 'mocks/faults/index.ts' }])).toEqual([
      'conformance/coverage.ts imports mocks/faults/index.ts',
    ]);
    expect(layerViolations([{ from: 'protocol/keys.ts', to: 'conformance/harness/check.ts' }])).toHaveLength(1);
    expect(layerViolations([{ from: 'verify/coverage.ts', to: 'mocks/faults/index.ts' }])).toEqual([]);
    expect(
      folderCycles([
        { from: 'mocks/core/mock.ts', to: 'mocks/faults/index.ts' },
        { from: 'mocks/faults/shipping.ts', to: 'mocks/core/operations/shipments.ts' },
        { from: 'mocks/core/operations/shipments.ts', to: 'mocks/core/mock.ts' },
      ]),
    ).toEqual([['mocks/core', 'mocks/faults']]);
    expect(
      folderCycles([
        { from: 'docs/src/build.ts', to: 'docs/src/pages/api.ts' },
        { from: 'docs/src/pages/api.ts', to: 'docs/src/html.ts' },
      ]),
    ).toEqual([]);
  });
});
