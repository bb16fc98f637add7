// The two analysis panels: a product's supply chain (direction, depth, and the chain gaps with their
// reasons and passages), and the path finder (two entities, a hop limit, and each shortest path hop by hop
// with the passage that states it).
import { relationTypeName, statusName, t } from '../i18n.ts';
import {
  statusOf,
  type ChainDirection,
  type ChainGap,
  type EntitySummary,
  type GapKind,
  type Lang,
  type Passage,
  type PathWithEvidence,
  type SearchHit,
} from '../model.ts';
import { h, render } from './dom.ts';
import { passageItem } from './details.ts';
import { typeIcon } from './legend.ts';
import { displayName, EntityPicker } from './search.ts';

const GAP_NAMES: Record<GapKind, readonly [string, string]> = {
  uncovered: ['无企业、项目或园区覆盖', 'nothing in Fujian covers it'],
  'no-enterprise': ['有园区规划，但无企业生产', 'parks focus on it, no firm makes it'],
  'planned-only': ['仅有规划或争取', 'only planned or sought'],
  'taiwan-only': ['仅台资企业覆盖', 'covered only by Taiwan-invested firms'],
};

export function gapKindName(kind: GapKind, lang: Lang): string {
  return GAP_NAMES[kind][lang === 'zh' ? 0 : 1];
}

export interface ChainPanelActions {
  show(product: EntitySummary, direction: ChainDirection, depth: number): void;
  focus(id: string): void;
  context(passageId: string): Promise<Passage[]>;
}

export class ChainPanel {
  readonly element: HTMLElement;
  readonly picker: EntityPicker;
  private direction: ChainDirection = 'BOTH';
  private depth = 6;
  private lang: Lang = 'zh';
  private gaps: readonly ChainGap[] | null = null;
  private chainSize = 0;

  constructor(
    search: (query: string, signal: AbortSignal) => Promise<SearchHit[]>,
    private readonly actions: ChainPanelActions,
  ) {
    this.element = h('div', { class: 'analysis chain-panel' });
    this.picker = new EntityPicker({
      id: 'chain-product',
      label: (lang) => t(lang, 'product'),
      placeholder: (lang) =>
        lang === 'zh' ? '产品，如 对二甲苯、液晶面板' : 'A product, e.g. PX, LCD panel',
      search,
      keepValue: true,
      onPick: () => this.submit(),
    });
  }

  set(product: EntitySummary | null, direction: ChainDirection, depth: number): void {
    if (product) this.picker.setValue(product);
    this.direction = direction;
    this.depth = depth;
  }

  setResult(gaps: readonly ChainGap[] | null, chainSize: number): void {
    this.gaps = gaps;
    this.chainSize = chainSize;
    this.render(this.lang);
  }

  private submit(): void {
    const product = this.picker.value;
    if (product) this.actions.show(product, this.direction, this.depth);
    else this.picker.focus();
  }

