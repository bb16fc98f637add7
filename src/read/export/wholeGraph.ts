// Reads the whole graph out of Neo4j for the exports, in pages of read transactions (so an export of a
// million facts never holds more than a page in one result), in a canonical order: nodes by group and
// id, relationships by their start node, type, end node and id. Two exports of the same graph are equal
// byte for byte, which is what the round-trip tests compare.
import type { Reader } from '../../infra/database.ts';
import { INTEGER_PROPERTIES } from '../../write/records.ts';

export type NodeGroup =
  'Entity' | 'Passage' | 'Meta' | 'Source' | 'StatusStep' | 'Research' | 'Chain' | 'ChainLink';

/**
 * The groups read by key, in this order (the stamp, keyed by `key`, comes first); each is one label. The
 * chains and chain links the loader derives come last (a chain link is keyed by its product).
 */
const ID_GROUPS = ['Entity', 'Passage', 'Source', 'StatusStep', 'Research', 'Chain', 'ChainLink'] as const;
const KEY: Partial<Record<NodeGroup, string>> = { ChainLink: 'product' };
/** The groups whose nodes start relationships: facts and evidence, passage order, steps and research records. */
const START_GROUPS = ['Entity', 'Passage', 'StatusStep', 'Research'] as const;

export interface ExportNode {
  readonly group: NodeGroup;
  /** the type label of an entity (Park, ...); the group for the others */
  readonly label: string;
  /** `id` (entities, passages) or `key` (meta): unique within the group */
  readonly key: string;
  readonly properties: Record<string, unknown>;
}

export interface ExportRelationship {
  readonly type: string;
  readonly startGroup: NodeGroup;
  readonly start: string;
  readonly endGroup: NodeGroup;
  readonly end: string;
  readonly properties: Record<string, unknown>;
}

export interface GraphCounts {
  readonly nodes: number;
  readonly relationships: number;
}

const PAGE = 2_000;

/**
 * The properties in key order: Neo4j returns them in the order they were stored, which depends on how the
 * node was written (a passage's facts are set after it is created), so two equal graphs could export
 * differently.
 */
function sortedKeys(props: unknown): Record<string, unknown> {
  const record = props as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => [k, record[k]]),
  );
}

export async function countGraph(db: Reader): Promise<GraphCounts> {
  const [row] = await db.read({
    cypher: /* Cypher */ `
      RETURN
        COUNT {
          (n) WHERE n:Entity OR n:Passage OR n:Meta OR n:Source OR n:StatusStep OR n:Research OR n:Chain OR n:ChainLink
        } AS nodes,
        COUNT { (a)-[]->() WHERE a:Entity OR a:Passage OR a:StatusStep OR a:Research } AS relationships`,
  });
  return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
}

/** Every node: meta, entities, passages, sources, status steps, research records, each group in id order. */
export async function* readNodes(db: Reader): AsyncGenerator<ExportNode[]> {
  const meta = await db.read({
    cypher: /* Cypher */ `MATCH (m:Meta) RETURN m.key AS key, properties(m) AS props ORDER BY key`,
  });
  yield meta.map((r) => ({
    group: 'Meta',
    label: 'Meta',
    key: String(r.key),
    properties: sortedKeys(r.props),
  }));
  for (const group of ID_GROUPS) {
    const key = KEY[group] ?? 'id';
    let after = '';
    for (;;) {
      const rows = await db.read({
        // `group` is one of ID_GROUPS and `key` a constant: the only way they enter the text.
        cypher:
          group === 'Entity'
            ? /* Cypher */ `
              MATCH (n:Entity) WHERE n.id > $after
              RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
              ORDER BY n.id LIMIT toInteger($limit)`
            : /* Cypher */ `
              MATCH (n:${group}) WHERE n.${key} > $after
              RETURN n.${key} AS key, '${group}' AS label, properties(n) AS props
              ORDER BY n.${key} LIMIT toInteger($limit)`,
        params: { after, limit: PAGE },
      });
      if (rows.length === 0) break;
      yield rows.map((r) => ({
        group,
        label: String(r.label),
        key: String(r.key),
        properties: sortedKeys(r.props),
      }));
      after = String(rows[rows.length - 1]?.key);
      if (rows.length < PAGE) break;
    }
  }
}

/**
 * Every relationship, paged by start node: the facts and evidence of entities, NEXT / IN_DOCUMENT of
 * passages, STEP_OF / CITES of status steps, RESEARCH_OF of research records.
 */
export async function* readRelationships(db: Reader): AsyncGenerator<ExportRelationship[]> {
  for (const group of START_GROUPS) {
    let after = '';
    for (;;) {
      const rows = await db.read({
        // `group` is one of START_GROUPS, the only way a label enters the text.
        cypher: /* Cypher */ `
              MATCH (a:${group}) WHERE a.id > $after
              WITH a ORDER BY a.id LIMIT toInteger($limit)
              OPTIONAL MATCH (a)-[r]->(b)
              WHERE b:Entity OR b:Passage OR b:Source
              RETURN a.id AS start, type(r) AS type, b.id AS end,
                CASE WHEN b:Entity THEN 'Entity' WHEN b:Passage THEN 'Passage' ELSE 'Source' END AS endGroup,
                properties(r) AS props
              ORDER BY start, type, end, props.id, props.quote, props.role`,
        params: { after, limit: PAGE },
      });
      if (rows.length === 0) break;
      yield rows
        .filter((r) => r.type !== null)
        .map((r) => ({
          type: String(r.type),
          startGroup: group,
          start: String(r.start),
          endGroup: r.endGroup as NodeGroup,
          end: String(r.end),
          properties: sortedKeys(r.props),
        }));
      const starts = new Set(rows.map((r) => r.start));
      after = String(rows[rows.length - 1]?.start);
      if (starts.size < PAGE) break;
    }
  }
}

export type PropertyKind = 'string' | 'long' | 'double' | 'boolean' | 'string[]';

const FLOAT_PROPERTIES = new Set(['areaKm2', 'capacity', 'value', 'threshold', 'share']);
const LIST_PROPERTIES = new Set([
  'aliases',
  'caveats',
  'caveatsZh',
  'searchNames',
  'sectionPath',
  'evidence',
  'quotes',
  'seeAlso',
  'searched',
]);

/**
 * The declared type of a property of a node with this label (or of a relationship): the driver returns
 * every number as a JS number, so whether it is an INTEGER or a FLOAT in Neo4j comes from the model.
 */
export function propertyKind(label: string, key: string, sample: unknown): PropertyKind {
  if (LIST_PROPERTIES.has(key) || Array.isArray(sample)) return 'string[]';
  if ((INTEGER_PROPERTIES as Record<string, readonly string[] | undefined>)[label]?.includes(key))
    return 'long';
  if (FLOAT_PROPERTIES.has(key) || typeof sample === 'number') return 'double';
  if (typeof sample === 'boolean') return 'boolean';
  return 'string';
}
