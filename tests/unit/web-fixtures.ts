// Small subgraphs in the shape the GraphQL API returns, taken from the plan (names, ids and statuses as
// data/graph writes them), for the explorer's view-logic tests.
import type { ChainGap, EdgeSummary, EntitySummary, Subgraph } from '../../web/src/model.ts';

export function entity(
  id: string,
  type: string,
  name: string,
  nameEn: string,
  extra: { degree?: number; attributes?: Record<string, string>; aliases?: string[] } = {},
): EntitySummary {
  return {
    id,
    type,
    name,
    nameEn,
    aliases: extra.aliases ?? [],
    attributes: Object.entries(extra.attributes ?? {}).map(([key, value]) => ({ key, value })),
    ...(extra.degree !== undefined ? { degree: extra.degree } : {}),
  };
}

export function edge(source: string, type: string, target: string, status = 'existing'): EdgeSummary {
  return {
    id: `${source}|${type}|${target}`,
    type,
    source,
    target,
    attributes: [{ key: 'status', value: status }],
  };
}

export const gulei = entity(
  'park:gulei-taiwan-petrochemical-park',
  'Park',
  '古雷台湾石化工业园',
  'Gulei Taiwan Petrochemical Industrial Park',
  {
    degree: 12,
    attributes: { kind: 'specialised-park' },
  },
);
export const zhangzhouTiz = entity(
  'park:zhangzhou-tiz',
  'Park',
  '漳州台商投资区',
  'Zhangzhou Taiwanese Investment Zone',
  {
    degree: 16,
    attributes: { kind: 'taiwan-investment-zone' },
  },
);
export const gulieTown = entity('region:gulei', 'Region', '古雷', 'Gulei', {
  degree: 3,
  attributes: { level: 'town' },
});
export const zhangzhou = entity('region:zhangzhou', 'Region', '漳州', 'Zhangzhou', {
  degree: 20,
  attributes: { level: 'city' },
});
export const petrochem = entity('sector:petrochemicals', 'Sector', '石化', 'Petrochemicals', { degree: 15 });

export const refining = entity('product:oil-refining', 'Product', '炼油', 'Oil refining', { degree: 4 });
export const ethylene = entity('product:ethylene', 'Product', '乙烯', 'Ethylene', { degree: 5 });
export const px = entity('product:px', 'Product', '对二甲苯（PX）', 'Paraxylene (PX)', {
  degree: 3,
  aliases: ['PX'],
});
export const pta = entity(
  'product:pta',
  'Product',
  '精对苯二甲酸（PTA）',
  'Purified terephthalic acid (PTA)',
  { degree: 3 },
);
export const resin = entity('product:resin', 'Product', '合成树脂', 'Synthetic resin', { degree: 2 });
export const tenglong = entity(
  'enterprise:tenglong-aromatics',
  'Enterprise',
  '腾龙芳烃（漳州）有限公司',
  'Tenglong Aromatics (Zhangzhou)',
  {
    degree: 5,
    attributes: { origin: 'taiwan' },
  },
);
export const xianglu = entity('enterprise:xianglu', 'Enterprise', '翔鹭石化', 'Xianglu Petrochemical', {
  degree: 4,
  attributes: { origin: 'taiwan' },
});
export const guleiPetro = entity(
  'enterprise:gulei-petrochemical',
  'Enterprise',
  '古雷石化（漳州）有限公司',
  'Gulei Petrochemical',
  {
    degree: 4,
    attributes: { origin: 'unknown' },
  },
);

/** The Gulei petrochemical chain as supplyChain(product: "product:px") might answer it. */
export const pxChain: Subgraph = {
  nodes: [refining, ethylene, px, pta, resin, tenglong, xianglu, guleiPetro, gulei],
  edges: [
    edge(refining.id, 'INPUT_TO', ethylene.id, 'planned'),
    edge(px.id, 'INPUT_TO', pta.id, 'planned'),
    edge(ethylene.id, 'INPUT_TO', resin.id, 'sought'),
    edge(tenglong.id, 'PRODUCES', px.id, 'existing'),
    edge(xianglu.id, 'PRODUCES', pta.id, 'planned'),
    edge(guleiPetro.id, 'PRODUCES', refining.id, 'existing'),
    edge(guleiPetro.id, 'PRODUCES', ethylene.id, 'planned'),
    edge(gulei.id, 'FOCUSES_ON', refining.id, 'planned'),
  ],
  truncated: false,
};

/** What chainGaps(product: "product:px") might say about that chain (kinds in the API's order). */
export const pxChainGaps: ChainGap[] = [
  {
    chainName: '炼油 → 合成树脂',
    chainNameEn: 'Oil refining → synthetic resin',
    link: resin,
    kinds: ['uncovered'],
    explanation: 'Nothing in Fujian makes synthetic resin.',
    coverage: [],
    evidence: [],
    partners: [],
  },
  {
    chainName: '对二甲苯（PX） → 精对苯二甲酸（PTA）',
    chainNameEn: 'PX → PTA',
    link: pta,
    kinds: ['taiwan-only', 'planned-only'],
    explanation: 'Only a planned Taiwan-invested project makes PTA.',
    coverage: [{ entity: xianglu, taiwanInvested: true, status: 'planned' }],
    evidence: [],
    partners: [],
  },
];

/** A park with more neighbours than an expansion shows at once. */
export function starAround(centre: EntitySummary, count: number): Subgraph {
  const nodes = [centre];
  const edges: EdgeSummary[] = [];
  for (let i = 0; i < count; i++) {
    const n = entity(`enterprise:firm-${i}`, 'Enterprise', `企业${i}`, `Firm ${i}`, { degree: count - i });
    nodes.push(n);
    edges.push(edge(n.id, 'ANCHORS', centre.id, i % 3 === 0 ? 'planned' : 'existing'));
  }
  return { nodes, edges, truncated: false };
}
