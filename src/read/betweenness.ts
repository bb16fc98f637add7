// Betweenness centrality of an undirected, unweighted graphology graph, normalised as graphology-metrics
// normalises it (÷ (n − 1)(n − 2)), from at most `sources` breadth-first searches. Brandes' algorithm runs
// one search per node, O(nodes × edges): at 20,000 partnership facts that held the server's one thread for
// 70 s. Up to `sources` nodes the answer is exact (every node is a source, as graphology does it); beyond,
// the sources are an even spread of the nodes in their order (every (n / sources)-th, so the same graph
// always gives the same answer) and each contribution is scaled by n / sources: the usual unbiased estimate
// by source sampling, whose ranking of the most-between nodes is stable long before its last digits are.
// The searches themselves are graphology-shortest-path's (indexed Brandes), not written here.
import type { UndirectedGraph } from 'graphology';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';

export interface Betweenness {
  /** node key → normalised betweenness */
  readonly scores: Record<string, number>;
  /** searches run: every node when `exact` */
  readonly sources: number;
  readonly exact: boolean;
}

export function betweenness(graph: UndirectedGraph, sources: number): Betweenness {
  const n = graph.order;
  // the index the searches number the nodes by is on the function returned (graphology's typings put it on
  // the factory)
  const brandes = createUnweightedIndexedBrandes(graph) as ReturnType<
    typeof createUnweightedIndexedBrandes
  > & {
    index: { collect(values: Float64Array): Record<string, number> };
  };
  const exact = n <= sources;
  const runs = exact ? n : sources;
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (let run = 0; run < runs; run++) {
    const source = exact ? run : Math.floor((run * n) / runs);
    const [stack, predecessors, sigma] = brandes(source);
    // the stack holds the nodes the search reached, farthest on top
    const reached = stack as unknown as { items: Uint32Array; size: number; pop(): number | undefined };
    for (let i = 0; i < reached.size; i++) delta[reached.items[i] as number] = 0;
    while (reached.size !== 0) {
      const w = reached.pop() as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (const v of predecessors[w] as number[]) {
        delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
      if (w !== source) centrality[w] = (centrality[w] as number) + (delta[w] as number);
    }
  }
  const scale = (n <= 2 ? 1 : 1 / ((n - 1) * (n - 2))) * (n / Math.max(runs, 1));
  for (let i = 0; i < n; i++) centrality[i] = (centrality[i] as number) * scale;
  return { scores: brandes.index.collect(centrality), sources: runs, exact };
}
