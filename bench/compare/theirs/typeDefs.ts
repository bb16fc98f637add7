// Type definitions for @neo4j/graphql over the SAME graph cskg serves (docs/graph-model.md), generated
// from src/data/model.ts so they follow the model:
// - `Entity` (the label every entity carries) with the common properties, the full-text index
//   `entitySearch` (@fulltext) and a @relationship field for every relation type in both directions
//   (`locatedIn`, `locatedInIncoming`, ...), carrying the relation's properties (`Fact`);
// - one node type per label (Region … Document) with its typed properties and the @relationship fields its
//   endpoint rules allow;
// - the two walks @neo4j/graphql has no directive for, `paths` and `supplyChain`, as @cypher fields that
//   run cskg's own statements (cypher/*.cypher, bound by src/read), so both ask Neo4j the same thing.
import {
  ENTITY_PROPERTIES,
  ENTITY_TYPES,
  RELATION_RULES,
  RELATION_TYPES,
  type EntityType,
  type RelationType,
} from '../../../src/data/model.ts';
import type { CypherQuery } from '../../../src/infra/database.ts';
import { pathsQuery } from '../../../src/read/paths.ts';
import { supplyChainQuery } from '../../../src/read/supplyChain.ts';

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
  readonly supplyChainLimit: number;
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

// The projections of src/read/rows.ts ({ props, degree } and { type, source, target, props }) flattened
// into the fields of WalkNode and WalkEdge.
const walkNode = (n: string) =>
  `{ id: ${n}.props.id, type: ${n}.props.type, name: ${n}.props.name, nameEn: ${n}.props.nameEn, degree: ${n}.degree }`;
const walkEdge = (e: string) =>
  `{ id: ${e}.props.id, type: ${e}.type, source: ${e}.source, target: ${e}.target, status: ${e}.props.status }`;

/** The ids a client passes; every other parameter of a statement becomes an argument with the bench's value. */
const CLIENT_IDS = new Set(['from', 'to', 'product']);

/** GraphQL arguments for the parameters of `query`: ids required, the rest defaulted to the bench's values. */
function argumentsFor(query: CypherQuery): string {
  return Object.entries(query.params ?? {})
    .map(([name, value]) => {
      if (CLIENT_IDS.has(name)) return `${name}: ID!`;
      if (value === null) return `${name}: [String!] = null`;
      if (Array.isArray(value)) return `${name}: [String!] = ${JSON.stringify(value)}`;
      if (typeof value === 'boolean') return `${name}: Boolean = ${value}`;
      if (typeof value === 'number' || (typeof value === 'object' && value !== null && 'low' in value)) {
        return `${name}: Int = ${Number(value)}`;
      }
      return `${name}: String = ${JSON.stringify(value)}`;
    })
    .join(', ');
}

/**
 * cskg's statements for paths and supplyChain (cypher/shortest-paths.cypher and supply-chain.cypher, as
 * src/read binds them), wrapped to return the one column a @cypher field reads. Their parameters are the
 * field's arguments (see argumentsFor).
 */
function walkStatements(bounds: WalkBounds) {
  const paths = pathsQuery({
    from: '',
    to: '',
    maxHops: bounds.pathsMaxHops,
    first: bounds.pathsFirst,
    relationTypes: null,
    statuses: null,
  });
  const chain = supplyChainQuery({
    product: '',
    direction: 'BOTH',
    depth: bounds.supplyChainDepth,
    statuses: null,
    limit: bounds.supplyChainLimit,
  });
  const statements = {
    paths: {
      args: argumentsFor(paths),
      cypher: `CALL () {
${paths.cypher}
      }
      UNWIND paths AS p
      RETURN { length: size(p.edges), nodes: [n IN p.nodes | ${walkNode('n')}], edges: [e IN p.edges | ${walkEdge('e')}] } AS path`,
    },
    supplyChain: {
      args: argumentsFor(chain),
      cypher: `CALL () {
${chain.cypher}
      }
      RETURN CASE WHEN productType IS NULL THEN null ELSE {
        truncated: beyondDepth OR visitsCut OR productsCut OR coversCut,
        nodes: [n IN productNodes + coverNodes + ownerNodes | ${walkNode('n')}], edges: [e IN edges | ${walkEdge('e')}]
      } END AS result`,
    },
  };
  for (const { cypher } of Object.values(statements)) {
    if (cypher.includes('"""') || cypher.includes('\\')) {
      throw new Error('a statement cannot go into a GraphQL block string');
    }
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
  "The ${bounds.pathsFirst} shortest paths of up to ${bounds.pathsMaxHops} hops: cskg's statement (cypher/shortest-paths.cypher)."
  paths(${walks.paths.args}): [PathResult!]!
    @cypher(statement: """${walks.paths.cypher}""", columnName: "path")
  "The supply chain of a product, ${bounds.supplyChainDepth} links each way: cskg's statement (cypher/supply-chain.cypher)."
  supplyChain(${walks.supplyChain.args}): ChainResult
    @cypher(statement: """${walks.supplyChain.cypher}""", columnName: "result")
}
`;
}