  render(lang: Lang): void {
    this.lang = lang;
    this.picker.setLanguage(lang);
    const dirButton = (value: ChainDirection, key: 'upstream' | 'downstream' | 'both') =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': this.direction === value ? 'true' : 'false',
          onclick: () => {
            this.direction = value;
            this.render(this.lang);
            if (this.picker.value) this.submit();
          },
        },
        t(lang, key),
      );
    const depth = h(
      'select',
      { 'aria-label': t(lang, 'depth') },
      Array.from({ length: 10 }, (_, i) =>
        h('option', { value: i + 1, selected: i + 1 === this.depth }, String(i + 1)),
      ),
    );
    depth.addEventListener('change', () => {
      this.depth = Number(depth.value);
      if (this.picker.value) this.submit();
    });
    render(
      this.element,
      h(
        'p',
        { class: 'hint' },
        lang === 'zh'
          ? '沿“供给”关系看一个产品的上下游，以及每一环由哪些园区、企业覆盖；红圈为补链缺口。'
          : 'Follow a product up and down its supply chain (input to), with the parks and firms at each link; red rings mark chain gaps.',
      ),
      h('div', { class: 'field' }, h('span', {}, t(lang, 'product')), this.picker.element),
      h(
        'div',
        { class: 'field' },
        h('span', {}, lang === 'zh' ? '方向' : 'Direction'),
        h(
          'div',
          { class: 'segmented' },
          dirButton('UPSTREAM', 'upstream'),
          dirButton('DOWNSTREAM', 'downstream'),
          dirButton('BOTH', 'both'),
        ),
      ),
      h('label', { class: 'field' }, h('span', {}, t(lang, 'depth')), depth),
      h(
        'button',
        { class: 'primary', type: 'button', onclick: () => this.submit(), 'data-action': 'show-chain' },
        t(lang, 'showChain'),
      ),
      this.gaps ? this.renderGaps(lang, this.gaps) : null,
    );
  }

  private renderGaps(lang: Lang, gaps: readonly ChainGap[]): HTMLElement[] {
    const title = h('h2', {}, `${t(lang, 'chainGaps')} (${gaps.length})`);
    const summary = h(
      'p',
      { class: 'hint' },
      lang === 'zh'
        ? `链上 ${this.chainSize} 个产品，${gaps.length} 个缺口。`
        : `${this.chainSize} products on the chain, ${gaps.length} gaps.`,
    );
    if (gaps.length === 0) return [title, summary, h('p', { class: 'hint' }, t(lang, 'noGaps'))];
    return [
      title,
      summary,
      h(
        'ol',
        { class: 'gap-list' },
        gaps.map((gap) =>
          h(
            'li',
            { class: 'gap-item', 'data-gap': gap.link.id },
            h(
              'button',
              { class: 'link', type: 'button', onclick: () => this.actions.focus(gap.link.id) },
              h('strong', {}, displayName(gap.link, lang)),
            ),
            h('div', { class: 'why' }, gap.kinds.map((k) => gapKindName(k, lang)).join(' · ')),
            h('p', { class: 'hint', lang: 'en' }, gap.explanation),
            gap.coverage.length > 0
              ? h(
                  'p',
                  { class: 'hint' },
                  `${lang === 'zh' ? '覆盖' : 'Covered by'}：`,
                  gap.coverage
                    .map(
                      (c) =>
                        `${displayName(c.entity, lang)}${c.taiwanInvested ? (lang === 'zh' ? '（台资）' : ' (Taiwan)') : ''} · ${statusName(lang, c.status)}`,
                    )
                    .join('；'),
                )
              : null,
            gap.evidence.length > 0
              ? h(
                  'details',
                  {},
                  h('summary', {}, `${t(lang, 'evidence')} (${gap.evidence.length})`),
                  h(
                    'ol',
                    { class: 'evidence' },
                    gap.evidence.map((p) =>
                      passageItem(p, [gap.link.name, ...gap.link.aliases], lang, this.actions),
                    ),
                  ),
                )
              : null,
          ),
        ),
      ),
    ];
  }
}

export interface PathPanelActions {
  find(from: EntitySummary, to: EntitySummary, maxHops: number): void;
  highlight(index: number): void;
  focus(id: string): void;
  context(passageId: string): Promise<Passage[]>;
}

export class PathPanel {
  readonly element: HTMLElement;
  readonly fromPicker: EntityPicker;
  readonly toPicker: EntityPicker;
  private maxHops = 4;
  private lang: Lang = 'zh';
  private paths: readonly PathWithEvidence[] | null = null;
  private current = 0;

  constructor(
    search: (query: string, signal: AbortSignal) => Promise<SearchHit[]>,
    private readonly actions: PathPanelActions,
  ) {
    this.element = h('div', { class: 'analysis path-panel' });
    const picker = (id: string, key: 'from' | 'to') =>
      new EntityPicker({
        id,
        label: (lang) => t(lang, key),
        placeholder: (lang) =>
          key === 'from'
            ? lang === 'zh'
              ? '起点，如 台湾车辆同业公会'
              : 'From, e.g. a Taiwan association'
            : lang === 'zh'
              ? '终点，如 东南汽车'
              : 'To, e.g. an enterprise',
        search,
        keepValue: true,
        onPick: () => {
          if (this.fromPicker.value && this.toPicker.value) this.submit();
          else (key === 'from' ? this.toPicker : this.fromPicker).focus();
        },
      });
    this.fromPicker = picker('path-from', 'from');
    this.toPicker = picker('path-to', 'to');
  }

  set(from: EntitySummary | null, to: EntitySummary | null, maxHops?: number): void {
    if (from) this.fromPicker.setValue(from);
    if (to) this.toPicker.setValue(to);
    if (maxHops) this.maxHops = maxHops;
  }

