// Resolvers of the root Query type: each checks its arguments (bounds from ../limits.ts, errors that name
// the argument and the limit), calls one data-access function of src/read, remembers the entities it
// returned for the request's loaders, and returns.
import { BadInputError, NotFoundError, requireEntity } from '../../../infra/errors.ts';
import { readChainGaps } from '../../../read/chainGaps.ts';
import { readEntityPage } from '../../../read/entities.ts';
import { readGapPartners } from '../../../read/gapPartners.ts';
import { readImpact } from '../../../read/impact.ts';
import { readPartnerRoles } from '../../../read/partnerRoles.ts';
import { readSinglePoints } from '../../../read/singlePoints.ts';
import { readNeighborhood } from '../../../read/neighborhood.ts';
import { readPassageContext } from '../../../read/passages.ts';
import { readPaths } from '../../../read/paths.ts';
import { readPolicyReach } from '../../../read/policyReach.ts';
import type { EntityRow } from '../../../read/rows.ts';
import { searchEntities, searchPassages } from '../../../read/search.ts';
import { readGraphStats } from '../../../read/stats.ts';
import { readScorecard } from '../../../read/scorecard.ts';
import { readSupplyChain } from '../../../read/supplyChain.ts';
import { asOfArgument } from '../../../read/time.ts';
import { readTimeline } from '../../../read/timeline.ts';
import { decodeCursor, entityConnection } from '../connections.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { filterArgument, idArgument, intArgument, LIMITS, spendWalk, textArgument } from '../limits.ts';
import { reportCut } from '../context.ts';
import { largestFirst, selects, selectsWithin } from '../selection.ts';

const quoted = (ids: readonly string[]) => ids.map((id) => JSON.stringify(id)).join(', ');

