// Words of the interface in Chinese and English: entity and relation types, statuses and the UI's own
// text. Labels of nodes follow the same switch (name or nameEn). Unknown types fall back to their code.
import type { Lang, RelationStatus } from './model.ts';

type Pair = readonly [zh: string, en: string];

const ENTITY_TYPE_NAMES: Record<string, Pair> = {
  Region: ['地区', 'Region'],
  Park: ['园区', 'Park'],
  Sector: ['产业', 'Sector'],
  Product: ['产品', 'Product'],
  Enterprise: ['企业', 'Enterprise'],
  Project: ['项目', 'Project'],
  Association: ['协会', 'Association'],
  Agency: ['机构', 'Agency'],
  Policy: ['政策', 'Policy'],
  Measure: ['措施', 'Measure'],
  Event: ['展会', 'Event'],
  Indicator: ['指标', 'Indicator'],
  Document: ['文件', 'Document'],
};

const RELATION_TYPE_NAMES: Record<string, Pair> = {
  LOCATED_IN: ['位于', 'located in'],
  PART_OF: ['隶属', 'part of'],
  FOCUSES_ON: ['重点发展', 'focuses on'],
  IN_SECTOR: ['属于产业', 'in sector'],
  PRODUCES: ['生产', 'produces'],
  INPUT_TO: ['供给', 'input to'],
  SUPPORTS: ['配套', 'supports'],
  COOPERATES_WITH: ['合作', 'cooperates with'],
  PARTNERS_WITH: ['伙伴', 'partners with'],
  INVESTS_IN: ['投资', 'invests in'],
  OWNS: ['拥有', 'owns'],
  ANCHORS: ['龙头带动', 'anchors'],
  TARGETS: ['目标', 'targets'],
  APPLIES_TO: ['适用于', 'applies to'],
  BASED_ON: ['依据', 'based on'],
  MEASURES: ['衡量', 'measures'],
  HOSTS: ['承载', 'hosts'],
  COUNTERPART_OF: ['对接', 'counterpart of'],
};

const STATUS_NAMES: Record<RelationStatus, Pair> = {
  existing: ['已有', 'existing'],
  planned: ['规划', 'planned'],
  sought: ['争取', 'sought'],
};

