// The details panel: for an entity, its names, type, attributes, caveats, the plan's passages that state it
// (section path, cited words highlighted, and the surrounding section on demand) and its relations; for a
// relation, its type, status, both ends, caveats and evidence; and the policies that reach an entity.
import {
  attributeName,
  attributeValueName,
  displayName,
  entityTypeName,
  list,
  nameIn,
  relationTypeName,
  secondLanguage,
  statusName,
  t,
  viaName,
  type Lang,
} from '../i18n/index.ts';
import {
  statusOf,
  type EdgeDetails,
  type EntityRecord,
  type Passage,
  type PolicyReachItem,
  type RelationItem,
} from '../model.ts';
import { isTaiwanSide } from '../canvas/elements.ts';
import { h, render } from './dom.ts';
import { highlighted } from './highlight.ts';
import { lineIcon, typeIcon } from './icons.ts';

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
      h('h2', { class: 'entity-name', lang }, displayName(record, lang)),
      h(
        'p',
        { class: 'entity-name-other', lang: secondLanguage(lang) },
        displayName(record, secondLanguage(lang)),
      ),
      record.aliases.length > 0
        ? h(
            'p',
            { class: 'hint' },
            t(lang, 'aliases', {
              list: list(
                lang,
                record.aliases.map((alias) => nameIn(lang, alias)),
              ),
            }),
          )
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
              h('dt', {}, attributeName(lang, a.key)),
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
            record.caveats.map((c) => h('li', {}, c)),
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
        // The relation in English between the names in the other language: the edge as a sentence.
        `${displayName(edge.sourceEntity, secondLanguage(lang))} ${relationTypeName('en', edge.type)} ${displayName(edge.targetEntity, secondLanguage(lang))}`,
      ),
    ),
    other.length > 0
      ? h(
          'dl',
          { class: 'props' },
          other.map((a) => [
            h('dt', {}, attributeName(lang, a.key)),
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
            edge.caveats.map((c) => h('li', {}, c)),
          ),
        ]
      : null,
    h('h2', {}, `${t(lang, 'evidence')} (${edge.evidence.length})`),
    evidenceList(edge.evidence, names, lang, actions),
  );
}

function attributeValue(key: string, value: string, lang: Lang): string {
  if (key === 'share') {
    const share = Number(value);
    return Number.isFinite(share) && share <= 1 ? `${Math.round(share * 1000) / 10}%` : value;
  }
  return attributeValueName(lang, value);
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
            const via = viaName(lang, item.via);
            const hops = t(lang, 'hops', { count: item.path.length });
            const more = ways.length > 1 ? t(lang, 'reachWays', { count: ways.length }) : '';
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
