// Policy reach (DESIGN.md "Analyses"): the policies and measures that apply to (APPLIES_TO) or target
// (TARGETS) an entity, directly or through what it belongs to — its parks, sectors and regions, and up
// their hierarchy — each once, with its shortest reason as a path (every hop an Edge with evidence). The
// same definition as the CLI's named query cypher/policy-reach.cypher, in the API's shape. One statement.
import { cypherInteger, type CypherQuery, type QueryRunner } from '../db.ts';
import {
  edgeProjection,
  entityProjection,
  passageProjection,
  toEdgeRow,
  toEntityRow,
  toPassageRow,
  weakestStatus,
  type EdgeRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';
import type { RelationStatus } from '../data/model.ts';

type Reader = Pick<QueryRunner, 'read'>;

/** Most steps from the entity to the park, sector or region a policy applies to. */
export const MAX_REACH_STEPS = 4;

export type ReachViaName = 'DIRECT' | 'PARK' | 'SECTOR' | 'REGION' | 'OTHER';

export interface PolicyReachRequest {
  readonly entity: string;
  readonly first: number;
}

export interface PolicyReachRow {
  readonly policy: EntityRow;
  readonly relation: EdgeRow;
  readonly target: EntityRow;
  readonly via: ReachViaName;
  readonly path: { nodes: EntityRow[]; edges: EdgeRow[]; length: number };
  readonly status: RelationStatus;
  readonly partOf: EntityRow[];
  readonly explanation: string;
  readonly evidence: PassageRow[];
}

export interface PolicyReachResult {
  readonly found: boolean;
  readonly reaches: PolicyReachRow[];
}

/*
 * What an entity belongs to, read from the entity outwards, as cypher/policy-reach.cypher (the named
 * query of the CLI) defines it: one first step — x LOCATED_IN / PART_OF / IN_SECTOR / FOCUSES_ON /
 * ANCHORS y, or y HOSTS x — then up the hierarchy only (PART_OF, LOCATED_IN: larger park, parent sector,
 * larger region), MAX_REACH_STEPS steps in all.
 */
const FIRST_STEP = /* Cypher */ `((x)-[m]-(y:Entity) WHERE
      (type(m) IN ['LOCATED_IN', 'PART_OF', 'IN_SECTOR', 'FOCUSES_ON', 'ANCHORS'] AND startNode(m) = x)
   OR (type(m) = 'HOSTS' AND endNode(m) = x)){0,1}`;
const HIERARCHY_STEPS = /* Cypher */ `(()-[:PART_OF|LOCATED_IN]->(:Entity)){0,${MAX_REACH_STEPS - 1}}`;

export function policyReachQuery(request: PolicyReachRequest): CypherQuery {
  return {
    cypher: /* Cypher */ `
      OPTIONAL MATCH (e:Entity {id: $entity})
      RETURN e IS NOT NULL AS found, COLLECT {
        MATCH belongs = ANY SHORTEST (e)${FIRST_STEP}(:Entity)${HIERARCHY_STEPS}(target:Entity)
        MATCH (policy:Entity)-[a:APPLIES_TO|TARGETS]->(target)
        WHERE (policy:Policy OR policy:Measure) AND policy <> e
        WITH policy, a, target, belongs ORDER BY length(belongs), target.id, a.id
        // One reach per policy: its shortest reason.
        WITH policy, collect({ a: a, target: target, belongs: belongs })[0] AS best
        WITH policy, best.a AS a, best.target AS target, best.belongs AS belongs
        WITH policy, a, target, length(belongs) AS steps,
             [policy] + reverse(nodes(belongs)) AS pathNodes,
             [a] + reverse(relationships(belongs)) AS pathRels
        RETURN {
          policy: ${entityProjection('policy')},
          relation: ${edgeProjection('a')},
          target: ${entityProjection('target')},
          steps: steps,
          nodes: [n IN pathNodes | ${entityProjection('n')}],
          edges: [r IN pathRels | ${edgeProjection('r')}],
          partOf: COLLECT {
            MATCH (policy)-[:PART_OF]->(whole:Policy) RETURN ${entityProjection('whole')} AS whole ORDER BY whole.id
          },
          passages: COLLECT {
            WITH reduce(ids = [], r IN pathRels | ids + coalesce(r.evidence, [])) AS ids
            MATCH (ps:Passage) WHERE ps.id IN ids
            RETURN ${passageProjection('ps')} AS passage ORDER BY ps.ordinal
          }
        } AS reach
        ORDER BY steps, policy.type, policy.id
        LIMIT $limit
      } AS reaches`,
    params: { entity: request.entity, limit: cypherInteger(request.first) },
  };
}

interface RawReach {
  policy: unknown;
  relation: unknown;
  target: unknown;
  steps: number;
  nodes: unknown[];
  edges: unknown[];
  partOf: unknown[];
  passages: unknown[];
}

export async function readPolicyReach(db: Reader, request: PolicyReachRequest): Promise<PolicyReachResult> {
  const [row] = await db.read(policyReachQuery(request));
  const reaches = ((row?.reaches ?? []) as RawReach[]).map((raw): PolicyReachRow => {
    const policy = toEntityRow(raw.policy);
    const target = toEntityRow(raw.target);
    const nodes = raw.nodes.map(toEntityRow);
    const edges = raw.edges.map(toEdgeRow);
    const via = viaOf(Number(raw.steps), target);
    return {
      policy,
      relation: toEdgeRow(raw.relation),
      target,
      via,
      path: { nodes, edges, length: edges.length },
      status: weakestStatus(edges.map((e) => e.status)),
      partOf: raw.partOf.map(toEntityRow),
      explanation: explain(nodes, edges),
      evidence: raw.passages.map((p) => toPassageRow(p)),
    };
  });
  return { found: Boolean(row?.found), reaches };
}

function viaOf(steps: number, target: EntityRow): ReachViaName {
  if (steps === 0) return 'DIRECT';
  if (target.type === 'Park') return 'PARK';
  if (target.type === 'Sector') return 'SECTOR';
  if (target.type === 'Region') return 'REGION';
  return 'OTHER';
}

const VERBS: Record<string, string> = {
  APPLIES_TO: 'applies to',
  TARGETS: 'targets',
  LOCATED_IN: 'lies in',
  PART_OF: 'is part of',
  IN_SECTOR: 'is in the sector',
  HOSTS: 'hosts',
  FOCUSES_ON: 'focuses on',
  ANCHORS: 'anchors',
};

/** "政策 applies to 园区 (planned), which hosts 项目 (existing)": the path read from the policy. */
function explain(nodes: readonly EntityRow[], edges: readonly EdgeRow[]): string {
  const parts: string[] = [];
  edges.forEach((edge, i) => {
    const left = nodes[i];
    const right = nodes[i + 1];
    if (!left || !right) return;
    const forward = edge.source === left.id;
    const verb = VERBS[edge.type] ?? edge.type;
    const clause = forward ? `${left.name} ${verb} ${right.name}` : `${right.name} ${verb} ${left.name}`;
    parts.push(`${clause} (${edge.status})`);
  });
  return parts.join('; ') + '.';
}
