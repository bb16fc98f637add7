// Resolvers of facts and passages: Edge (attributes, evidence with the cited words, its end entities) and
// PassageHit (the facts a passage states). Everything goes through the request's loaders, so the evidence
// and ends of all the edges of an answer cost one statement.
import { NotFoundError } from '../../../infra/errors.ts';
import { attributesOf, type EntityRow } from '../../../read/rows.ts';
import type { EdgeResolvers, PassageHitResolvers } from '../generated/resolvers.ts';
import type { Loaders } from '../loaders.ts';

async function endEntity(loaders: Loaders, id: string): Promise<EntityRow> {
  const entity = await loaders.entity(id);
  // A fact always joins two entities; only a graph reloaded mid-request could lose one.
  if (!entity) throw new NotFoundError(`The entity ${id} of this relation is no longer in the graph; retry.`);
  return entity;
}

export const Edge: EdgeResolvers = {
  attributes: (edge) => attributesOf({ ...edge.properties, status: edge.status }),
  evidence: async (edge, _args, { loaders }) => {
    const passages = await loaders.passages(edge.evidence);
    return passages.flatMap((passage, i) => (passage ? [{ ...passage, quote: edge.quotes[i] ?? null }] : []));
  },
  sourceEntity: (edge, _args, { loaders }) => endEntity(loaders, edge.source),
  targetEntity: (edge, _args, { loaders }) => endEntity(loaders, edge.target),
};

export const PassageHit: PassageHitResolvers = {
  edges: (hit, _args, { loaders }) => loaders.factsByPassage(hit.passage.id),
};
