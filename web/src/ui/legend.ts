// The legend is also the filter: one check-box per entity type (with its colour and shape), relation type
// and status (with its line), each with how many are on the canvas, and what the rings and sizes mean.
import { entityTypeName, relationTypeName, statusName, t, type Lang } from '../i18n/index.ts';
import { ENTITY_TYPES, RELATION_TYPES, STATUSES, type RelationStatus } from '../model.ts';
import type { Filters } from '../canvas/filters.ts';
import { LAYOUT_NAMES, type LayoutName } from '../canvas/layouts.ts';
import { CHAIN_EDGE_COLOR, EDGE_COLOR, STATUS_LINE, typeStyle } from '../canvas/palette.ts';
import { h, render, svgEl } from './dom.ts';

export interface LegendModel {
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

export interface LegendActions {
  toggle(dimension: 'hiddenTypes' | 'hiddenRelations' | 'hiddenStatuses', value: string): void;
  layout(name: LayoutName): void;
}

export function renderLegend(container: HTMLElement, model: LegendModel, actions: LegendActions): void {
  const { lang, filters } = model;
  const types = order(model.knownTypes, model.typeCounts, ENTITY_TYPES);
  const relations = order(model.knownRelations, model.relationCounts, RELATION_TYPES);

  const row = (
    dimension: 'hiddenTypes' | 'hiddenRelations' | 'hiddenStatuses',
    value: string,
    icon: Element,
    label: string,
    count: number,
  ) => {
    const hidden = (filters[dimension] as ReadonlySet<string>).has(value);
    const box = h('input', { type: 'checkbox', 'data-filter': `${dimension}:${value}` });
    box.checked = !hidden;
    box.addEventListener('change', () => actions.toggle(dimension, value));
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
  layoutSelect.addEventListener('change', () => actions.layout(layoutSelect.value as LayoutName));

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

export function typeIcon(type: string): SVGSVGElement {
  const { color, shape } = typeStyle(type);
  const svg = svgEl('svg', { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true' });
  const paint = { fill: color, stroke: 'rgba(0,0,0,0.25)', 'stroke-width': 0.8 };
  const polygon = (points: string) => svg.appendChild(svgEl('polygon', { points, ...paint }));
  switch (shape) {
    case 'round-rectangle':
      svg.appendChild(svgEl('rect', { x: 2, y: 2, width: 12, height: 12, rx: 3, ...paint }));
      break;
    case 'rectangle':
      svg.appendChild(svgEl('rect', { x: 2, y: 2, width: 12, height: 12, ...paint }));
      break;
    case 'round-hexagon':
      polygon('1,8 4.5,2 11.5,2 15,8 11.5,14 4.5,14');
      break;
    case 'round-diamond':
      polygon('8,1 15,8 8,15 1,8');
      break;
    case 'round-triangle':
      polygon('8,1.5 15,14 1,14');
      break;
    case 'round-tag':
      polygon('1,3 10.5,3 15,8 10.5,13 1,13');
      break;
    case 'star':
      polygon('8,1 9.9,6 15,6.2 11,9.4 12.4,14.6 8,11.6 3.6,14.6 5,9.4 1,6.2 6.1,6');
      break;
    default:
      svg.appendChild(svgEl('circle', { cx: 8, cy: 8, r: 6.5, ...paint }));
  }
  return svg;
}

export function lineIcon(status: RelationStatus, color: string): SVGSVGElement {
  const svg = svgEl('svg', {
    width: 18,
    height: 10,
    viewBox: '0 0 18 10',
    'aria-hidden': 'true',
    class: 'line-sample',
  });
  const dash = STATUS_LINE[status] === 'dashed' ? '4 2.5' : STATUS_LINE[status] === 'dotted' ? '0.5 3' : '';
  svg.appendChild(
    svgEl('line', {
      x1: 1,
      y1: 5,
      x2: 17,
      y2: 5,
      stroke: color,
      'stroke-width': status === 'sought' ? 2.4 : 2,
      'stroke-linecap': 'round',
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    }),
  );
  return svg;
}