export const Query: QueryResolvers = {
  search: async (_parent, args, { db, loaders }) => {
    const hits = await searchEntities(db, {
      text: textArgument('query', args.query),
      types: filterArgument(args.types),
      first: intArgument('first', args.first, 0, LIMITS.searchFirst),
    });
    loaders.remember(hits.map((hit) => hit.entity));
    return hits;
  },

  entity: (_parent, args, { loaders }) => loaders.entity(idArgument('id', args.id)),

  entities: async (_parent, args, { db, loaders }) => {
    const first = intArgument('first', args.first, 0, LIMITS.entitiesFirst);
    const afterId = decodeCursor('entity', args.after);
    const page = await readEntityPage(db, { types: filterArgument(args.types), first, afterId });
    loaders.remember(page.entities);
    return entityConnection(page, afterId);
  },

  neighborhood: async (_parent, args, { db, loaders, returned }) => {
    spendWalk(returned, 'neighborhood');
    if (args.ids.length === 0) throw new BadInputError('ids: give at least one entity id.');
    if (args.ids.length > LIMITS.neighborhoodIds) {
      throw new BadInputError(
        `ids: ${args.ids.length} ids is above the maximum of ${LIMITS.neighborhoodIds}; ask for at most ${LIMITS.neighborhoodIds}.`,
      );
    }
    const ids = [...new Set(args.ids.map((id) => idArgument('ids', id)))];
    const limit = intArgument('limit', args.limit, 1, LIMITS.neighborhoodLimit);
    const result = await readNeighborhood(db, {
      ids,
      depth: intArgument('depth', args.depth, 0, LIMITS.neighborhoodDepth),
      relationTypes: filterArgument(args.relationTypes),
      statuses: filterArgument(args.statuses),
      limit,
      edgeLimit: limit * LIMITS.neighborhoodEdgesPerNode,
      asOf: asOfArgument('asOf', args.asOf),
    });
    if (result.missing.length > 0) {
      throw new NotFoundError(`ids: there is no entity with id ${quoted(result.missing)}.`);
    }
    loaders.remember(result.nodes);
    return result;
  },

  paths: async (_parent, args, { db, loaders, returned, truncated, language }, info) => {
    spendWalk(returned, 'paths');
    const from = idArgument('from', args.from);
    const to = idArgument('to', args.to);
    if (from === to) throw new BadInputError(`from and to are the same entity (${JSON.stringify(from)}).`);
    const result = await readPaths(db, {
      from,
      to,
      maxHops: intArgument('maxHops', args.maxHops, 1, LIMITS.pathsMaxHops),
      first: intArgument('first', args.first, 1, LIMITS.pathsFirst),
      relationTypes: filterArgument(args.relationTypes),
      statuses: filterArgument(args.statuses),
      asOf: asOfArgument('asOf', args.asOf),
    });
    requireEntity('from', from, result.fromType);
    requireEntity('to', to, result.toType);
    reportCut({ truncated, language }, String(info.path.key), result.truncation);
    for (const path of result.paths) loaders.remember(path.nodes);
    return result.paths;
  },

  supplyChain: async (_parent, args, { db, loaders, returned }) => {
    spendWalk(returned, 'supplyChain');
    const product = idArgument('product', args.product);
    const result = await readSupplyChain(db, {
      product,
      direction: args.direction,
      depth: intArgument('depth', args.depth, 1, LIMITS.supplyChainDepth),
      statuses: filterArgument(args.statuses),
      limit: intArgument('limit', args.limit, 1, LIMITS.supplyChainLimit),
      asOf: asOfArgument('asOf', args.asOf),
    });
    requireEntity('product', product, result.productType, 'Product');
    loaders.remember(result.nodes);
    return result;
  },

  passages: async (_parent, args, { db, loaders }, info) => {
    const hits = await searchPassages(db, {
      text: textArgument('query', args.query),
      first: intArgument('first', args.first, 0, LIMITS.passagesFirst),
      // as many of each passage's entities as the request lists (PassageHit.entities(first) checks the range)
      entities: largestFirst(info, 'entities'),
    });
    loaders.remember(hits.flatMap((hit) => hit.entities));
    return hits;
  },

  chainGaps: async (_parent, args, { db, loaders, returned, truncated, language }, info) => {
    spendWalk(returned, 'chainGaps');
    const sector = args.sector == null ? null : idArgument('sector', args.sector);
    const product = args.product == null ? null : idArgument('product', args.product);
    const result = await readChainGaps(db, {
      sector,
      product,
      first: intArgument('first', args.first, 0, LIMITS.analysisFirst),
      asOf: asOfArgument('asOf', args.asOf),
      // read only the lists the request selects, as far as it asks (ChainGap's resolvers cut them)
      neighbours: Math.min(
        LIMITS.chainListFirst,
        Math.max(largestFirst(info, 'upstream'), largestFirst(info, 'downstream')),
      ),
      evidence: selects(info, 'evidence'),
      readPassages: false, // ChainGap.evidence reads them with the request's other passages, in one statement
    });
    if (sector !== null) requireEntity('sector', sector, result.sectorType, 'Sector');
    if (product !== null) requireEntity('product', product, result.productType, 'Product');
    reportCut({ truncated, language }, String(info.path.key), result.truncation);
    loaders.remember(
      result.gaps.flatMap((gap): EntityRow[] => [
        gap.link,
        ...gap.upstream,
        ...gap.downstream,
        ...gap.coverage.map((c) => c.entity),
      ]),
    );
    return result.gaps;
  },

  policyReach: async (_parent, args, { db, loaders, returned }) => {
    spendWalk(returned, 'policyReach');
    const entity = idArgument('entity', args.entity);
    const result = await readPolicyReach(db, {
      entity,
      first: intArgument('first', args.first, 0, LIMITS.analysisFirst),
      asOf: asOfArgument('asOf', args.asOf),
    });
    requireEntity('entity', entity, result.entityType);
    loaders.remember(result.reaches.flatMap((reach) => reach.path.nodes));
    return result.reaches;
  },

  impact: async (_parent, args, { db, loaders, returned }) => {
    spendWalk(returned, 'impact');
    if (args.entities.length === 0) throw new BadInputError('entities: give at least one entity id.');
    if (args.entities.length > LIMITS.impactEntities) {
      throw new BadInputError(
        `entities: ${args.entities.length} ids is above the maximum of ${LIMITS.impactEntities}; ask for at most ${LIMITS.impactEntities}.`,
      );
    }
    const entities = [...new Set(args.entities.map((id) => idArgument('entities', id)))];
    const result = await readImpact(db, {
      entities,
      first: intArgument('first', args.first, 0, LIMITS.analysisFirst),
    });
    if (result.missing.length > 0) {
      throw new NotFoundError(`entities: there is no entity with id ${quoted(result.missing)}.`);
    }
    loaders.remember([
      ...result.failing,
      ...result.failedWith.flatMap((f) => f.path.nodes),
      ...result.consequences.flatMap((c) => c.paths.flatMap((p) => p.nodes)),
    ]);
    return result;
  },

  singlePoints: async (_parent, args, { db, loaders, returned }, info) => {
    spendWalk(returned, 'singlePoints');
    const product = args.product == null ? null : idArgument('product', args.product);
    const result = await readSinglePoints(db, {
      product,
      first: intArgument('first', args.first, 0, LIMITS.analysisFirst),
      // the makers, facts and passages behind paths, a link's explanation and evidence, only when asked
      details:
        selectsWithin(info, 'links', ['paths', 'explanation', 'evidence']) ||
        selectsWithin(info, 'ranking', ['paths', 'evidence']),
    });
    if (product !== null) requireEntity('product', product, result.productType, 'Product');
    loaders.remember(result.links.flatMap((l) => [l.link, ...l.points]));
    return result;
  },

  gapPartners: async (_parent, args, { db, loaders, returned }, info) => {
    spendWalk(returned, 'gapPartners');
    const sector = args.sector == null ? null : idArgument('sector', args.sector);
    const product = args.product == null ? null : idArgument('product', args.product);
    const result = await readGapPartners(db, {
      sector,
      product,
      first: intArgument('first', args.first, 0, LIMITS.analysisFirst),
      partners: intArgument('partners', args.partners, 0, LIMITS.partnersFirst),
      // the facts and passages of the reasons, only when a path, an explanation or evidence is asked for
      details:
        selectsWithin(info, 'partners', ['explanation', 'evidence']) ||
        selectsWithin(info, 'partners.reasons', ['path']),
    });
    if (sector !== null) requireEntity('sector', sector, result.sectorType, 'Sector');
    if (product !== null) requireEntity('product', product, result.productType, 'Product');
    loaders.remember(result.gaps.flatMap((g) => [g.link, ...g.partners.map((p) => p.entity)]));
    return result.gaps;
  },

  partnerRoles: async (_parent, args, { db, loaders, returned }) => {
    spendWalk(returned, 'partnerRoles');
    const result = await readPartnerRoles(db, {
      first: intArgument('first', args.first, 0, LIMITS.rolesFirst),
    });
    loaders.remember(result.roles.map((r) => r.entity));
    return result;
  },

  timeline: async (_parent, args, { db, loaders }) => {
    const entity = idArgument('entity', args.entity);
    const result = await readTimeline(db, {
      entity,
      asOf: asOfArgument('asOf', args.asOf),
      first: intArgument('first', args.first, 1, LIMITS.timelineFirst),
    });
    requireEntity('entity', entity, result.entityType);
    if (!result.timeline)
      throw new NotFoundError(`entity: there is no entity with id ${JSON.stringify(entity)}.`);
    loaders.remember([result.timeline.entity]);
    return result.timeline;
  },

  scorecard: async (_parent, args, { db, loaders, returned }) => {
    spendWalk(returned, 'scorecard');
    const scope = idArgument('scope', args.scope);
    const result = await readScorecard(db, {
      scope,
      asOf: asOfArgument('asOf', args.asOf),
      first: intArgument('first', args.first, 0, LIMITS.analysisFirst),
    });
    requireEntity('scope', scope, result.scopeType, ['Park', 'Sector']);
    loaders.remember(result.scorecard.members.map((member) => member.entity));
    return result.scorecard;
  },

  stats: (_parent, _args, { db }) => readGraphStats(db),

  relation: (_parent, args, { loaders }) => loaders.relation(idArgument('id', args.id)),

  passage: async (_parent, args, { loaders }) => {
    const [passage] = await loaders.passages([idArgument('id', args.id)]);
    return passage ?? null;
  },

  passageContext: (_parent, args, { db }) =>
    readPassageContext(
      db,
      idArgument('id', args.id),
      intArgument('before', args.before, 0, LIMITS.passageContext),
      intArgument('after', args.after, 0, LIMITS.passageContext),
    ),

  limits: () => LIMITS,
};
