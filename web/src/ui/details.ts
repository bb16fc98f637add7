// The details panel: for an entity, its names, type, attributes, caveats, the plan's passages that state it
// (section path, cited words highlighted, and the surrounding section on demand) and its relations; for a
// relation, its type, status, both ends, caveats and evidence; and the policies that reach an entity.
import { entityTypeName, relationTypeName, statusName, t } from '../i18n.ts';
import {
  statusOf,
  type EdgeDetails,
  type EntityRecord,
  type Lang,
  type Passage,
  type PolicyReachItem,
  type RelationItem,
} from '../model.ts';
import { isTaiwanSide } from '../canvas/elements.ts';
import { h, render } from './dom.ts';
import { highlighted } from './highlight.ts';
import { lineIcon, typeIcon } from './legend.ts';
import { displayName } from './search.ts';

export interface DetailsActions {
  expand(id: string): void;
  showMore(id: string): void;
  hide(id: string): void;
  pin(id: string): void;
  chain(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** put an entity on the canvas (if needed) and select it */
  open(id: string): void;
  context(passageId: string): Promise<Passage[]>;
}

export interface NodeDetailsState {
  readonly onCanvas: boolean;
  readonly pinned: boolean;
  readonly remaining: number;
}

const ATTRIBUTE_NAMES: Record<string, readonly [string, string]> = {
  kind: ['类别', 'Kind'],
  areaKm2: ['面积 (km²)', 'Area (km²)'],
  level: ['级别', 'Level'],
  origin: ['资本来源', 'Origin'],
  capacity: ['产能', 'Capacity'],
  unit: ['单位', 'Unit'],
  projectStatus: ['项目状态', 'Project status'],
  side: ['所属方', 'Side'],
  issuer: ['发布机构', 'Issuer'],
  baseYear: ['基准年', 'Base year'],
  period: ['期间', 'Period'],
  value: ['数值', 'Value'],
  year: ['年份', 'Year'],
  subject: ['统计对象', 'Subject'],
  city: ['城市', 'City'],
  documentId: ['文件编号', 'Document id'],
  published: ['发布日期', 'Published'],
  share: ['股份', 'Share'],
};

export function renderEntityDetails(
  container: HTMLElement,
  record: EntityRecord,
  state: NodeDetailsState,
  lang: Lang,
  actions: DetailsActions,
): void {
  const names = [record.name, ...record.aliases];
  const attributes = record.attributes.filter((a) => a.key !== 'status');
  render(
    container,
    h(
      'div',
      { class: 'entity-head', 'data-entity': record.id },
      h(
        'div',
        { class: 'chips' },
        h('span', { class: 'chip' }, typeIcon(record.type), entityTypeName(lang, record.type)),
        isTaiwanSide(record) ? h('span', { class: 'chip taiwan' }, t(lang, 'taiwanOrigin')) : null,
        state.pinned ? h('span', { class: 'chip' }, t(lang, 'pinned')) : null,
      ),
      // The name in the language of the labels first, the other one under it.
      h(
        'h2',
        { class: 'entity-name', lang: lang === 'en' ? 'en' : 'zh-Hans' },
        lang === 'en' ? record.nameEn : record.name,
      ),
      h(
        'p',
        { class: 'entity-name-other', lang: lang === 'en' ? 'zh-Hans' : 'en' },
        lang === 'en' ? record.name : record.nameEn,
      ),
      record.aliases.length > 0
        ? h('p', { class: 'hint' }, `${t(lang, 'aliases')}：${record.aliases.join('、')}`)
        : null,
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'secondary',
          type: 'button',
          onclick: () => actions.expand(record.id),
          'data-action': 'expand',
        },
        t(lang, 'expand'),
      ),
      state.remaining > 0 && state.onCanvas
        ? h(
            'button',
            {
              class: 'secondary',
              type: 'button',
              onclick: () => actions.showMore(record.id),
              'data-action': 'more',
            },
            `${t(lang, 'showMore')} (${state.remaining})`,
          )
        : null,
      state.onCanvas
        ? h(
            'button',
            { class: 'secondary', type: 'button', onclick: () => actions.pin(record.id) },
            state.pinned ? t(lang, 'unpin') : t(lang, 'pin'),
          )
        : null,
      state.onCanvas
        ? h(
            'button',
            { class: 'secondary', type: 'button', onclick: () => actions.hide(record.id) },
            t(lang, 'hide'),
          )
        : null,
      record.type === 'Product'
        ? h(
            'button',
            {
              class: 'secondary',
              type: 'button',
              onclick: () => actions.chain(record.id),
              'data-action': 'chain',
            },
            t(lang, 'showChain'),
          )
        : null,
      h(
        'button',
        {
          class: 'secondary',
          type: 'button',
          onclick: () => actions.pathFrom(record.id),
          title: t(lang, 'paths'),
        },
        `${t(lang, 'from')} →`,
      ),
      h(
        'button',
        {
          class: 'secondary',
          type: 'button',
          onclick: () => actions.pathTo(record.id),
          title: t(lang, 'paths'),
        },
        `→ ${t(lang, 'to')}`,
      ),
    ),
    attributes.length > 0
      ? [
          h('h2', {}, t(lang, 'attributes')),
          h(
            'dl',
            { class: 'props' },
            attributes.map((a) => [
              h('dt', {}, attributeName(a.key, lang)),
              h('dd', { 'data-key': a.key, title: a.value }, attributeValue(a.key, a.value, lang)),
            ]),
            h('dt', {}, t(lang, 'relations')),
            h('dd', {}, String(record.relationCount)),
          ),
        ]
      : null,
    record.caveats.length > 0
      ? [
          h('h2', {}, t(lang, 'caveats')),
          h(
            'ul',
            { class: 'caveats' },
            record.caveats.map((c) => h('li', { lang: 'en' }, c)),
          ),
        ]
      : null,
    h('h2', {}, `${t(lang, 'evidence')} (${record.evidence.length})`),
    evidenceList(record.evidence, names, lang, actions),
    h('h2', {}, `${t(lang, 'relations')} (${record.relationCount})`),
    relationList(record.relations, record.relationCount, lang, actions),
  );
}

