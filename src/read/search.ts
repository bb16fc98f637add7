// Search: entities by name, English name and alias (full-text index `entitySearch`), and the plan's own
// text (full-text index `passageSearch`), each in one statement. A single character, which the cjk
// analyzer's bigrams cannot match inside a word, is looked for by a scan of names or texts instead.
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
  const lucene = luceneQuery(normalised);
  return {
    text: normalised,
    lower: normalised.toLowerCase(),
    lucene,
    scan: lucene === null || [...normalised].length === 1,
  };
}

/**
 * Ranking: an exact name, English name or alias first, then one that starts with the text, then one that
 * contains it, then the rest; within each tier by full-text score, shorter names first. The reported
 * score is the tier plus the full-text score squashed into [0, 1), so it orders the hits as they come.
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
        WHERE node.name CONTAINS $text OR toLower(node.nameEn) CONTAINS $lower
           OR any(alias IN node.aliases WHERE toLower(alias) CONTAINS $lower)
        RETURN node, 0.0 AS score LIMIT $candidates
      }
      WITH node, max(score) AS score
      WHERE $types IS NULL OR node.type IN $types
      WITH node, score, [node.name, node.nameEn] + coalesce(node.aliases, []) AS names
      WITH node, score, names,
        CASE
          WHEN any(x IN names WHERE toLower(x) = $lower) THEN 3
          WHEN any(x IN names WHERE toLower(x) STARTS WITH $lower) THEN 2
          WHEN any(x IN names WHERE toLower(x) CONTAINS $lower) THEN 1
          ELSE 0
        END AS tier
      ORDER BY tier DESC, score DESC, size(node.name), node.id
      LIMIT $first
      RETURN ${entityProjection('node')} AS entity,
        tier + score / (score + 1.0) AS score,
        coalesce(
          head([x IN names WHERE toLower(x) = $lower]),
          head([x IN names WHERE toLower(x) STARTS WITH $lower]),
          head([x IN names WHERE toLower(x) CONTAINS $lower]),
          node.name
        ) AS matched`,
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
}

export interface PassageHitRow {
  readonly passage: PassageRow;
  readonly score: number;
  /** the entities whose evidence it is, by id (the first PASSAGE_FACTS) */
  readonly entities: EntityRow[];
  readonly entityCount: number;
  /** how many facts cite it (the loader's count, src/write/derive.ts) */
  readonly edgeCount: number;
}

/**
 * Passages by full text, best first, each with the first PASSAGE_FACTS entities whose evidence it is (by
 * id), how many there are (a count lookup), and how many facts cite it (stored by the loader).
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
        MATCH (node:Passage) WHERE node.text CONTAINS $text
        RETURN node, 0.0 AS score LIMIT $first
      }
      WITH node, max(score) AS score
      ORDER BY score DESC, node.ordinal
      LIMIT $first
      RETURN ${passageProjection('node')} AS passage, score,
        COLLECT {
          MATCH (e:Entity)-[:EVIDENCED_BY]->(node)
          WITH e ORDER BY e.id LIMIT $listed
          RETURN ${entityProjection('e')} AS entity
        } AS entities,
        COUNT { (node)<-[:EVIDENCED_BY]-() } AS entityCount,
        coalesce(node.factCount, 0) AS edgeCount`,
    params: {
      ...searchParams(request.text),
      first: cypherInteger(request.first),
      listed: cypherInteger(PASSAGE_FACTS),
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
