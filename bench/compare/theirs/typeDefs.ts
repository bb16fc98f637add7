// Type definitions for @neo4j/graphql over the SAME graph cskg serves (docs/graph-model.md), generated
// from src/data/model.ts so they follow the model:
// - `Entity` (the label every entity carries) with the common properties, the full-text index
//   `entitySearch` (@fulltext) and a @relationship field for every relation type in both directions
//   (`locatedIn`, `locatedInIncoming`, ...), carrying the relation's properties (`Fact`);
// - one node type per label (Region … Document) with its typed properties and the @relationship fields its
//   endpoint rules allow;
// - the two walks @neo4j/graphql has no directive for, `paths` and `supplyChain`, as @cypher fields that
//   run cskg's own statements (src/graph), so both sides ask Neo4j the same thing.
import {
  ENTITY_PROPERTIES,
  ENTITY_TYPES,
  RELATION_RULES,
  RELATION_TYPES,
  type EntityType,
  type RelationType,
} from '../../../src/data/model.ts';
import { pathsQuery } from '../../../src/graph/paths.ts';
import { supplyChainQuery } from '../../../src/graph/supplyChain.ts';

/** `LOCATED_IN` → `locatedIn` (outgoing) and `locatedInIncoming`. */
export function relationField(type: RelationType, direction: 'OUT' | 'IN'): string {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return direction === 'OUT' ? camel : `${camel}Incoming`;
}

/** The bounds the @cypher statements are built for: Cypher cannot take a path quantifier as a parameter. */
export interface WalkBounds {
  readonly pathsMaxHops: number;
  readonly pathsFirst: number;
  readonly supplyChainDepth: number;
}

const relationFields = (pairs: [RelationType, 'OUT' | 'IN'][]) =>
  pairs
    .map(
      ([type, direction]) =>
        `  ${relationField(type, direction)}: [Entity!]! @relationship(type: "${type}", direction: ${direction}, properties: "Fact")`,
    )
    .join('\n');

const COMMON = `  id: ID!
  type: String!
  name: String!
  nameEn: String
  aliases: [String!]
  caveats: [String!]`;

/** The GraphQL scalar of a zod schema of ENTITY_PROPERTIES. */
function scalarOf(schema: unknown): string {
  const zod = schema as { def?: { type?: string }; isInt?: boolean };
  if (zod.def?.type === 'number') return zod.isInt ? 'Int' : 'Float';
  return 'String';
}

function labelType(type: EntityType): string {
  const props = Object.entries(ENTITY_PROPERTIES[type] as Record<string, unknown>)
    .map(([name, schema]) => `  ${name}: ${scalarOf(schema)}`)
    .join('\n');
  const pairs: [RelationType, 'OUT' | 'IN'][] = [];
  for (const relation of RELATION_TYPES) {
    if (RELATION_RULES[relation].from.includes(type)) pairs.push([relation, 'OUT']);
    if (RELATION_RULES[relation].to.includes(type)) pairs.push([relation, 'IN']);
  }
  return `type ${type} @node(labels: ["${type}"]) {\n${COMMON}\n${props}\n${relationFields(pairs)}\n}`;
}

// The projections of src/graph/rows.ts ({ props, degree } and { type, source, target, props }) flattened
// into the fields of WalkNode and WalkEdge.
const walkNode = (n: string) =>
  `{ id: ${n}.props.id, type: ${n}.props.type, name: ${n}.props.name, nameEn: ${n}.props.nameEn, degree: ${n}.degree }`;
const walkEdge = (e: string) =>
  `{ id: ${e}.props.id, type: ${e}.type, source: ${e}.source, target: ${e}.target, status: ${e}.props.status }`;

/**
 * cskg's statements for paths and supplyChain (src/graph/paths.ts, supplyChain.ts), wrapped to return the
 * one column a @cypher field reads. Their parameters ($from, $to, $relationTypes, $statuses; $product,
 * $upstream, $downstream, $depth, $statuses) are the field arguments.
 */
function walkStatements(bounds: WalkBounds): { paths: string; supplyChain: string } {
  const paths = pathsQuery({
    from: '',
    to: '',
    maxHops: bounds.pathsMaxHops,
    first: bounds.pathsFirst,
    relationTypes: null,
    statuses: null,
  }).cypher;
  const chain = supplyChainQuery({
    product: '',
    direction: 'BOTH',
    depth: bounds.supplyChainDepth,
    statuses: null,
  }).cypher;
  const statements = {
    paths: `CALL () {${paths}
      }
      UNWIND paths AS p
      RETURN { length: size(p.edges), nodes: [n IN p.nodes | ${walkNode('n')}], edges: [e IN p.edges | ${walkEdge('e')}] } AS path`,
    supplyChain: `CALL () {${chain}
      }
      RETURN CASE WHEN productType IS NULL THEN null ELSE {
        truncated: truncated, nodes: [n IN nodes | ${walkNode('n')}], edges: [e IN edges | ${walkEdge('e')}]
      } END AS result`,
  };
  for (const text of Object.values(statements)) {
    if (text.includes('"""') || text.includes('\\'))
      throw new Error('a statement cannot go into a GraphQL block string');
  }
  return statements;
}

export function neo4jGraphQLTypeDefs(bounds: WalkBounds): string {
  const walks = walkStatements(bounds);
  const everyRelation = RELATION_TYPES.flatMap((relation): [RelationType, 'OUT' | 'IN'][] => [
    [relation, 'OUT'],
    [relation, 'IN'],
  ]);
  return /* GraphQL */ `
type Fact @relationshipProperties {
  id: ID!
  status: String!
  caveats: [String!]
  evidence: [String!]
  quotes: [String!]
  share: Float
}

type Entity
  @node(labels: ["Entity"])
  @fulltext(indexes: [{ indexName: "entitySearch", queryName: "searchEntities", fields: ["name", "nameEn", "searchText"] }]) {
${COMMON}
  searchText: String
${relationFields(everyRelation)}
}

${ENTITY_TYPES.map(labelType).join('\n\n')}

type WalkNode {
  id: ID!
  type: String!
  name: String!
  nameEn: String
  degree: Int!
}

type WalkEdge {
  id: ID!
  type: String!
  source: ID!
  target: ID!
  status: String!
}

type PathResult {
  length: Int!
  nodes: [WalkNode!]!
  edges: [WalkEdge!]!
}

type ChainResult {
  truncated: Boolean!
  nodes: [WalkNode!]!
  edges: [WalkEdge!]!
}

type Query {
  "The ${bounds.pathsFirst} shortest paths of up to ${bounds.pathsMaxHops} hops: cskg's statement (src/graph/paths.ts)."
  paths(from: ID!, to: ID!, relationTypes: [String!] = null, statuses: [String!] = null): [PathResult!]!
    @cypher(statement: """${walks.paths}""", columnName: "path")
  "The supply chain of a product, ${bounds.supplyChainDepth} links each way: cskg's statement (src/graph/supplyChain.ts)."
  supplyChain(
    product: ID!
    upstream: Boolean = true
    downstream: Boolean = true
    depth: Int = ${bounds.supplyChainDepth}
    statuses: [String!] = null
  ): ChainResult @cypher(statement: """${walks.supplyChain}""", columnName: "result")
}
`;
}
