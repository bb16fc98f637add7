// Size and provenance of the loaded graph, in one statement.
import type { CypherQuery, QueryRunner } from '../db.ts';

export interface TypeCount {
  type: string;
  count: number;
}

export interface GraphStats {
  entities: number;
  relations: number;
  passages: number;
  byType: TypeCount[];
  byRelation: TypeCount[];
  loadedAt: string | null;
  dataHash: string | null;
}

export const graphStatsQuery: CypherQuery = {
  cypher: /* Cypher */ `
    RETURN
      COUNT { (:Entity) } AS entities,
      COUNT { (:Entity)-[]->(:Entity) } AS relations,
      COUNT { (:Passage) } AS passages,
      COLLECT {
        MATCH (n:Entity)
        WITH [label IN labels(n) WHERE label <> 'Entity'][0] AS type, count(*) AS count
        RETURN { type: type, count: count } AS entry ORDER BY entry.type
      } AS byType,
      COLLECT {
        MATCH (:Entity)-[r]->(:Entity)
        WITH type(r) AS type, count(*) AS count
        RETURN { type: type, count: count } AS entry ORDER BY entry.type
      } AS byRelation,
      COLLECT { MATCH (m:Meta {key: 'graph'}) RETURN m { .loadedAt, .dataHash } }[0] AS meta`,
};

export async function readGraphStats(db: Pick<QueryRunner, 'read'>): Promise<GraphStats> {
  const [row] = await db.read(graphStatsQuery);
  const meta = (row?.meta ?? null) as { loadedAt?: string; dataHash?: string } | null;
  return {
    entities: Number(row?.entities ?? 0),
    relations: Number(row?.relations ?? 0),
    passages: Number(row?.passages ?? 0),
    byType: (row?.byType ?? []) as TypeCount[],
    byRelation: (row?.byRelation ?? []) as TypeCount[],
    loadedAt: meta?.loadedAt ?? null,
    dataHash: meta?.dataHash ?? null,
  };
}