export function renderEdgeDetails(
  container: HTMLElement,
  edge: EdgeDetails,
  lang: Lang,
  actions: DetailsActions,
): void {
  const status = statusOf(edge);
  const names = [
    edge.sourceEntity.name,
    edge.targetEntity.name,
    ...edge.sourceEntity.aliases,
    ...edge.targetEntity.aliases,
  ];
  const other = edge.attributes.filter((a) => a.key !== 'status');
  render(
    container,
    h(
      'div',
      { class: 'entity-head', 'data-edge': edge.id },
      h(
        'div',
        { class: 'chips' },
        h('span', { class: 'chip' }, relationTypeName(lang, edge.type), h('code', {}, edge.type)),
        h('span', { class: `chip status-${status}` }, lineIcon(status, '#5f6b76'), statusName(lang, status)),
      ),
      h(
        'h2',
        { class: 'entity-name' },
        h(
          'button',
          { class: 'link', type: 'button', onclick: () => actions.open(edge.source) },
          displayName(edge.sourceEntity, lang),
        ),
        ` → `,
        h(
          'button',
          { class: 'link', type: 'button', onclick: () => actions.open(edge.target) },
          displayName(edge.targetEntity, lang),
        ),
      ),
      h(
        'p',
        { class: 'entity-name-other' },
        `${displayName(edge.sourceEntity, lang === 'zh' ? 'en' : 'zh')} ${relationTypeName('en', edge.type)} ${displayName(edge.targetEntity, lang === 'zh' ? 'en' : 'zh')}`,
      ),
    ),
    other.length > 0
      ? h(
          'dl',
          { class: 'props' },
          other.map((a) => [
            h('dt', {}, attributeName(a.key, lang)),
            h('dd', {}, attributeValue(a.key, a.value, lang)),
          ]),
        )
      : null,
    edge.caveats.length > 0
      ? [
          h('h2', {}, t(lang, 'caveats')),
          h(
            'ul',
            { class: 'caveats' },
            edge.caveats.map((c) => h('li', { lang: 'en' }, c)),
          ),
        ]
      : null,
    h('h2', {}, `${t(lang, 'evidence')} (${edge.evidence.length})`),
    evidenceList(edge.evidence, names, lang, actions),
  );
}

