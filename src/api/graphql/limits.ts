// The maxima of the API, in one place: the argument bounds every resolver checks (exceeding one is a
// BAD_USER_INPUT error that names the maximum, never a silent cut) and the document limits of
// graphql-armor and the HTTP layer. schema.graphql's header and the README list the same figures;
// tests/unit/graphql-schema.test.ts keeps them in step.
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { isEntityType } from '../../data/model.ts';
import { BadInputError } from '../../infra/errors.ts';
import { normaliseSearchText } from '../../read/fulltext.ts';
import { CHAIN_AS_OF_VISITS, IMPACT_VISITS, PATH_FACTS, WALK_VISITS } from '../../read/truncation.ts';
import { PASSAGE_FACTS } from '../../data/derived.ts';

export const LIMITS = Object.freeze({
  searchFirst: 100,
  passagesFirst: 100,
  /** entities and facts of one passage (PassageHit.entities, PassageHit.edges): the facts the loader stores */
  passageListFirst: PASSAGE_FACTS,
  /** characters of a search text */
  queryLength: 200,
  entitiesFirst: 1000,
  relationsFirst: 500,
  neighborhoodIds: 100,
  neighborhoodDepth: 3,
  neighborhoodLimit: 5000,
  /** edges of a neighborhood, as a multiple of its node limit */
  neighborhoodEdgesPerNode: 4,
  pathsMaxHops: 6,
  pathsFirst: 10,
  supplyChainDepth: 10,
  supplyChainLimit: 5000,
  /** entities one walk visits at most, however many are within reach (src/read/truncation.ts) */
  walkVisits: WALK_VISITS,
  /** facts each side of a paths search reads at most (src/read/paths.ts) */
  pathFacts: PATH_FACTS,
  chainAsOfVisits: CHAIN_AS_OF_VISITS,
  impactVisits: IMPACT_VISITS,
  /** chainGaps, policyReach and scorecard; impact's consequences, singlePoints' ranking, gapPartners' gaps */
  analysisFirst: 500,
  /** entities that fail in one impact request */
  impactEntities: 100,
  /** partners of each gap (gapPartners) */
  partnersFirst: 100,
  /** roles and bridges of partnerRoles */
  rolesFirst: 1000,
  /** products of a chain, and the products, covers of a gap (Chain.products, ChainGap.upstream …) */
  chainListFirst: 1000,
  /** later steps of a timeline */
  timelineFirst: 500,
  passageContext: 50,
  /** characters of an id argument */
  idLength: 300,
  /** graphql-armor: the explorer's deepest query (relations of relations, with evidence) is 10 levels */
  queryDepth: 12,
  /**
   * graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, multiplied by a literal `first` (not by a
   * variable, which is why relationsPerRequest exists). The explorer's entity details with 50 relations
   * and their evidence cost about 7,700; a search of 100 hits with 5 relations each about 124,000.
   */
  queryCost: 50_000,
  /** relation edges in all the `relations` pages of one request: bounds relations of relations */
  relationsPerRequest: 10_000,
  /**
   * graph walks (neighborhood, paths, supplyChain, chainGaps, policyReach, scorecard, impact, singlePoints,
   * gapPartners, partnerRoles) in one request: each is one
   * statement over up to thousands of nodes, so thirty aliased walks of a hub would hold a Neo4j thread
   * for seconds; the explorer asks for at most two at once
   */
  walksPerRequest: 5,
  aliases: 30,
  directives: 20,
  tokens: 3000,
  /** HTTP request body */
  bodyBytes: 100_000,
});

/**
 * `value` within [min, max]; BAD_USER_INPUT naming the bound otherwise. There is no fallback: an argument
 * with a default is non-null in schema.graphql, so GraphQL fills the default in and it is written once.
 */
export function intArgument(name: string, n: number, min: number, max: number): number {
  if (n > max)
    throw new BadInputError(`${name}: ${n} is above the maximum of ${max}; ask for at most ${max}.`);
  if (n < min) throw new BadInputError(`${name}: ${n} is below the minimum of ${min}.`);
  return n;
}

/** A search text: 1 to LIMITS.queryLength characters, not only whitespace. */
export function textArgument(name: string, value: string): string {
  const length = [...value].length;
  if (length > LIMITS.queryLength) {
    throw new BadInputError(
      `${name}: ${length} characters is above the maximum of ${LIMITS.queryLength}; shorten the text.`,
    );
  }
  // judged as searched: control characters count as spaces (normaliseSearchText), so "\u0000\u0001" is empty
  if (normaliseSearchText(value) === '')
    throw new BadInputError(`${name}: the text is empty; type something to search for.`);
  return value;
}

