// Policy reach (docs/design.md "The analyses"): the policies and measures that apply to (APPLIES_TO) or target
// (TARGETS) an entity, directly or through what it belongs to — its parks, sectors and regions, and up
// their hierarchy — each once, with its shortest reason as a path (every hop an Edge with evidence). One
// statement, cypher/policy-reach.cypher; the GraphQL field and `cskg query policy-reach` both call
// readPolicyReach, so they cannot disagree.
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import {
  toEdgeRow,
  entityRowsOn,
  toPassageRow,
  STATUS_ZH,
  weakestStatus,
  type EdgeRow,
  type EntityRow,
  type PassageRow,
} from './rows.ts';
import type { Bilingual } from '../data/language.ts';
import type { RelationStatus } from '../data/model.ts';
import { WALK_VISITS } from './truncation.ts';

export type ReachViaName = 'DIRECT' | 'PARK' | 'SECTOR' | 'REGION' | 'OTHER';

export interface PolicyReachRequest {
  readonly entity: string;
  readonly first: number;
  /** YYYY-MM-DD: the graph as known on that date (src/read/time.ts); null for everything known */
  readonly asOf?: string | null;
  /** most entities the walk visits (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
}

export interface PolicyReachRow {
  readonly policy: EntityRow;
  readonly relation: EdgeRow;
  readonly target: EntityRow;
  readonly via: ReachViaName;
  readonly path: { nodes: EntityRow[]; edges: EdgeRow[]; length: number };
  readonly status: RelationStatus;
  readonly partOf: EntityRow[];
  /** the path read from the policy, in English and Chinese */
  readonly explanation: Bilingual;
  readonly evidence: PassageRow[];
}

export interface PolicyReachResult {
  /** the type of the entity asked for, null when there is none */
  readonly entityType: string | null;
  readonly reaches: PolicyReachRow[];
}

export function policyReachQuery(request: PolicyReachRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('policy-reach'), {
    entity: request.entity,
    first: request.first,
    asOf: request.asOf ?? null,
    visits: request.visits ?? WALK_VISITS,
  });
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
  const toRow = entityRowsOn(request.asOf);
  const reaches = ((row?.reaches ?? []) as RawReach[]).map((raw): PolicyReachRow => {
    const policy = toRow(raw.policy);
    const target = toRow(raw.target);
    const nodes = raw.nodes.map(toRow);
    const edges = raw.edges.map(toEdgeRow);
    const via = viaOf(Number(raw.steps), target);
    return {
      policy,
      relation: toEdgeRow(raw.relation),
      target,
      via,
      path: { nodes, edges, length: edges.length },
      status: weakestStatus(edges.map((e) => e.status)),
      partOf: raw.partOf.map(toRow),
      explanation: explain(nodes, edges),
      evidence: raw.passages.map((p) => toPassageRow(p)),
    };
  });
  return { entityType: (row?.entityType as string | null | undefined) ?? null, reaches };
}

function viaOf(steps: number, target: EntityRow): ReachViaName {
  if (steps === 0) return 'DIRECT';
  if (target.type === 'Park') return 'PARK';
  if (target.type === 'Sector') return 'SECTOR';
  if (target.type === 'Region') return 'REGION';
  return 'OTHER';
}

/** How each hop reads, in English and in Chinese (the explorer's Chinese names of the relation types). */
const VERBS: Record<string, { en: string; zh: string }> = {
  APPLIES_TO: { en: 'applies to', zh: '适用于' },
  TARGETS: { en: 'targets', zh: '针对' },
  LOCATED_IN: { en: 'lies in', zh: '位于' },
  PART_OF: { en: 'is part of', zh: '隶属' },
  IN_SECTOR: { en: 'is in the sector', zh: '属于产业' },
  HOSTS: { en: 'hosts', zh: '承载' },
  FOCUSES_ON: { en: 'focuses on', zh: '重点发展' },
  ANCHORS: { en: 'anchors', zh: '龙头带动' },
};

/**
 * "政策 applies to 园区 (planned); 园区 hosts 项目 (existing).": the path read from the policy, each hop in
 * its own direction; in Chinese "政策适用于园区（规划）；园区承载项目（已有）。".
 */
function explain(nodes: readonly EntityRow[], edges: readonly EdgeRow[]): Bilingual {
  const en: string[] = [];
  const zh: string[] = [];
  edges.forEach((edge, i) => {
    const left = nodes[i];
    const right = nodes[i + 1];
    if (!left || !right) return;
    const [subject, object] = edge.source === left.id ? [left, right] : [right, left];
    const verb = VERBS[edge.type] ?? { en: edge.type, zh: edge.type };
    en.push(`${subject.name} ${verb.en} ${object.name} (${edge.status})`);
    zh.push(`${subject.name}${verb.zh}${object.name}（${STATUS_ZH[edge.status]}）`);
  });
  return { en: en.join('; ') + '.', zh: zh.join('；') + '。' };
}