function attributeName(key: string, lang: Lang): string {
  const pair = ATTRIBUTE_NAMES[key];
  return pair ? pair[lang === 'zh' ? 0 : 1] : key;
}

const VALUE_NAMES: Record<string, readonly [string, string]> = {
  'comprehensive-zone': ['综合实验区', 'comprehensive zone'],
  'taiwan-investment-zone': ['台商投资区', 'Taiwan investment zone'],
  'specialised-park': ['专业园区', 'specialised park'],
  'sub-area': ['片区 / 组团', 'sub-area'],
  'farmer-park': ['台湾农民创业园', 'farmer entrepreneurship park'],
  'software-park': ['软件园', 'software park'],
  'port-area': ['港区', 'port area'],
  'industrial-park': ['工业园', 'industrial park'],
  base: ['基地', 'base'],
  centre: ['中心', 'centre'],
  taiwan: ['台湾 / 台资', 'Taiwan'],
  mainland: ['大陆', 'mainland'],
  foreign: ['外资', 'foreign'],
  'cross-strait': ['两岸', 'cross-strait'],
  unknown: ['未说明', 'not stated'],
  national: ['国家级', 'national'],
  provincial: ['省级', 'provincial'],
  province: ['省', 'province'],
  city: ['市', 'city'],
  county: ['县', 'county'],
  district: ['区', 'district'],
  town: ['镇', 'town'],
  island: ['岛', 'island'],
  'taiwan-place': ['台湾地区', 'place in Taiwan'],
  area: ['区域', 'area'],
  existing: ['已有', 'existing'],
  'under-construction': ['在建', 'under construction'],
  preparatory: ['前期', 'preparatory'],
  planned: ['规划', 'planned'],
  actual: ['实际', 'actual'],
  target: ['目标', 'target'],
};

function attributeValue(key: string, value: string, lang: Lang): string {
  if (key === 'share') {
    const share = Number(value);
    return Number.isFinite(share) && share <= 1 ? `${Math.round(share * 1000) / 10}%` : value;
  }
  const pair = VALUE_NAMES[value];
  return pair ? pair[lang === 'zh' ? 0 : 1] : value;
}

/** Passages with their section path, the cited words marked, and the section around them on demand. */
export function evidenceList(
  passages: readonly Passage[],
  names: readonly string[],
  lang: Lang,
  actions: Pick<DetailsActions, 'context'>,
): HTMLElement {
  if (passages.length === 0) return h('p', { class: 'hint' }, '—');
  return h(
    'ol',
    { class: 'evidence' },
    passages.map((p) => passageItem(p, names, lang, actions)),
  );
}

export function passageItem(
  passage: Passage,
  names: readonly string[],
  lang: Lang,
  actions: Pick<DetailsActions, 'context'>,
): HTMLElement {
  const needles = passage.quote ? [passage.quote] : names;
  const context = h('div', { class: 'context', hidden: true });
  const toggle = h(
    'button',
    { class: 'link', type: 'button', 'aria-expanded': 'false', 'data-action': 'read-section' },
    t(lang, 'readSection'),
  );
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    if (open) {
      context.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = t(lang, 'readSection');
      return;
    }
    toggle.disabled = true;
    try {
      const around = await actions.context(passage.id);
      renderContext(context, around, passage, needles);
      context.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = t(lang, 'closeSection');
      context.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
    } finally {
      toggle.disabled = false;
    }
  });
  return h(
    'li',
    { class: 'passage', 'data-passage': passage.id },
    h('div', { class: 'section-path' }, passage.section.replaceAll(' › ', ' › ')),
    h('p', { class: 'passage-text', lang: 'zh-Hans' }, highlighted(passage.text, needles)),
    toggle,
    context,
  );
}

