// The two analysis panels: a product's supply chain (direction, depth, and the chain gaps with their
// reasons and passages), and the path finder (two entities, a hop limit, and each shortest path hop by hop
// with the passage that states it).
import {
  DEFAULT_LANG,
  displayName,
  list,
  relationTypeName,
  statusName,
  t,
  type Lang,
} from '../i18n/index.ts';
import {
  statusOf,
  type ChainDirection,
  type ChainGap,
  type EntitySummary,
  type GapKind,
  type Passage,
  type PathWithEvidence,
  type SearchHit,
} from '../model.ts';
import { h, render } from './dom.ts';
import { passageItem } from './details.ts';
import { typeIcon } from './legend.ts';
import { EntityPicker } from './search.ts';

export function gapKindName(kind: GapKind, lang: Lang): string {
  return t(lang, `gap.${kind}`);
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
  private lang: Lang = DEFAULT_LANG;
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
      placeholder: (lang) => t(lang, 'productPlaceholder'),
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
      h('p', { class: 'hint' }, t(lang, 'chainHint')),
      h('div', { class: 'field' }, h('span', {}, t(lang, 'product')), this.picker.element),
      h(
        'div',
        { class: 'field' },
        h('span', {}, t(lang, 'direction')),
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
      t(lang, 'chainSummary', { products: this.chainSize, gaps: gaps.length }),
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
                  t(lang, 'coveredBy', {
                    list: list(
                      lang,
                      gap.coverage.map(
                        (c) =>
                          `${displayName(c.entity, lang)}${c.taiwanInvested ? t(lang, 'taiwanInvested') : ''} · ${statusName(lang, c.status)}`,
                      ),
                      'list.separatorStrong',
                    ),
                  }),
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
  private lang: Lang = DEFAULT_LANG;
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
        placeholder: (lang) => t(lang, key === 'from' ? 'fromPlaceholder' : 'toPlaceholder'),
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
      h('p', { class: 'hint' }, t(lang, 'pathsHint')),
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
              t(lang, 'pathItem', { n: index + 1, count: path.length }),
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
