// The caption beside the toolbar: which view the canvas shows (五区十园, the whole graph, whose chain, which
// paths) and whether it is on the map, with a hint on how to read it.
import type { ExplorerController } from '../explorer/controller.ts';
import { displayName, list, t } from '../i18n/index.ts';
import { h } from './dom.ts';

export class Caption {
  readonly element = h('div', { class: 'view-caption', 'aria-live': 'polite', id: 'view-caption' });

  constructor(private readonly controller: ExplorerController) {
    for (const event of ['change', 'language', 'stats'] as const) controller.on(event, () => this.render());
    this.render();
  }

  private render(): void {
    const { controller } = this;
    const lang = controller.lang;
    const base = controller.baseView;
    const name = (id: string) => {
      const entity = controller.canvas.entity(id);
      return entity ? displayName(entity, lang) : id;
    };
    let text = '';
    let hint = '';
    if (base.kind === 'overview') {
      text = t(lang, 'captionOverview');
      hint = t(lang, 'overviewHint');
    } else if (base.kind === 'chain') {
      text = t(lang, 'captionChain', { product: name(base.product) });
      hint = t(lang, 'captionChainHint');
    } else if (base.kind === 'map') {
      text = t(lang, 'captionMapView');
    } else if (base.kind === 'whole') {
      text = controller.wholeGraphCut
        ? t(lang, 'captionWholePart', {
            shown: controller.canvas.counts().nodes,
            entities: controller.stats?.entities ?? '?',
          })
        : t(lang, 'captionWhole');
    } else if (base.kind === 'paths') {
      text = t(lang, 'captionPaths', { from: name(base.from), to: name(base.to) });
    } else if (base.kind === 'impact') {
      text = t(lang, 'captionImpact', { list: list(lang, base.entities.map(name)) });
    } else if (base.kind === 'roles') {
      text = t(lang, 'captionRoles');
    }
    if (controller.canvas.layoutName === 'map') {
      if (base.kind !== 'map') text = text ? `${text} · ${t(lang, 'layout.map')}` : t(lang, 'layout.map');
      hint = t(lang, 'captionMap');
    }
    this.element.textContent = text;
    this.element.title = hint;
  }
}
