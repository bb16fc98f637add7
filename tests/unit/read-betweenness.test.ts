// The betweenness partnerRoles ranks members by (src/read/betweenness.ts): exact, as graphology-metrics
// computes it, up to its number of searches; beyond, an estimate from an even spread of sources that still
// finds the members that bridge, the same way every time.
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../src/read/betweenness.ts';

const graphologyBetweenness = betweennessModule as unknown as typeof betweennessModule.default;

/** A seeded random graph: `clusters` groups of `size` members, dense inside, joined through one bridge each. */
function clusteredGraph(clusters: number, size: number): UndirectedGraph {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const graph = new UndirectedGraph();
  const id = (c: number, i: number) => `c${String(c).padStart(3, '0')}-${String(i).padStart(4, '0')}`;
  graph.addNode('bridge');
  for (let c = 0; c < clusters; c++) {
    for (let i = 0; i < size; i++) graph.addNode(id(c, i));
    for (let i = 1; i < size; i++) {
      graph.mergeEdge(id(c, i), id(c, Math.floor(random() * i)));
      graph.mergeEdge(id(c, i), id(c, Math.floor(random() * size)));
    }
    graph.mergeEdge('bridge', id(c, 0));
  }
  return graph;
}

describe('betweenness', () => {
  it('is exact, as graphology-metrics computes it, when every member can be a source', () => {
    const graph = clusteredGraph(4, 30);
    const ours = betweenness(graph, 1000);
    expect(ours).toMatchObject({ exact: true, sources: graph.order });
    // unweighted (breadth-first) searches: graphology's default reads a `weight` attribute and runs
    // Dijkstra's searches, which give slightly different figures on this graph
    const theirs = graphologyBetweenness(graph, { normalized: true, getEdgeWeight: null });
    for (const node of graph.nodes()) expect(ours.scores[node]).toBeCloseTo(theirs[node] as number, 12);
  });

  it('estimates from an even spread of sources beyond that, and finds the bridges', () => {
    const graph = clusteredGraph(8, 250);
    const estimate = betweenness(graph, 64);
    expect(estimate).toMatchObject({ exact: false, sources: 64 });
    const exact = graphologyBetweenness(graph, { normalized: true, getEdgeWeight: null });
    const top = (scores: Record<string, number>) =>
      Object.entries(scores)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 9)
        .map(([node]) => node)
        .sort();
    // the bridge and each cluster's member on it lie between the most pairs, estimated or not
    expect(top(estimate.scores)).toEqual(top(exact));
    expect(estimate.scores.bridge).toBeGreaterThan((exact.bridge as number) * 0.8);
    expect(estimate.scores.bridge).toBeLessThan((exact.bridge as number) * 1.2);
    expect(betweenness(graph, 64).scores).toEqual(estimate.scores);
  });
});
