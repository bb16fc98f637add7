// Why an answer is not whole. Every walk is bounded twice: in what it returns (a node limit, an edge limit,
// a depth) and in the work it does (it stops after visiting LIMITS.walkVisits entities, however many are
// within reach). An answer cut by any of these says which, with the limit and one sentence a reader can act
// on; `truncated` is true exactly when the list is not empty.

export type TruncationReasonName = 'NODE_LIMIT' | 'EDGE_LIMIT' | 'VISIT_LIMIT' | 'DEPTH';

export interface TruncationRow {
  readonly reason: TruncationReasonName;
  /** the limit that was reached: nodes, edges, entities visited, or links of depth */
  readonly limit: number;
  readonly message: string;
}

/**
 * The most entities one walk visits (each ring of a neighborhood, each direction of a supply chain): the
 * bound on the work of a walk from a hub, whatever its limit. `limits { walkVisits }` reports it.
 */
export const WALK_VISITS = 20_000;

export function nodeLimit(limit: number): TruncationRow {
  return {
    reason: 'NODE_LIMIT',
    limit,
    message:
      `More than ${limit} entities are within reach; the ${limit} closest are shown (by distance, then id). ` +
      'Ask for a larger limit, a smaller depth or fewer relation types to see the rest.',
  };
}

export function edgeLimit(limit: number): TruncationRow {
  return {
    reason: 'EDGE_LIMIT',
    limit,
    message: `More than ${limit} facts join the entities shown; the first ${limit} by id are shown.`,
  };
}

export function visitLimit(limit: number): TruncationRow {
  return {
    reason: 'VISIT_LIMIT',
    limit,
    message:
      `The walk stopped after visiting ${limit} entities, the most one walk may visit: entities farther out ` +
      'were not looked at, and those of the farthest distance shown are the first the walk met, not the first ' +
      'by id. Start from a less connected entity, or ask for a smaller depth or fewer relation types.',
  };
}

export function depthLimit(depth: number): TruncationRow {
  return {
    reason: 'DEPTH',
    limit: depth,
    message: `The chain goes on beyond ${depth} links; ask for a larger depth to see more.`,
  };
}
