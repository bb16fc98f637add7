// Entities, their relations and their evidence, always for MANY at once: the GraphQL layer batches every
// load of one request (DataLoader) into one statement per kind, so the number of statements does not grow
// with the number of entities in the answer.
import { ENTITY_TYPES, type EntityType, type RelationStatus, type RelationType } from '../data/model.ts';
import { cypherInteger, type CypherQuery, type Reader } from '../infra/database.ts';
import {
  edgeProjection,
  entityProjection,
  passageProjection,
  toEdgeRow,
  toEntityRow,
  toPassageRow,
  type EdgeRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';

// ---------------------------------------------------------------------------------------- by id

export function entitiesByIdQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (n:Entity {id: id})
      RETURN ${entityProjection('n')} AS entity`,
    params: { ids: [...ids] },
  };
}

export async function readEntitiesById(db: Reader, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await db.read(entitiesByIdQuery(ids));
  const found = new Map<string, EntityRow>();
  for (const row of rows) {
    const entity = toEntityRow(row.entity);
    found.set(entity.id, entity);
  }
  return found;
}

export function relationsByIdQuery(ids: readonly string[]): CypherQuery {
  // A relation's id is `<from>|<TYPE>|<to>[|<key>]` (relationId in src/data/model.ts): find both entities
  // by their unique ids and look among the relationships between them (Neo4j reads those of the end with
  // fewer), instead of scanning every relationship of the graph, or of a hub, for the id.
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      WITH id, split(id, '|') AS parts
      MATCH (a:Entity {id: parts[0]})
      MATCH (b:Entity {id: parts[2]})
      MATCH (a)-[r]->(b) WHERE r.id = id
      RETURN ${edgeProjection('r')} AS edge`,
    params: { ids: [...new Set(ids)] },
  };
}

export async function readRelationsById(db: Reader, ids: readonly string[]): Promise<Map<string, EdgeRow>> {
  const rows = await db.read(relationsByIdQuery(ids));
  return new Map(rows.map((row) => toEdgeRow(row.edge)).map((edge) => [edge.id, edge]));
}

// ------------------------------------------------------------------------------------------ pages

export interface EntityPageRequest {
  readonly types: readonly EntityType[] | null;
  readonly first: number;
  /** the id after which the page starts (decoded from the cursor) */
  readonly afterId: string | null;
}

