// Cypher fragments shared by the reading queries. Only relationship types of src/data/model.ts and
// constant variable names reach the text; everything that comes from a client travels as a parameter.
import { TAIWAN_SIDE_LEVEL, TAIWAN_SIDE_STEPS } from '../data/derived.ts';
import { RELATION_TYPES } from '../data/model.ts';
import { knownAsOf } from './time.ts';

/**
 * Every fact type, `LOCATED_IN|PART_OF|…`, from RELATION_TYPES. A pattern typed with it steps over facts
 * only (never evidence, passage order or the loader's derived structures), and Neo4j answers its degree
 * from the node's relationship counts instead of reading the relationships.
 */
export const FACT_TYPES = RELATION_TYPES.join('|');

/**
 * The number of facts of the entity `n`, both directions: its relationships less its evidence links, for a
 * Document the passages linked to it, and the status steps and research record of data/later that point
 * to it (the only relationships of an entity that are not facts; docs/graph-model.md). Each term is a count
 * lookup (`getDegree`), which Neo4j answers from the node's relationship counts once it has many, so a hub
 * with 50,000 facts costs what a leaf costs; `COUNT { (n)--(:Entity) }` read every relationship and its
 * other end.
 */
export const degreeOf = (n: string) =>
  /* Cypher */ `(COUNT { (${n})--() } - COUNT { (${n})-[:EVIDENCED_BY]->() } - COUNT { (${n})<-[:IN_DOCUMENT]-() } - COUNT { (${n})<-[:STEP_OF|RESEARCH_OF]-() })`;

/**
 * The chains named by `ids`, a list of chain ids in chain order (repeats allowed, adjacent ones read once),
 * each as ChainRow's fields. A statement whose rows belong to chains (gaps, links) lists its chains once
 * with this and names each row's chain by id: a chain's name lists up to 20 ends each way (1.5 kB at 1M
 * facts), and repeating it on each of 1,500 links was half of a 5 MB answer. Its variables are named so as
 * not to meet the caller's.
 */
export const chainsOf = (ids: string) =>
  /* Cypher */ `COLLECT { UNWIND [chainAt IN range(0, size(${ids}) - 1) WHERE chainAt = 0 OR ${ids}[chainAt] <> ${ids}[chainAt - 1] | ${ids}[chainAt]] AS chainId MATCH (chainNode:Chain {id: chainId}) RETURN chainNode { .id, .name, .nameEn, .productCount } AS chain }`;

/** The filter on a fact `r` by the `$relationTypes` and `$statuses` parameters (null: no filter). */
export const factFilter = (r: string) =>
  /* Cypher */ `($relationTypes IS NULL OR type(${r}) IN $relationTypes) AND ($statuses IS NULL OR ${r}.status IN $statuses)`;

/**
 * The entities on the Taiwan side (src/data/derived.ts: within TAIWAN_SIDE_STEPS LOCATED_IN / PART_OF steps
 * of a TAIWAN_SIDE_LEVEL Region, the place itself included), as a list, through the facts `known` lets
 * through (a filter on the step variable; every fact when absent). Found once per query, by a breadth-first
 * search down from each such place that reaches each entity once; asking per entity (`EXISTS` up six
 * steps) enumerates its paths, which in a dense hierarchy of a million facts ran past the timeout. A query
 * binds it once and tests `e IN list`, which Neo4j answers from a set it builds on first use. Its
 * variables are named so as not to meet the caller's.
 */
export const taiwanSideList = (known?: (r: string) => string) =>
  /* Cypher */ `COLLECT { MATCH (taiwanPlace:Region {level: '${TAIWAN_SIDE_LEVEL}'}) MATCH ANY SHORTEST (taiwanPlace)(()<-[sideStep:LOCATED_IN|PART_OF]-(:Entity)${known ? ` WHERE ${known('sideStep')}` : ''}){0,${TAIWAN_SIDE_STEPS}}(sideEntity:Entity) RETURN DISTINCT sideEntity }`;

/**
 * The way up from the entity `e` to what it belongs to, as policyReach's walk steps: one first step (it lies
 * in, is part of, is in the sector of, focuses on or anchors something, or a park hosts it), then up the
 * hierarchy only (PART_OF, LOCATED_IN), four steps in all, every fact known on `$asOf`. A quantified path
 * pattern for a shortest-path search; the caller writes the end node after it.
 */
export const belongsWayFrom = (e: string) =>
  /* Cypher */ `(${e})((x)-[m:LOCATED_IN|PART_OF|IN_SECTOR|FOCUSES_ON|ANCHORS|HOSTS]-(y:Entity) WHERE ((type(m) <> 'HOSTS' AND startNode(m) = x) OR (type(m) = 'HOSTS' AND endNode(m) = x)) AND ${knownAsOf('m')}){0,1}(:Entity)(()-[u:PART_OF|LOCATED_IN]->(:Entity) WHERE ${knownAsOf('u')}){0,3}`;

/**
 * 0 for an entity that is on the Taiwan side by its own properties (a Taiwan firm or association: `origin`
 * or `side`), else 1: the first key of an order that puts them first without a walk.
 */
export const taiwanFirstOf = (e: string) =>
  /* Cypher */ `CASE WHEN ${e}.origin = 'taiwan' OR ${e}.side = 'taiwan' THEN 0 ELSE 1 END`;

/**
 * Whether the firm `e` is Taiwan-invested by the facts known on `$asOf` (every fact when null): an enterprise
 * by its origin, a project when it has owners known then and all of them are Taiwan's, as src/data/derived.ts
 * decides at load time. True or false, never null.
 */
export const taiwanInvestedOf = (e: string) =>
  /* Cypher */ `CASE WHEN ${e}:Enterprise THEN coalesce(${e}.origin, 'unknown') = 'taiwan' WHEN ${e}:Project THEN EXISTS { MATCH (:Enterprise)-[investedOwns:OWNS]->(${e}) WHERE ${knownAsOf('investedOwns')} } AND NOT EXISTS { MATCH (investedOwner:Enterprise)-[investedOwns:OWNS]->(${e}) WHERE ${knownAsOf('investedOwns')} AND coalesce(investedOwner.origin, 'unknown') <> 'taiwan' } ELSE false END`;

/**
 * Whether the entity `e` is on the Taiwan side, given `taiwanSide` (taiwanSideList, bound by the query): it
 * says so itself (`side`), lies in a Taiwan-side place, or is a Taiwan firm or association seated nowhere in
 * the graph. True or false, never null (a missing `side` or `origin` is not Taiwan).
 */
export const taiwanPartnerOf = (e: string) =>
  /* Cypher */ `coalesce(${e}.side = 'taiwan' OR ${e} IN taiwanSide OR (${e}.origin = 'taiwan' AND NOT EXISTS { (${e})-[:LOCATED_IN]->() }), false)`;

/**
 * Whether the fact `r` passes a request's filters (`$relationTypes`, `$statuses`, `$asOf`), written when the
 * query is bound: `true` when none is given. Neo4j evaluates a predicate on every relationship a search
 * steps over even when each of its terms is `$x IS NULL OR …`; in a shortest-path search from a hub of a
 * million facts that was a third of the time.
 */
export function factsAskedFilter(r: string, params: Readonly<Record<string, unknown>>): string {
  const asked = ['relationTypes', 'statuses', 'asOf'].some((name) => params[name] != null);
  return asked ? `(${factFilter(r)} AND ${knownAsOf(r)})` : 'true';
}
