// Search: entities by name, English name and alias (full-text index `entitySearch`), and the plan's own
// text (full-text index `passageSearch`), each in one statement. A single character, which the cjk
// analyzer's bigrams cannot match inside a word, is looked for by a scan of names or texts instead.
// Traditional and Simplified find each other: the loader stores every name and passage folded
// (foldForSearch: 臺塑 → 台塑, 軟體 → 软件) beside the text as written, and the query is folded the same way;
// the text as typed is searched too, so folding never loses a match.
import { foldForSearch } from '../data/language.ts';
import type { EntityType } from '../data/model.ts';
import { cypherInteger, type CypherQuery, type Reader } from '../infra/database.ts';
import { PASSAGE_FACTS } from '../data/derived.ts';
import { luceneQuery, normaliseSearchText } from './fulltext.ts';
import {
  entityProjection,
  passageProjection,
  toEntityRow,
  toPassageRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';

/** Full-text candidates considered before the type filter and the re-ranking. */
const CANDIDATES = 500;

export interface SearchRequest {
  readonly text: string;
  readonly types: readonly EntityType[] | null;
  readonly first: number;
}

export interface SearchHitRow {
  readonly entity: EntityRow;
  readonly score: number;
  readonly matched: string;
}

function searchParams(text: string) {
  const normalised = normaliseSearchText(text);
  const folded = foldForSearch(normalised);
  // Lucene ORs the clauses of the text as typed and of its folded form (the same clauses when equal).
  const lucene = [...new Set([normalised, folded])]
    .map(luceneQuery)
    .filter((q) => q !== null)
    .join(' ');
  return {
    text: normalised,
    lower: normalised.toLowerCase(),
    folded,
    lucene: lucene === '' ? null : lucene,
    scan: lucene === '' || [...normalised].length === 1,
  };
}

/**
 * Ranking: an exact name, English name or alias first, then one that starts with the text, then one that
 * contains it, then the rest (compared folded, so 臺塑 is an exact match of 台塑); within each tier by
 * full-text score, shorter names first. The reported score is the tier plus the full-text score squashed
 * into [0, 1), so it orders the hits as they come. `matched` is the name as written whose folded form
 * matched.
 */
export function searchQuery(request: SearchRequest): CypherQuery {
  return {
    cypher: /* Cypher */ `
      CALL () {
        WITH 1 AS go WHERE $lucene IS NOT NULL
        CALL db.index.fulltext.queryNodes('entitySearch', $lucene, { limit: $candidates }) YIELD node, score
        RETURN node, score
        UNION ALL
        WITH 1 AS go WHERE $scan
        MATCH (node:Entity)
        WHERE node.searchText CONTAINS $folded
           OR node.name CONTAINS $text OR toLower(node.nameEn) CONTAINS $lower
           OR any(alias IN node.aliases WHERE toLower(alias) CONTAINS $lower)
        RETURN node, 0.0 AS score LIMIT $candidates
      }
      WITH node, max(score) AS score
      WHERE $types IS NULL OR node.type IN $types
      WITH node, score, [node.name, node.nameEn] + coalesce(node.aliases, []) AS names
      // each name as written (names[i]) and folded (folded[i]); a match on either counts
      WITH node, score, names, coalesce(node.searchNames, [x IN names | toLower(x)]) AS folded
      WITH node, score, names,
        [i IN range(0, size(names) - 1) WHERE toLower(names[i]) = $lower OR folded[i] = $folded] AS exact,
        [i IN range(0, size(names) - 1)
          WHERE toLower(names[i]) STARTS WITH $lower OR folded[i] STARTS WITH $folded] AS starts,
        [i IN range(0, size(names) - 1)
          WHERE toLower(names[i]) CONTAINS $lower OR folded[i] CONTAINS $folded] AS contains
      WITH node, score, names, exact, starts, contains,
        CASE
          WHEN size(exact) > 0 THEN 3
          WHEN size(starts) > 0 THEN 2
          WHEN size(contains) > 0 THEN 1
          ELSE 0
        END AS tier
      ORDER BY tier DESC, score DESC, size(node.name), node.id
      LIMIT $first
      RETURN ${entityProjection('node')} AS entity,
        tier + score / (score + 1.0) AS score,
        coalesce(names[head(exact)], names[head(starts)], names[head(contains)], node.name) AS matched`,
    params: {
      ...searchParams(request.text),
      types: request.types,
      first: cypherInteger(request.first),
      candidates: cypherInteger(CANDIDATES),
    },
  };
}

export async function searchEntities(db: Reader, request: SearchRequest): Promise<SearchHitRow[]> {
  const rows = await db.read(searchQuery(request));
  return rows.map((row) => ({
    entity: toEntityRow(row.entity),
    score: Number(row.score),
    matched: String(row.matched),
  }));
}

export interface PassageSearchRequest {
  readonly text: string;
  readonly first: number;
  /** how many entities each hit lists, by id (PASSAGE_FACTS unless the caller wants fewer; 0: none read) */
  readonly entities?: number;
}

export interface PassageHitRow {
  readonly passage: PassageRow;
  readonly score: number;
  /** the entities whose evidence it is, by id (the first `entities` of the request) */
  readonly entities: EntityRow[];
  readonly entityCount: number;
  /** how many facts cite it (the loader's count, src/write/derive.ts) */
  readonly edgeCount: number;
}

/**
 * Passages by full text, best first, each with the first `entities` entities whose evidence it is (by id;
 * at most PASSAGE_FACTS), how many there are (a count lookup), and how many facts cite it (stored by the
 * loader).
 */
export function passageSearchQuery(request: PassageSearchRequest): CypherQuery {
  return {
    cypher: /* Cypher */ `
      CALL () {
        WITH 1 AS go WHERE $lucene IS NOT NULL
        CALL db.index.fulltext.queryNodes('passageSearch', $lucene, { limit: $first }) YIELD node, score
        RETURN node, score
        UNION ALL
        WITH 1 AS go WHERE $scan
        MATCH (node:Passage) WHERE node.text CONTAINS $text OR node.searchText CONTAINS $folded
        RETURN node, 0.0 AS score LIMIT $first
      }
      WITH node, max(score) AS score
      ORDER BY score DESC, node.ordinal
      LIMIT $first
      RETURN ${passageProjection('node')} AS passage, score,
        // (a passage of a large graph is the evidence of thousands: sorted, then cut to what is asked for)
        CASE WHEN $listed > 0 THEN COLLECT {
          MATCH (e:Entity)-[:EVIDENCED_BY]->(node)
          WITH e ORDER BY e.id LIMIT $listed
          RETURN ${entityProjection('e')} AS entity
        } ELSE [] END AS entities,
        COUNT { (node)<-[:EVIDENCED_BY]-() } AS entityCount,
        coalesce(node.factCount, 0) AS edgeCount`,
    params: {
      ...searchParams(request.text),
      first: cypherInteger(request.first),
      listed: cypherInteger(Math.min(request.entities ?? PASSAGE_FACTS, PASSAGE_FACTS)),
    },
  };
}

export async function searchPassages(db: Reader, request: PassageSearchRequest): Promise<PassageHitRow[]> {
  const rows = await db.read(passageSearchQuery(request));
  return rows.map((row) => ({
    passage: toPassageRow(row.passage),
    score: Number(row.score),
    entities: ((row.entities ?? []) as unknown[]).map(toEntityRow),
    entityCount: Number(row.entityCount ?? 0),
    edgeCount: Number(row.edgeCount ?? 0),
  }));
}
