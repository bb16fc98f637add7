// The opening view in words, beside the graph: the five zones and ten parks in the plan's order, each with
// where it is and what it focuses on, so the structure reads without a click (and without a mouse).
import { displayName, list, t, type Lang } from '../i18n/index.ts';
import type { Overview } from '../canvas/overview.ts';
import { h, render } from './dom.ts';
import { typeIcon } from './icons.ts';

export function renderOverviewSummary(
  container: HTMLElement,
  overview: Overview,
  lang: Lang,
  focus: (id: string) => void,
): void {
  const byId = new Map(overview.subgraph.nodes.map((n) => [n.id, n]));
  const targets = (id: string, type: string) =>
    overview.subgraph.edges
      .filter((e) => e.source === id && e.type === type)
      .map((e) => byId.get(e.target))
      .filter((n) => n !== undefined);
  const item = (id: string, index: number) => {
    const entity = byId.get(id);
    if (!entity) return null;
    const regions = targets(id, 'LOCATED_IN');
    const sectors = targets(id, 'FOCUSES_ON');
    return h(
      'li',
      { 'data-overview': id },
      h('span', { class: 'ordinal' }, `${index + 1}`),
      h(
        'div',
        {},
        h(
          'button',
          { class: 'link overview-name', type: 'button', onclick: () => focus(id) },
          displayName(entity, lang),
        ),
        regions.length > 0
          ? h(
              'span',
              { class: 'hint' },
              ` · ${list(
                lang,
                regions.map((r) => displayName(r, lang)),
              )}`,
            )
          : null,
        sectors.length > 0
          ? h(
              'div',
              { class: 'sector-chips' },
              sectors.map((s) =>
                h(
                  'button',
                  { class: 'chip', type: 'button', onclick: () => focus(s.id) },
                  typeIcon(s.type),
                  displayName(s, lang),
                ),
              ),
            )
          : null,
      ),
    );
  };
  render(
    container,
    h('h2', {}, t(lang, 'overviewTitle')),
    h('p', { class: 'hint' }, t(lang, 'overviewHint')),
    h('h3', { class: 'overview-group' }, t(lang, 'overviewZones')),
    h('ol', { class: 'overview-list' }, overview.zones.map(item)),
    h('h3', { class: 'overview-group' }, t(lang, 'overviewParks')),
    h('ol', { class: 'overview-list' }, overview.parks.map(item)),
    h('p', { class: 'hint' }, t(lang, 'detailsHint')),
  );
}
