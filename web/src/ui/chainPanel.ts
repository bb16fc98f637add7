// The chain tool: a product, a direction and a depth, and for the chain on the canvas its gaps (补链), each
// with why it is one, what covers it, who could fill it (the API's gapPartners) and the passages that say so.
import type { ExplorerController } from '../explorer/controller.ts';
import { DEFAULT_CHAIN_DEPTH } from '../explorer/viewState.ts';
import { displayName, list, statusName, t, type Lang, type MessageKey } from '../i18n/index.ts';
import type { ChainDirection, ChainGap, EntitySummary } from '../model.ts';
import { passageItem } from './details.ts';
import { h, render } from './dom.ts';
import { EntityPicker } from './search.ts';

export class ChainPanel {
  readonly element = h('div', { class: 'analysis chain-panel' });
  private readonly picker: EntityPicker;
  private direction: ChainDirection = 'BOTH';
  private depth = DEFAULT_CHAIN_DEPTH;

  constructor(private readonly controller: ExplorerController) {
    this.picker = new EntityPicker({
      id: 'chain-product',
      label: (lang) => t(lang, 'product'),
      placeholder: (lang) => t(lang, 'productPlaceholder'),
      search: (query, signal) => controller.search(query, signal, ['Product']),
      keepValue: true,
      onPick: () => this.submit(),
    });
    controller.on('chain', () => {
      const chain = controller.chain;
      if (chain) this.set(chain.product, chain.direction, chain.depth);
      this.render();
    });
    controller.on('tool', (tool, selected) => {
      if (tool !== 'chain') return;
      if (selected?.type === 'Product' && !this.picker.value) {
        this.set(selected, 'BOTH', DEFAULT_CHAIN_DEPTH);
        this.render();
      }
      this.picker.focus();
    });
    for (const event of ['language', 'limits'] as const) controller.on(event, () => this.render());
    this.render();
  }

  private set(product: EntitySummary | null, direction: ChainDirection, depth: number): void {
    if (product) this.picker.setValue(product);
    this.direction = direction;
    this.depth = depth;
  }

  private submit(): void {
    const product = this.picker.value;
    if (product) void this.controller.showChain(product.id, this.direction, this.depth);
    else this.picker.focus();
  }

  private render(): void {
    const lang = this.controller.lang;
    const chain = this.controller.chain;
    this.picker.setLanguage(lang);
    const dirButton = (value: ChainDirection, key: 'upstream' | 'downstream' | 'both') =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': this.direction === value ? 'true' : 'false',
          onclick: () => {
            this.direction = value;
            this.render();
            if (this.picker.value) this.submit();
          },
        },
        t(lang, key),
      );
    const depth = h(
      'select',
      { 'aria-label': t(lang, 'depth') },
      // as deep as the API allows (until its limits arrive, the depth chosen)
      Array.from({ length: this.controller.limits?.supplyChainDepth ?? this.depth }, (_, i) =>
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
      chain?.truncated
        ? h(
            'p',
            { class: 'hint chain-truncated' },
            t(lang, chain.more ? 'chainTruncated' : 'chainTruncatedMost', { entities: chain.entities }),
            chain.more
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'data-action': 'chain-more',
                    onclick: () => void this.controller.showMoreChain(),
                  },
                  t(lang, 'showMore'),
                )
              : null,
          )
        : null,
      chain?.gapsPending ? h('p', { class: 'hint', role: 'status' }, t(lang, 'chainGapsPending')) : null,
      chain?.gapsCut ? h('p', { class: 'hint gaps-cut', role: 'status' }, chain.gapsCut) : null,
      chain && !chain.gapsPending ? this.renderGaps(lang, chain.gaps, chain.products) : null,
    );
  }

  private renderGaps(lang: Lang, gaps: readonly ChainGap[], products: number): HTMLElement[] {
    const title = h('h2', {}, `${t(lang, 'chainGaps')} (${gaps.length})`);
    const summary = h('p', { class: 'hint' }, t(lang, 'chainSummary', { products, gaps: gaps.length }));
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
              { class: 'link', type: 'button', onclick: () => this.controller.focus(gap.link.id) },
              h('strong', {}, displayName(gap.link, lang)),
            ),
            h('div', { class: 'why' }, gap.kinds.map((k) => t(lang, `gap.${k}`)).join(' · ')),
            h('p', { class: 'hint gap-explanation' }, gap.explanation),
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
            gap.partners.length > 0
              ? h(
                  'details',
                  { class: 'partners', open: true },
                  h('summary', {}, `${t(lang, 'partnersTitle')} (${gap.partners.length})`),
                  h(
                    'ol',
                    { class: 'partner-list' },
                    gap.partners.map((p) =>
                      h(
                        'li',
                        { 'data-partner': p.entity.id, title: p.explanation },
                        h(
                          'button',
                          {
                            class: 'link',
                            type: 'button',
                            onclick: () => void this.controller.open(p.entity.id, { expand: false }),
                          },
                          displayName(p.entity, lang),
                        ),
                        `${p.taiwanSide ? t(lang, 'taiwanInvested') : ''} · `,
                        list(
                          lang,
                          [...new Set(p.reasons)].map((r) => t(lang, `reason.${r}` as MessageKey)),
                        ),
                      ),
                    ),
                  ),
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
                      passageItem(p, [gap.link.name, ...gap.link.aliases], lang, this.context),
                    ),
                  ),
                )
              : null,
          ),
        ),
      ),
    ];
  }

  private readonly context = { context: (id: string) => this.controller.passageContext(id) };
}
