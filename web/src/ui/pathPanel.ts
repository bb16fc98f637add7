// The path tool: two entities and a hop limit, and the shortest paths between them, one highlighted on the
// canvas at a time, hop by hop with the passage that states each relation.
import type { ExplorerController } from '../explorer/controller.ts';
import { DEFAULT_MAX_HOPS } from '../explorer/viewState.ts';
import { displayName, relationTypeName, statusName, t, type Lang } from '../i18n/index.ts';
import { statusOf, type EntitySummary, type PathWithEvidence } from '../model.ts';
import { passageItem } from './details.ts';
import { h, render } from './dom.ts';
import { typeIcon } from './icons.ts';
import { EntityPicker } from './search.ts';

export class PathPanel {
  readonly element = h('div', { class: 'analysis path-panel' });
  private readonly fromPicker: EntityPicker;
  private readonly toPicker: EntityPicker;
  private maxHops = DEFAULT_MAX_HOPS;
  private paths: readonly PathWithEvidence[] | null = null;
  /** why the paths may not be all there are (the server stopped its search at a limit) */
  private cut: string | null = null;
  private current = 0;
  private readonly context = { context: (id: string) => this.controller.passageContext(id) };

  constructor(private readonly controller: ExplorerController) {
    const picker = (id: string, key: 'from' | 'to') =>
      new EntityPicker({
        id,
        label: (lang) => t(lang, key),
        placeholder: (lang) => t(lang, key === 'from' ? 'fromPlaceholder' : 'toPlaceholder'),
        search: (query, signal) => controller.search(query, signal),
        keepValue: true,
        onPick: () => {
          if (this.fromPicker.value && this.toPicker.value) this.submit();
          else (key === 'from' ? this.toPicker : this.fromPicker).focus();
        },
      });
    this.fromPicker = picker('path-from', 'from');
    this.toPicker = picker('path-to', 'to');
    controller.on('paths', () => {
      const shown = controller.paths;
      if (!shown) return;
      this.set(shown.from, shown.to, shown.maxHops);
      this.paths = shown.paths;
      this.cut = shown.cut;
      this.current = shown.index;
      this.render();
    });
    controller.on('tool', (tool, selected) => {
      if (tool !== 'paths') return;
      if (selected && !this.fromPicker.value) this.set(selected, null);
      (this.fromPicker.value ? this.toPicker : this.fromPicker).focus();
    });
    controller.on('pathEnd', (end, entity) => {
      if (end === 'from') this.set(entity, null);
      else this.set(null, entity);
      (end === 'from' ? this.toPicker : this.fromPicker).focus();
    });
    for (const event of ['language', 'limits'] as const) controller.on(event, () => this.render());
    this.render();
  }

  private set(from: EntitySummary | null, to: EntitySummary | null, maxHops?: number): void {
    if (from) this.fromPicker.setValue(from);
    if (to) this.toPicker.setValue(to);
    if (maxHops) this.maxHops = maxHops;
  }

  private submit(): void {
    const from = this.fromPicker.value;
    const to = this.toPicker.value;
    if (from && to) void this.controller.findPaths(from.id, to.id, this.maxHops);
    else (from ? this.toPicker : this.fromPicker).focus();
  }

  private render(): void {
    const lang = this.controller.lang;
    this.fromPicker.setLanguage(lang);
    this.toPicker.setLanguage(lang);
    const hops = h(
      'select',
      { 'aria-label': t(lang, 'maxHops') },
      // as many hops as the API allows (until its limits arrive, the hops chosen)
      Array.from({ length: this.controller.limits?.pathsMaxHops ?? this.maxHops }, (_, i) =>
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
      this.cut ? h('p', { class: 'hint paths-cut', role: 'status' }, this.cut) : null,
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
                  this.controller.highlightPath(index);
                  this.render();
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
                    { class: 'link', type: 'button', onclick: () => this.controller.focus(a.id) },
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
                    { class: 'link', type: 'button', onclick: () => this.controller.focus(b.id) },
                    displayName(b, lang),
                  ),
                ]
              : null,
            status !== 'existing' ? h('span', { class: 'hint' }, ` (${statusName(lang, status)})`) : null,
          ),
          h(
            'ol',
            { class: 'evidence' },
            edge.evidence.slice(0, 2).map((p) => passageItem(p, names, lang, this.context)),
          ),
        );
      }),
    );
  }
}