export interface EntityPage {
  readonly entities: EntityRow[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/**
 * Keyset pagination on the unique id: stable while paging, and an index seek however deep the page. With
 * types, each type's page is read in id order from the (type, id) index and the pages are merged, so a rare
 * type among a million entities is found without scanning the others; the count comes from the counts
 * store (one lookup per type label, of src/data/model.ts).
 */
export function entityPageQuery(request: EntityPageRequest): CypherQuery {
  return {
    cypher: /* Cypher */ `
      RETURN
        CASE WHEN $types IS NULL THEN COUNT { (:Entity) }
          ELSE reduce(total = 0, entry IN [${ENTITY_TYPES.map((t) => `{ type: '${t}', count: COUNT { (:${t}) } }`).join(', ')}]
            | total + CASE WHEN entry.type IN $types THEN entry.count ELSE 0 END)
        END AS totalCount,
        CASE WHEN $types IS NULL THEN COLLECT {
          MATCH (n:Entity) WHERE n.id > $after
          RETURN ${entityProjection('n')} AS entity ORDER BY n.id LIMIT $limit
        } ELSE COLLECT {
          UNWIND $types AS type
          CALL (type) {
            MATCH (n:Entity) WHERE n.type = type AND n.id > $after
            RETURN n ORDER BY n.type, n.id LIMIT $limit
          }
          WITH n ORDER BY n.id LIMIT $limit
          RETURN ${entityProjection('n')} AS entity
        } END AS entities`,
    params: {
      types: request.types,
      after: request.afterId ?? '',
      limit: cypherInteger(request.first + 1),
    },
  };
}

export async function readEntityPage(db: Reader, request: EntityPageRequest): Promise<EntityPage> {
  const [row] = await db.read(entityPageQuery(request));
  const entities = ((row?.entities ?? []) as unknown[]).map(toEntityRow);
  return {
    entities: entities.slice(0, request.first),
    hasNextPage: entities.length > request.first,
    totalCount: Number(row?.totalCount ?? 0),
  };
}

// ------------------------------------------------------------------------------ relations (batched)

export type DirectionName = 'OUT' | 'IN' | 'BOTH';

export interface RelationPageRequest {
  readonly entityId: string;
  readonly direction: DirectionName;
  readonly types: readonly RelationType[] | null;
  readonly statuses: readonly RelationStatus[] | null;
  readonly first: number;
  /** the relation id after which the page starts */
  readonly afterId: string | null;
}

export interface RelationPageItem {
  readonly edge: EdgeRow;
  readonly direction: 'OUT' | 'IN';
  readonly neighbor: EntityRow;
}

export interface RelationPage {
  readonly items: RelationPageItem[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** One page of relations for each request, all in one statement (one row per request, in order). */
export function relationPagesQuery(requests: readonly RelationPageRequest[]): CypherQuery {
  return {
    cypher: /* Cypher */ `
      UNWIND range(0, size($requests) - 1) AS i
      WITH i, $requests[i] AS req
      OPTIONAL MATCH (e:Entity {id: req.entityId})
      CALL (e, req) {
        MATCH (e)-[r]-(other:Entity)
        WHERE (req.direction = 'BOTH'
               OR (req.direction = 'OUT' AND startNode(r) = e)
               OR (req.direction = 'IN' AND endNode(r) = e))
          AND (req.types IS NULL OR type(r) IN req.types)
          AND (req.statuses IS NULL OR r.status IN req.statuses)
        WITH r, other ORDER BY r.id
        WITH collect({ r: r, other: other }) AS matched
        RETURN size(matched) AS totalCount,
               [x IN matched WHERE req.after IS NULL OR x.r.id > req.after][0..req.first + 1] AS page
      }
      RETURN i, totalCount, COLLECT {
        UNWIND page AS x
        WITH x.r AS r, x.other AS other
        RETURN { edge: ${edgeProjection('r')}, out: startNode(r) = e, neighbor: ${entityProjection('other')} }
      } AS items
      ORDER BY i`,
    params: {
      requests: requests.map((r) => ({
        entityId: r.entityId,
        direction: r.direction,
        types: r.types,
        statuses: r.statuses,
        first: cypherInteger(r.first),
        after: r.afterId,
      })),
    },
  };
}

export async function readRelationPages(
  db: Reader,
  requests: readonly RelationPageRequest[],
): Promise<RelationPage[]> {
  const rows = await db.read(relationPagesQuery(requests));
  return requests.map((request, i) => {
    const row = rows[i];
    const items = ((row?.items ?? []) as { edge: unknown; out: boolean; neighbor: unknown }[]).map(
      (item): RelationPageItem => ({
        edge: toEdgeRow(item.edge),
        direction: item.out ? 'OUT' : 'IN',
        neighbor: toEntityRow(item.neighbor),
      }),
    );
    return {
      items: items.slice(0, request.first),
      hasNextPage: items.length > request.first,
      totalCount: Number(row?.totalCount ?? 0),
    };
  });
}

// ------------------------------------------------------------------------------- evidence (batched)

/** The evidence passages of entities (with the words each cites) and passages by id, in one statement. */
export function evidenceQuery(entityIds: readonly string[], passageIds: readonly string[]): CypherQuery {
  return {
    cypher: /* Cypher */ `
      RETURN
        COLLECT {
          UNWIND $entityIds AS id
          MATCH (:Entity {id: id})-[e:EVIDENCED_BY]->(p:Passage)
          RETURN { owner: id, quote: e.quote, passage: ${passageProjection('p')} } AS item
          ORDER BY p.ordinal
        } AS byEntity,
        COLLECT {
          MATCH (p:Passage) WHERE p.id IN $passageIds
          RETURN ${passageProjection('p')} AS passage
        } AS passages`,
    params: { entityIds: [...entityIds], passageIds: [...passageIds] },
  };
}

export interface EvidenceResult {
  /** entity id → its evidence, in reading order */
  readonly byEntity: Map<string, PassageRow[]>;
  /** passage id → passage (no quote) */
  readonly passages: Map<string, PassageRow>;
}

export async function readEvidence(
  db: Reader,
  entityIds: readonly string[],
  passageIds: readonly string[],
): Promise<EvidenceResult> {
  const [row] = await db.read(evidenceQuery(entityIds, passageIds));
  const byEntity = new Map<string, PassageRow[]>();
  for (const item of (row?.byEntity ?? []) as { owner: string; quote: string | null; passage: unknown }[]) {
    const list = byEntity.get(item.owner) ?? [];
    list.push(toPassageRow(item.passage, item.quote ?? null));
    byEntity.set(item.owner, list);
  }
  const passages = new Map<string, PassageRow>();
  for (const raw of (row?.passages ?? []) as unknown[]) {
    const passage = toPassageRow(raw);
    passages.set(passage.id, passage);
  }
  return { byEntity, passages };
}

export interface FactsOfPassageRequest {
  readonly passageId: string;
  /** most facts, by id (at most the PASSAGE_FACTS the loader stores per passage) */
  readonly first: number;
}

/**
 * The first facts of each passage, by id: the loader stores on each passage the ids of the facts that cite
 * it (`facts`, src/write/derive.ts), so each is found through its two entities, never by scanning facts.
 */
export function factsByPassageQuery(requests: readonly FactsOfPassageRequest[]): CypherQuery {
  return {
    cypher: /* Cypher */ `
      UNWIND range(0, size($requests) - 1) AS i
      WITH i, $requests[i] AS request
      OPTIONAL MATCH (p:Passage {id: request.passageId})
      RETURN i, COLLECT {
        UNWIND coalesce(p.facts, [])[0..request.first] AS factId
        WITH factId, split(factId, '|') AS parts
        MATCH (a:Entity {id: parts[0]})
        MATCH (b:Entity {id: parts[2]})
        MATCH (a)-[r]->(b) WHERE r.id = factId
        RETURN { edge: ${edgeProjection('r')}, source: ${entityProjection('a')}, target: ${entityProjection('b')} } AS fact
        ORDER BY r.id
      } AS facts
      ORDER BY i`,
    params: {
      requests: requests.map((r) => ({ passageId: r.passageId, first: cypherInteger(r.first) })),
    },
  };
}

export interface FactsByPassage {
  /** for each request, the facts it states */
  readonly facts: EdgeRow[][];
  /** the entities at the ends of those facts */
  readonly ends: EntityRow[];
}

export async function readFactsByPassage(
  db: Reader,
  requests: readonly FactsOfPassageRequest[],
): Promise<FactsByPassage> {
  const rows = await db.read(factsByPassageQuery(requests));
  const ends: EntityRow[] = [];
  const facts = requests.map((_, i) =>
    ((rows[i]?.facts ?? []) as { edge: unknown; source: unknown; target: unknown }[]).map((fact) => {
      ends.push(toEntityRow(fact.source), toEntityRow(fact.target));
      return toEdgeRow(fact.edge);
    }),
  );
  return { facts, ends };
}
