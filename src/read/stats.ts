// Size and provenance of the loaded graph, in one statement.
import { ENTITY_TYPES, RELATION_TYPES } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';

export interface TypeCount {
  type: string;
  count: number;
}

export interface GraphStats {
  entities: number;
  relations: number;
  passages: number;
  /** pages read later (data/later) */
  sources: number;
  /** status steps and undated facts of data/later */
  statusSteps: number;
  byType: TypeCount[];
  byRelation: TypeCount[];
  loadedAt: string | null;
  dataHash: string | null;
}

/**
 * Every figure comes from Neo4j's counts store (a count of a label, or of a relationship type from an
 * `:Entity`, is one lookup), so stats cost the same for the plan and for a million facts. Labels and types
 * come from src/data/model.ts (in name order, as the lists are returned); the staged and retired copies of a load carry neither, so they are not counted.
 */
export const graphStatsQuery: CypherQuery = {
  cypher: /* Cypher */ `
    WITH [${[...ENTITY_TYPES]
      .sort()
      .map((t) => `{ type: '${t}', count: COUNT { (:${t}) } }`)
      .join(', ')}] AS byType,
      [${[...RELATION_TYPES]
        .sort()
        .map((t) => `{ type: '${t}', count: COUNT { (:Entity)-[:${t}]->() } }`)
        .join(', ')}] AS byRelation
    RETURN
      COUNT { (:Entity) } AS entities,
      reduce(n = 0, entry IN byRelation | n + entry.count) AS relations,
      COUNT { (:Passage) } AS passages,
      COUNT { (:Source) } AS sources,
      COUNT { (:StatusStep) } AS statusSteps,
      [entry IN byType WHERE entry.count > 0] AS byType,
      [entry IN byRelation WHERE entry.count > 0] AS byRelation,
      COLLECT { MATCH (m:Meta {key: 'graph'}) RETURN m { .loadedAt, .dataHash } }[0] AS meta`,
};

export async function readGraphStats(db: Reader): Promise<GraphStats> {
  const [row] = await db.read(graphStatsQuery);
  const meta = (row?.meta ?? null) as { loadedAt?: string; dataHash?: string } | null;
  return {
    entities: Number(row?.entities ?? 0),
    relations: Number(row?.relations ?? 0),
    passages: Number(row?.passages ?? 0),
    sources: Number(row?.sources ?? 0),
    statusSteps: Number(row?.statusSteps ?? 0),
    byType: (row?.byType ?? []) as TypeCount[],
    byRelation: (row?.byRelation ?? []) as TypeCount[],
    loadedAt: meta?.loadedAt ?? null,
    dataHash: meta?.dataHash ?? null,
  };
}

export interface Readiness {
  /** ISO time of the last load, null when nothing is loaded */
  readonly loadedAt: string | null;
  /** entities the last load wrote (from the stamp; no count of the graph) */
  readonly entities: number;
}

/**
 * What /ready needs, in one cheap statement: the load stamp (an index seek) and whether any entity exists.
 * Load balancers poll it often, so it never counts the graph as `stats` does.
 */
export const readinessQuery: CypherQuery = {
  cypher: /* Cypher */ `
    OPTIONAL MATCH (m:Meta {key: 'graph'})
    RETURN m.loadedAt AS loadedAt, coalesce(m.entityCount, 0) AS entityCount, EXISTS { (:Entity) } AS hasEntities`,
};

export async function readReadiness(db: Reader): Promise<Readiness> {
  const [row] = await db.read(readinessQuery);
  const hasEntities = Boolean(row?.hasEntities);
  return {
    loadedAt: hasEntities ? ((row?.loadedAt as string | null | undefined) ?? null) : null,
    entities: hasEntities ? Number(row?.entityCount ?? 0) : 0,
  };
}