const UI = {
  title: ['闽台产业合作图谱', 'Fujian–Taiwan cooperation graph'],
  subtitle: [
    '“十二五”海峡两岸产业合作基地专项规划',
    'Cross-strait industrial cooperation base plan, 2011–2015',
  ],
  searchPlaceholder: [
    '搜索企业、园区、产业… (中文 / English)',
    'Search firms, parks, sectors… (中文 / English)',
  ],
  searchLabel: ['搜索', 'Search'],
  noMatches: ['没有匹配的实体', 'No matching entity'],
  overview: ['五区十园', 'Zones & parks'],
  whole: ['全图', 'Whole graph'],
  overviewHint: [
    '规划的空间布局：五区（综合实验区与台商投资区）、十园（闽台合作专业园），所在地区与重点产业。',
    'The plan’s layout: five zones (comprehensive zone and Taiwan investment zones), ten specialised parks, their regions and focus sectors.',
  ],
  chain: ['产业链', 'Supply chain'],
  paths: ['路径', 'Paths'],
  legend: ['图例与筛选', 'Legend & filters'],
  entityTypes: ['实体类型', 'Entity types'],
  relationTypes: ['关系类型', 'Relation types'],
  statuses: ['关系状态', 'Status'],
  layout: ['布局', 'Layout'],
  relayout: ['重新布局', 'Re-layout'],
  fit: ['适应窗口', 'Fit'],
  expand: ['展开邻居', 'Expand'],
  showMore: ['显示更多', 'Show more'],
  hide: ['隐藏', 'Hide'],
  pin: ['固定', 'Pin'],
  unpin: ['取消固定', 'Unpin'],
  undo: ['撤销', 'Undo'],
  clear: ['清空', 'Clear'],
  share: ['复制链接', 'Copy link'],
  shareDone: ['链接已复制', 'Link copied'],
  export: ['导出', 'Export'],
  language: ['EN', '中文'],
  languageTitle: ['Switch labels to English', '切换为中文标签'],
  loading: ['加载中…', 'Loading…'],
  emptyHint: [
    '画布是空的。用上方搜索框查找实体，或打开“五区十园”总览。',
    'Nothing on the canvas. Search above for an entity, or open the zones & parks overview.',
  ],
  errorPrefix: ['无法获取数据：', 'Could not load data: '],
  retry: ['重试', 'Retry'],
  dismiss: ['关闭', 'Dismiss'],
  details: ['详情', 'Details'],
  detailsHint: [
    '点击节点或连线查看详情与原文依据；双击节点展开其邻居。',
    'Click a node or an edge for its details and the plan’s own words; double-click a node to expand it.',
  ],
  type: ['类型', 'Type'],
  status: ['状态', 'Status'],
  aliases: ['别名', 'Aliases'],
  attributes: ['属性', 'Attributes'],
  caveats: ['注意', 'Caveats'],
  evidence: ['原文依据', 'Evidence in the plan'],
  policyReach: ['适用的政策与措施', 'Policies and measures that reach it'],
  noPolicyReach: ['没有政策或措施直接或间接适用', 'No policy or measure reaches it'],
  readSection: ['阅读本节', 'Read the section'],
  closeSection: ['收起', 'Close'],
  relations: ['关系', 'Relations'],
  from: ['起点', 'From'],
  to: ['终点', 'To'],
  findPaths: ['查找最短路径', 'Find shortest paths'],
  maxHops: ['最多跳数', 'Max hops'],
  noPath: ['在限定跳数内没有路径', 'No path within the hop limit'],
  hop: ['步', 'hop'],
  product: ['产品', 'Product'],
  upstream: ['上游', 'Upstream'],
  downstream: ['下游', 'Downstream'],
  both: ['上下游', 'Both'],
  depth: ['深度', 'Depth'],
  showChain: ['显示产业链', 'Show chain'],
  chainGaps: ['补链缺口', 'Chain gaps'],
  gapUncovered: ['无企业或园区覆盖', 'no firm or park covers it'],
  gapTaiwanOnly: ['仅台资企业覆盖', 'covered only by Taiwan-invested firms'],
  gapPlannedOnly: ['仅有规划或争取', 'only planned or sought'],
  noGaps: ['此链没有缺口', 'No gaps on this chain'],
  nodesShown: ['个节点', 'nodes'],
  edgesShown: ['条关系', 'edges'],
  hiddenByFilter: ['被筛选隐藏', 'hidden by filters'],
  moreNeighbours: ['个未显示的邻居', 'more neighbours not shown'],
  taiwanOrigin: ['台资', 'Taiwan-invested'],
  pinned: ['已固定', 'pinned'],
  choose: ['选择…', 'Choose…'],
  useSelection: ['用当前选中', 'Use selection'],
  close: ['关闭', 'Close'],
  sizeByDegree: ['节点大小 = 关系数', 'Node size = number of relations'],
  menu: ['面板', 'Panels'],
} as const satisfies Record<string, Pair>;

export type UiKey = keyof typeof UI;

export function t(lang: Lang, key: UiKey): string {
  return UI[key][lang === 'zh' ? 0 : 1];
}

export function entityTypeName(lang: Lang, type: string): string {
  const pair = ENTITY_TYPE_NAMES[type];
  return pair ? pair[lang === 'zh' ? 0 : 1] : type;
}

export function relationTypeName(lang: Lang, type: string): string {
  const pair = RELATION_TYPE_NAMES[type];
  return pair ? pair[lang === 'zh' ? 0 : 1] : type.toLowerCase().replaceAll('_', ' ');
}

export function statusName(lang: Lang, status: RelationStatus): string {
  return STATUS_NAMES[status][lang === 'zh' ? 0 : 1];
}

/** Known types in the order the legend lists them; types the API adds later follow, alphabetically. */
export const ENTITY_TYPE_ORDER = Object.keys(ENTITY_TYPE_NAMES);
export const RELATION_TYPE_ORDER = Object.keys(RELATION_TYPE_NAMES);
