// Synthetic graphs shaped like the plan's (a few hubs, many leaves; the plan's entity and relation types
// and statuses in its proportions), of any size, for the explorer benchmark. Deterministic for a seed.
import type { EdgeSummary, EntitySummary, Subgraph } from '../src/model.ts';
import { seededRandom } from '../src/canvas/layouts.ts';

const TYPES = [
  'Park',
  'Enterprise',
  'Product',
  'Sector',
  'Region',
  'Project',
  'Association',
  'Policy',
  'Measure',
  'Indicator',
];
const RELATIONS = [
  'LOCATED_IN',
  'FOCUSES_ON',
  'PRODUCES',
  'IN_SECTOR',
  'PART_OF',
  'ANCHORS',
  'HOSTS',
  'TARGETS',
  'COOPERATES_WITH',
  'INPUT_TO',
];
const STATUSES = ['existing', 'existing', 'planned', 'planned', 'sought'];
const SYLLABLES = '福厦泉漳莆龙三南宁平潭古雷青口洪宽东元武夷光电石化装备汽车机械芯片面板纺织食品';

/** `nodes` entities and about `edges` relations, by preferential attachment (a realistic spread of degrees). */
export function syntheticGraph(nodes: number, edges: number, seed = 7): Subgraph {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const entities: EntitySummary[] = [];
  for (let i = 0; i < nodes; i++) {
    const length = 2 + Math.floor(random() * 6);
    let name = '';
    for (let c = 0; c < length; c++) name += pick([...SYLLABLES]);
    entities.push({
      id: `synthetic:${i}`,
      type: pick(TYPES),
      name: `${name}${i}`,
      nameEn: `Synthetic entity ${i}`,
      aliases: [],
      attributes: [],
    });
  }
  const ends: number[] = [];
  const relations: EdgeSummary[] = [];
  const seen = new Set<string>();
  for (let i = 1; relations.length < edges; i = (i % (nodes - 1)) + 1) {
    // each node links to earlier ones, preferring those already well connected
    const target =
      ends.length > 0 && random() < 0.7
        ? (ends[Math.floor(random() * ends.length)] as number)
        : Math.floor(random() * i);
    const source = i;
    if (source === target) continue;
    const type = pick(RELATIONS);
    const id = `synthetic:${source}|${type}|synthetic:${target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    relations.push({
      id,
      type,
      source: `synthetic:${source}`,
      target: `synthetic:${target}`,
      attributes: [{ key: 'status', value: pick(STATUSES) }],
    });
    ends.push(source, target);
  }
  const degree = new Map<string, number>();
  for (const r of relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  return {
    nodes: entities.map((e) => ({ ...e, degree: degree.get(e.id) ?? 0 })),
    edges: relations,
    truncated: false,
  };
}

/**
 * Positions like a polished force-directed layout of the graph (each node near the node it first linked
 * to, children of one parent on a sunflower spiral around it), computed in milliseconds: what the pan
 * benchmark needs, since full-quality fcose on 5,000 nodes takes minutes on this machine.
 */
export function syntheticPositions(graph: Subgraph): Map<string, { x: number; y: number }> {
  const parent = new Map<string, string>();
  for (const edge of graph.edges) if (!parent.has(edge.source)) parent.set(edge.source, edge.target);
  const positions = new Map<string, { x: number; y: number }>();
  const children = new Map<string, number>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (const node of graph.nodes) {
    const of = parent.get(node.id);
    const base = (of ? positions.get(of) : undefined) ?? { x: 0, y: 0 };
    const k = (children.get(of ?? '') ?? 0) + 1;
    children.set(of ?? '', k);
    const radius = 60 + 34 * Math.sqrt(k);
    positions.set(node.id, {
      x: base.x + radius * Math.cos(k * golden),
      y: base.y + radius * Math.sin(k * golden),
    });
  }
  // Spread to about 90 × 90 px per node, the density of a readable force-directed layout.
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)) || 1;
  const scale = Math.sqrt((graph.nodes.length * 90 * 90) / area);
  for (const [id, p] of positions) positions.set(id, { x: p.x * scale, y: p.y * scale });
  return positions;
}