  setResult(paths: readonly PathWithEvidence[] | null, current = 0): void {
    this.paths = paths;
    this.current = current;
    this.render(this.lang);
  }

  private submit(): void {
    const from = this.fromPicker.value;
    const to = this.toPicker.value;
    if (from && to) this.actions.find(from, to, this.maxHops);
    else (from ? this.toPicker : this.fromPicker).focus();
  }

  render(lang: Lang): void {
    this.lang = lang;
    this.fromPicker.setLanguage(lang);
    this.toPicker.setLanguage(lang);
    const hops = h(
      'select',
      { 'aria-label': t(lang, 'maxHops') },
      Array.from({ length: 6 }, (_, i) =>
        h('option', { value: i + 1, selected: i + 1 === this.maxHops }, String(i + 1)),
      ),
    );
    hops.addEventListener('change', () => {
      this.maxHops = Number(hops.value);
    });
    render(
      this.element,
      h(
        'p',
        { class: 'hint' },
        lang === 'zh'
          ? '两个实体之间最短的关系链，每一步都附原文依据。'
          : 'The shortest chains of relations between two entities, each hop with the plan’s words.',
      ),
      h('div', { class: 'field' }, h('span', {}, t(lang, 'from')), this.fromPicker.element),
      h('div', { class: 'field' }, h('span', {}, t(lang, 'to')), this.toPicker.element),
      h('label', { class: 'field' }, h('span', {}, t(lang, 'maxHops')), hops),
      h(
        'button',
        { class: 'primary', type: 'button', onclick: () => this.submit(), 'data-action': 'find-paths' },
        t(lang, 'findPaths'),
      ),
      this.paths ? this.renderPaths(lang, this.paths) : null,
    );
  }

  private renderPaths(lang: Lang, paths: readonly PathWithEvidence[]): HTMLElement[] {
    if (paths.length === 0) return [h('p', { class: 'hint', role: 'status' }, t(lang, 'noPath'))];
    return [
      h('h2', {}, `${t(lang, 'paths')} (${paths.length})`),
      h(
        'ol',
        { class: 'path-list' },
        paths.map((path, index) =>
          h(
            'li',
            {
              class: 'path-item',
              'aria-current': index === this.current ? 'true' : 'false',
              'data-path': index,
            },
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  this.current = index;
                  this.actions.highlight(index);
                  this.render(this.lang);
                },
              },
              `${lang === 'zh' ? '路径' : 'Path'} ${index + 1} · ${path.length} ${lang === 'zh' ? '步' : path.length === 1 ? 'hop' : 'hops'}`,
            ),
            index === this.current
              ? this.renderHops(lang, path)
              : h('div', { class: 'hint' }, path.nodes.map((n) => displayName(n, lang)).join(' — ')),
          ),
        ),
      ),
    ];
  }

  private renderHops(lang: Lang, path: PathWithEvidence): HTMLElement {
    return h(
      'ol',
      { class: 'hops' },
      path.edges.map((edge, i) => {
        const a = path.nodes[i];
        const b = path.nodes[i + 1];
        const forward = a?.id === edge.source;
        const status = statusOf(edge);
        const arrow = forward
          ? `—${relationTypeName(lang, edge.type)}→`
          : `←${relationTypeName(lang, edge.type)}—`;
        const names = [edge.sourceEntity.name, edge.targetEntity.name];
        return h(
          'li',
          { 'data-hop': i },
          h(
            'div',
            { class: 'hop-head' },
            a
              ? [
                  typeIcon(a.type),
                  ' ',
                  h(
                    'button',
                    { class: 'link', type: 'button', onclick: () => this.actions.focus(a.id) },
                    displayName(a, lang),
                  ),
                ]
              : null,
            ` ${arrow} `,
            b
              ? [
                  typeIcon(b.type),
                  ' ',
                  h(
                    'button',
                    { class: 'link', type: 'button', onclick: () => this.actions.focus(b.id) },
                    displayName(b, lang),
                  ),
                ]
              : null,
            status !== 'existing' ? h('span', { class: 'hint' }, ` (${statusName(lang, status)})`) : null,
          ),
          h(
            'ol',
            { class: 'evidence' },
            edge.evidence.slice(0, 2).map((p) => passageItem(p, names, lang, this.actions)),
          ),
        );
      }),
    );
  }
}
