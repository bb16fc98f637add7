// The legend is also the filter: one check-box per entity type (with its colour and shape), relation type
// and status (with its line), each with how many are on the canvas, what the rings and sizes mean, and the
// layout. It follows the controller's changes; a click filters or lays out through it.
import type { Filters } from '../canvas/filters.ts';
import { toggleFilter } from '../canvas/filters.ts';
import { LAYOUT_NAMES, type LayoutName } from '../canvas/layouts.ts';
import { CHAIN_EDGE_COLOR, EDGE_COLOR } from '../canvas/palette.ts';
import type { ExplorerController } from '../explorer/controller.ts';
import { entityTypeName, relationTypeName, statusName, t, type Lang } from '../i18n/index.ts';
import { ENTITY_TYPES, OUTCOMES, RELATION_TYPES, STATUSES } from '../model.ts';
import { h, render } from './dom.ts';
import { lineIcon, typeIcon } from './icons.ts';
import { outcomeBadge } from './timeline.ts';

type Dimension = 'hiddenTypes' | 'hiddenRelations' | 'hiddenStatuses';

export class Legend {
  readonly element = h('nav', { class: 'panel left', id: 'legend' });

  constructor(private readonly controller: ExplorerController) {
    for (const event of ['change', 'stats', 'language'] as const) controller.on(event, () => this.render());
    this.render();
  }

  /** Opens or closes the legend where it is a drawer (narrow windows). */
  toggle(): void {
    this.element.classList.toggle('open');
  }

  private render(): void {
    const { controller } = this;
    const cy = controller.canvas.cy;
    const count = (values: string[]) =>
      values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const filters = controller.canvas.currentFilters;
    renderLegend(
      this.element,
      {
        lang: controller.lang,
        filters,
        typeCounts: count(cy.nodes().map((n) => String(n.data('type')))),
        relationCounts: count(cy.edges().map((e) => String(e.data('type')))),
        statusCounts: count(cy.edges().map((e) => String(e.data('status')))),
        knownTypes: controller.stats?.byType.map((c) => c.type) ?? [],
        knownRelations: controller.stats?.byRelation.map((c) => c.type) ?? [],
        layout: controller.canvas.layoutName,
      },
      (dimension, value) =>
        controller.setFilters(toggleFilter(controller.canvas.currentFilters, dimension, value)),
      (name) => void controller.relayout(name),
    );
  }
}

interface LegendModel {
  readonly lang: Lang;
  readonly filters: Filters;
  /** per type / relation / status: how many are on the canvas */
  readonly typeCounts: ReadonlyMap<string, number>;
  readonly relationCounts: ReadonlyMap<string, number>;
  readonly statusCounts: ReadonlyMap<string, number>;
  /** types the whole graph holds (from stats), so filters can be set before anything is shown */
  readonly knownTypes: readonly string[];
  readonly knownRelations: readonly string[];
  readonly layout: LayoutName;
}

function renderLegend(
  container: HTMLElement,
  model: LegendModel,
  toggle: (dimension: Dimension, value: string) => void,
  layout: (name: LayoutName) => void,
): void {
  const { lang, filters } = model;
  const types = order(model.knownTypes, model.typeCounts, ENTITY_TYPES);
  const relations = order(model.knownRelations, model.relationCounts, RELATION_TYPES);

  const row = (dimension: Dimension, value: string, icon: Element, label: string, count: number) => {
    const hidden = (filters[dimension] as ReadonlySet<string>).has(value);
    const box = h('input', { type: 'checkbox', 'data-filter': `${dimension}:${value}` });
    box.checked = !hidden;
    box.addEventListener('change', () => toggle(dimension, value));
    return h(
      'li',
      {},
      h(
        'label',
        {},
        box,
        icon,
        h('span', { class: hidden ? 'off' : '' }, label),
        h('span', { class: 'count' }, count > 0 ? String(count) : ''),
      ),
    );
  };

  const layoutSelect = h(
    'select',
    { id: 'layout-select', 'aria-label': t(lang, 'layout') },
    LAYOUT_NAMES.map((name) =>
      h('option', { value: name, selected: name === model.layout }, t(lang, `layout.${name}`)),
    ),
  );
  layoutSelect.addEventListener('change', () => layout(layoutSelect.value as LayoutName));

  render(
    container,
    h('h2', {}, t(lang, 'entityTypes')),
    h(
      'ul',
      { class: 'legend-list', 'aria-label': t(lang, 'entityTypes') },
      types.map((type) =>
        row('hiddenTypes', type, typeIcon(type), entityTypeName(lang, type), model.typeCounts.get(type) ?? 0),
      ),
    ),
    h(
      'p',
      { class: 'legend-note' },
      h('span', { class: 'ring' }),
      ' ',
      t(lang, 'legendTaiwanRing'),
      h('br'),
      h('span', { class: 'gap-ring' }),
      ' ',
      t(lang, 'legendGapRing'),
      h('br'),
      t(lang, 'sizeByDegree'),
      h('br'),
      t(lang, 'legendHalo'),
    ),
    h('h2', {}, t(lang, 'statuses')),
    h(
      'ul',
      { class: 'legend-list', 'aria-label': t(lang, 'statuses') },
      STATUSES.map((status) =>
        row(
          'hiddenStatuses',
          status,
          lineIcon(status, EDGE_COLOR),
          statusName(lang, status),
          model.statusCounts.get(status) ?? 0,
        ),
      ),
    ),
    h('h2', {}, t(lang, 'legendOutcomes')),
    h(
      'ul',
      { class: 'legend-outcomes', 'aria-label': t(lang, 'legendOutcomes') },
      OUTCOMES.map((outcome) => h('li', {}, outcomeBadge(outcome, lang))),
    ),
    h('h2', {}, t(lang, 'relationTypes')),
    h(
      'ul',
      { class: 'legend-list', 'aria-label': t(lang, 'relationTypes') },
      relations.map((type) =>
        row(
          'hiddenRelations',
          type,
          lineIcon('existing', type === 'INPUT_TO' ? CHAIN_EDGE_COLOR : EDGE_COLOR),
          relationTypeName(lang, type),
          model.relationCounts.get(type) ?? 0,
        ),
      ),
    ),
    h('h2', {}, t(lang, 'layout')),
    layoutSelect,
  );
}

/** Known order first, then anything else the graph holds, alphabetically. */
function order(
  known: readonly string[],
  counts: ReadonlyMap<string, number>,
  preferred: readonly string[],
): string[] {
  const all = new Set([...known, ...counts.keys()]);
  const head = preferred.filter((t) => all.has(t));
  const tail = [...all].filter((t) => !preferred.includes(t)).sort();
  return [...head, ...tail];
}
