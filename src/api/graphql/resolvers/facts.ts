// Resolvers of facts and passages: Edge (attributes, caveats in the reader's language, evidence with the cited words, its end entities) and
// PassageHit (the entities and facts a passage states, the first `first` of each). Everything goes through
// the request's loaders, so the evidence and ends of all the edges of an answer cost one statement.
import { NotFoundError } from '../../../infra/errors.ts';
import { attributesOf, type EntityRow } from '../../../read/rows.ts';
import type { CitationResolvers, EdgeResolvers, PassageHitResolvers } from '../generated/resolvers.ts';
import { intArgument, LIMITS } from '../limits.ts';
import type { Loaders } from '../loaders.ts';
import { caveatsIn } from '../context.ts';

async function endEntity(loaders: Loaders, id: string): Promise<EntityRow> {
  const entity = await loaders.entity(id);
  // A fact always joins two entities; only a graph reloaded mid-request could lose one.
  if (!entity) throw new NotFoundError(`The entity ${id} of this relation is no longer in the graph; retry.`);
  return entity;
}

export const Edge: EdgeResolvers = {
  attributes: (edge) => attributesOf({ ...edge.properties, status: edge.status }),
  caveats: (edge, args, context) => caveatsIn(edge, args.language, context),
  evidence: async (edge, _args, { loaders }) => {
    const passages = await loaders.passages(edge.evidence);
    return passages.flatMap((passage, i) => (passage ? [{ ...passage, quote: edge.quotes[i] ?? null }] : []));
  },
  provenance: (edge) => (edge.citation ? 'CITATION' : 'QUOTE'),
  sourceEntity: (edge, _args, { loaders }) => endEntity(loaders, edge.source),
  targetEntity: (edge, _args, { loaders }) => endEntity(loaders, edge.target),
};

export const PassageHit: PassageHitResolvers = {
  entities: (hit, args) =>
    hit.entities.slice(0, intArgument('entities.first', args.first, 0, LIMITS.passageListFirst)),
  edges: (hit, args, { loaders }) =>
    loaders.factsByPassage(
      hit.passage.id,
      intArgument('edges.first', args.first, 0, LIMITS.passageListFirst),
    ),
};

export const Citation: CitationResolvers = {
  source: async (citation, _args, { loaders }) => {
    const page = await loaders.source(citation.source);
    // The validator refuses a citation of a page that is not in data/later/sources.yaml.
    if (!page) throw new NotFoundError(`The page ${citation.source} is no longer in the graph; retry.`);
    return page;
  },
  seeAlso: async (citation, _args, { loaders }) =>
    (await Promise.all(citation.seeAlso.map((id) => loaders.source(id)))).filter((page) => page !== null),
};