function renderContext(
  container: HTMLElement,
  around: readonly Passage[],
  current: Passage,
  needles: readonly string[],
): void {
  let section = '';
  const parts: HTMLElement[] = [];
  for (const p of around) {
    if (p.section !== section) {
      section = p.section;
      parts.push(h('div', { class: 'heading' }, p.section));
    }
    const isCurrent = p.id === current.id;
    if (p.kind === 'heading' && !isCurrent) continue;
    parts.push(
      h(
        'p',
        { class: isCurrent ? 'current' : '', lang: 'zh-Hans' },
        isCurrent ? highlighted(p.text, needles) : p.text,
      ),
    );
  }
  render(container, parts);
}

function relationList(
  relations: readonly RelationItem[],
  total: number,
  lang: Lang,
  actions: DetailsActions,
): HTMLElement {
  const groups = new Map<string, RelationItem[]>();
  for (const r of relations) {
    const key = `${r.edge.type}|${r.direction}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return h(
    'ul',
    { class: 'relations' },
    [...groups.entries()].map(([key, items]) => {
      const [type = '', direction] = key.split('|');
      const title =
        direction === 'OUT' ? `${relationTypeName(lang, type)} →` : `← ${relationTypeName(lang, type)}`;
      return h(
        'li',
        {},
        h('div', { class: 'group-title' }, `${title} (${items.length})`),
        h(
          'ul',
          {},
          items.map((r) => {
            const status = statusOf(r.edge);
            return h(
              'li',
              {},
              typeIcon(r.neighbor.type),
              h(
                'button',
                {
                  class: 'link',
                  type: 'button',
                  onclick: () => actions.open(r.neighbor.id),
                  'data-open': r.neighbor.id,
                },
                displayName(r.neighbor, lang),
              ),
              status !== 'existing' ? h('span', { class: 'status' }, statusName(lang, status)) : null,
            );
          }),
        ),
      );
    }),
    total > relations.length ? h('li', { class: 'hint' }, `… ${total - relations.length}`) : null,
  );
}

const VIA: Record<string, readonly [string, string]> = {
  DIRECT: ['直接适用', 'directly'],
  PARK: ['经由所在园区', 'through its park'],
  SECTOR: ['经由所属产业', 'through its sector'],
  REGION: ['经由所在地区', 'through its region'],
  OTHER: ['经由其他关系', 'through another entity'],
};

/**
 * The policies and measures reaching an entity, closest first, each listed once (with how many ways it
 * reaches); each opens as a path with its evidence.
 */
export function renderPolicyReach(
  section: HTMLElement,
  items: readonly PolicyReachItem[],
  lang: Lang,
  show: (item: PolicyReachItem) => void,
): void {
  const byPolicy = new Map<string, PolicyReachItem[]>();
  for (const item of items) byPolicy.set(item.policy.id, [...(byPolicy.get(item.policy.id) ?? []), item]);
  section.removeAttribute('aria-busy');
  render(
    section,
    h('h2', {}, `${t(lang, 'policyReach')} (${byPolicy.size})`),
    byPolicy.size === 0
      ? h('p', { class: 'hint' }, t(lang, 'noPolicyReach'))
      : h(
          'ol',
          { class: 'reach-list' },
          [...byPolicy.values()].map((ways) => {
            const item = ways[0] as PolicyReachItem;
            const via = (VIA[item.via] ?? [item.via, item.via])[lang === 'zh' ? 0 : 1];
            const hops = `${item.path.length} ${lang === 'zh' ? '步' : item.path.length === 1 ? 'hop' : 'hops'}`;
            const more =
              ways.length > 1
                ? lang === 'zh'
                  ? ` · 共 ${ways.length} 种途径`
                  : ` · ${ways.length} ways`
                : '';
            return h(
              'li',
              { 'data-policy': item.policy.id },
              typeIcon(item.policy.type),
              h(
                'div',
                {},
                h(
                  'button',
                  { class: 'link', type: 'button', onclick: () => show(item), title: item.explanation },
                  displayName(item.policy, lang),
                ),
                h('div', { class: 'hint' }, `${via} · ${hops} · ${statusName(lang, item.status)}${more}`),
              ),
            );
          }),
        ),
  );
}
