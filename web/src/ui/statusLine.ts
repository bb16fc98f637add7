// The status line under the canvas: what is shown, what the filters hide, how big the whole graph is, and
// whether the layout is still being polished; on the map, how many entities it cannot place.
import { WHOLE_GRAPH_NODES, type ExplorerController } from '../explorer/controller.ts';
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

export class StatusLine {
  readonly element = h('div', { class: 'statusline', id: 'statusline', 'aria-live': 'polite' });

  constructor(private readonly controller: ExplorerController) {
    for (const event of ['change', 'stats', 'language'] as const) controller.on(event, () => this.render());
    this.render();
  }

  private render(): void {
    const { controller } = this;
    const lang = controller.lang;
    const counts = controller.canvas.counts();
    const hidden = counts.filteredNodes + counts.filteredEdges;
    const stats = controller.stats;
    const unplaced = controller.canvas.map?.unplaced.length ?? 0;
    this.element.textContent = [
      t(lang, 'statusShown', {
        nodes: counts.nodes - counts.filteredNodes,
        edges: counts.edges - counts.filteredEdges,
      }),
      hidden > 0 ? t(lang, 'statusFiltered', { count: hidden }) : '',
      unplaced > 0 ? t(lang, 'statusUnplaced', { count: unplaced }) : '',
      stats ? t(lang, 'statusGraph', { entities: stats.entities, relations: stats.relations }) : '',
      controller.wholeGraphCut ? t(lang, 'statusWholePart', { max: WHOLE_GRAPH_NODES }) : '',
      controller.canvas.refiningLayout ? t(lang, 'statusRefining') : '',
    ].join('');
  }
}