/** An id: non-empty and at most LIMITS.idLength characters (ids are slugs; anything longer cannot exist). */
export function idArgument(name: string, value: string): string {
  if (value.length === 0) throw new BadInputError(`${name}: the id is empty.`);
  if (value.length > LIMITS.idLength) {
    throw new BadInputError(
      `${name}: an id of ${value.length} characters is above the maximum of ${LIMITS.idLength}.`,
    );
  }
  return value;
}

/** A filter list: null or absent means no filter; an empty list matches nothing. Duplicates are dropped. */
export function filterArgument<T>(value: readonly T[] | null | undefined): readonly T[] | null {
  if (value === null || value === undefined) return null;
  return [...new Set(value)];
}

/**
 * The maximum of every bounded argument, by `Type.field` (`Entity.relations`: of every entity type).
 * Resolvers check the value they receive (variables included); argumentLimitsRule checks the literals of
 * a document before anything runs, so a literal over its maximum is refused with an error that names it
 * even when graphql-armor's cost estimate refuses the document too.
 */
export const ARGUMENT_MAXIMA: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'Query.search': { first: LIMITS.searchFirst },
  'Query.entities': { first: LIMITS.entitiesFirst },
  'Query.neighborhood': { depth: LIMITS.neighborhoodDepth, limit: LIMITS.neighborhoodLimit },
  'Query.paths': { maxHops: LIMITS.pathsMaxHops, first: LIMITS.pathsFirst },
  'Query.supplyChain': { depth: LIMITS.supplyChainDepth, limit: LIMITS.supplyChainLimit },
  'Query.passages': { first: LIMITS.passagesFirst },
  'Query.chainGaps': { first: LIMITS.analysisFirst },
  'Query.policyReach': { first: LIMITS.analysisFirst },
  'Query.impact': { first: LIMITS.analysisFirst },
  'Query.singlePoints': { first: LIMITS.analysisFirst },
  'Query.gapPartners': { first: LIMITS.analysisFirst, partners: LIMITS.partnersFirst },
  'Query.partnerRoles': { first: LIMITS.rolesFirst },
  'Query.scorecard': { first: LIMITS.analysisFirst },
  'Query.timeline': { first: LIMITS.timelineFirst },
  'Query.passageContext': { before: LIMITS.passageContext, after: LIMITS.passageContext },
  'Entity.relations': { first: LIMITS.relationsFirst },
  'PassageHit.entities': { first: LIMITS.passageListFirst },
  'PassageHit.edges': { first: LIMITS.passageListFirst },
  'Chain.products': { first: LIMITS.chainListFirst },
  'ChainGap.upstream': { first: LIMITS.chainListFirst },
  'ChainGap.downstream': { first: LIMITS.chainListFirst },
  'ChainGap.coverage': { first: LIMITS.chainListFirst },
  'ChainGap.coverageOutsideFujian': { first: LIMITS.chainListFirst },
};

export function tooLargeMessage(name: string, value: number, max: number): string {
  return `${name}: ${value} is above the maximum of ${max}; ask for at most ${max}.`;
}

/** A validation rule: integer literals above ARGUMENT_MAXIMA are BAD_USER_INPUT errors naming the maximum. */
export function argumentLimitsRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const parent = context.getParentType();
      if (!parent || !node.arguments?.length) return;
      const own = ARGUMENT_MAXIMA[`${parent.name}.${node.name.value}`];
      const shared =
        parent.name === 'Entity' || isEntityType(parent.name)
          ? ARGUMENT_MAXIMA[`Entity.${node.name.value}`]
          : undefined;
      const maxima = own ?? shared;
      if (!maxima) return;
      // Arguments of fields below Query are named with their field (relations.first), as their resolver names them.
      const label = (argument: string) =>
        parent.name === 'Query' ? argument : `${node.name.value}.${argument}`;
      for (const argument of node.arguments) {
        const max = maxima[argument.name.value];
        if (max === undefined || argument.value.kind !== 'IntValue') continue;
        const value = Number(argument.value.value);
        if (value > max) {
          context.reportError(
            new GraphQLError(tooLargeMessage(label(argument.name.value), value, max), {
              nodes: [argument],
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            }),
          );
        }
      }
    },
  };
}

/** Counts one graph walk of this request against LIMITS.walksPerRequest, refusing the one too many. */
export function spendWalk(returned: { walks: number }, field: string): void {
  returned.walks += 1;
  if (returned.walks > LIMITS.walksPerRequest) {
    throw new BadInputError(
      `${field}: this request asks for more than ${LIMITS.walksPerRequest} graph walks (neighborhood, paths, supplyChain, chainGaps, policyReach, scorecard, impact, singlePoints, gapPartners, partnerRoles); send them in several requests.`,
    );
  }
}
