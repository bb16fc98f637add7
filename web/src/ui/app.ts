// The explorer page: builds the DOM, owns the view state (base view + the user's steps, filters, layout,
// language, selection), turns user actions into API calls and controller operations, keeps the URL in step
// so it can be shared, and shows loading, empty and error states. Graph logic lives in the controller,
// data access in the API module; this file only wires them to the page.
import type { ExplorerApi } from '../api/explorerApi.ts';
import { PLAN_ID } from '../api/explorerApi.ts';
import { CanvasController, type CanvasSnapshot, type Selection } from '../canvas/controller.ts';
import { layoutInWorker } from '../canvas/layoutClient.ts';
import { exportJson, exportSvg } from '../canvas/exportView.ts';
import { toggleFilter, type Filters } from '../canvas/filters.ts';
import type { LayoutName } from '../canvas/layouts.ts';
import { buildOverview, type Overview } from '../canvas/overview.ts';
import { displayName, nextLanguage, t, type Lang, type MessageKey } from '../i18n/index.ts';
import type {
  ChainDirection,
  EdgeDetails,
  EntityRecord,
  EntitySummary,
  GraphPath,
  GraphStats,
  Passage,
  PolicyReachItem,
} from '../model.ts';
import {
  decodeViewState,
  encodeViewState,
  type BaseView,
  type Operation,
  type ViewState,
} from '../state/viewState.ts';
import { ChainPanel, PathPanel } from './analysisPanels.ts';
import { renderEdgeDetails, renderEntityDetails, renderPolicyReach, type DetailsActions } from './details.ts';
import { h, render } from './dom.ts';
import { sectionAround } from '../passages.ts';
import { describeError } from './errors.ts';
import { renderLegend } from './legend.ts';
import { renderOverviewSummary } from './overviewPanel.ts';
import { EntityPicker } from './search.ts';

/** Entities whose details list the policies and measures that reach them. */
const REACHABLE = new Set(['Park', 'Enterprise', 'Project', 'Region', 'Sector', 'Product']);

/** Neighbours shown per expansion; "show more" shows the next as many. */
export const EXPAND_CAP = 25;
/** Neighbours fetched per expansion (the rest of them wait for "show more"). */
const EXPAND_FETCH = 250;
/** Passages fetched on each side of a cited one; the section around it is cut from them. */
const CONTEXT_WINDOW = 25;

type Tab = 'details' | 'chain' | 'paths';

/** What undo goes back to: the view's record (for the URL) and the canvas, as they were before a step. */
interface Step {
  readonly base: BaseView;
  readonly ops: readonly Operation[];
  readonly canvas: CanvasSnapshot;
}

/** Steps undo can go back. */
const HISTORY_LIMIT = 40;

export class ExplorerApp {
  private readonly controller: CanvasController;
  private lang: Lang;
  private base: BaseView = { kind: 'empty' };
  private ops: Operation[] = [];
  private steps: Step[] = [];
  private pathIndex = 0;
  private tab: Tab = 'details';
  private stats: GraphStats | null = null;
  private restoring = false;
  private busy = 0;
  private readonly records = new Map<string, Promise<EntityRecord | null>>();
  private readonly edges = new Map<string, Promise<EdgeDetails | null>>();
  private readonly contexts = new Map<string, Promise<Passage[]>>();
  private readonly reach = new Map<string, Promise<PolicyReachItem[]>>();
  private detailsToken = 0;
  private overview: Overview | null = null;

  // page parts
  private readonly root: HTMLElement;
  private readonly search: EntityPicker;
  private readonly chainPanel: ChainPanel;
  private readonly pathPanel: PathPanel;
  private readonly legend = h('nav', { class: 'panel left', id: 'legend' });
  private readonly right = h('aside', { class: 'panel right', id: 'side' });
  private readonly tabs = h('div', { class: 'tabs', role: 'tablist' });
  private readonly tabPanel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'tab-panel' });
  private readonly detailsBody = h('div', { class: 'details', id: 'details' });
  private readonly canvasArea = h('main', { class: 'canvas-area' });
  private readonly cyContainer = h('div', { class: 'cy', id: 'cy', 'aria-label': 'graph' });
  private readonly toolbar = h('div', { class: 'toolbar', role: 'toolbar' });
  private readonly caption = h('div', { class: 'view-caption', 'aria-live': 'polite', id: 'view-caption' });
  private readonly statusLine = h('div', { class: 'statusline', id: 'statusline', 'aria-live': 'polite' });
  private readonly loadingBar = h('div', {
    class: 'loading',
    hidden: true,
    role: 'progressbar',
    'aria-label': 'loading',
  });
  private readonly loadingLabel = h('div', { class: 'loading-label', hidden: true, id: 'loading' });
  private readonly emptyState = h('div', { class: 'empty-state', hidden: true, id: 'empty-state' });
  private readonly banner = h('div', { class: 'banner', role: 'alert', hidden: true, id: 'error-banner' });
  private readonly header = h('header', { class: 'header' });

  constructor(
    root: HTMLElement,
    private readonly api: ExplorerApi,
    options: { webgl?: boolean } = {},
  ) {
    this.root = root;
    const initial = decodeViewState(location.search);
    this.lang = initial.lang;
    document.documentElement.lang = this.lang;

    const searchEntities = (query: string, signal: AbortSignal, types?: readonly string[]) =>
      this.api.search(query, 10, signal, types);
    this.search = new EntityPicker({
      id: 'search',
      label: (lang) => t(lang, 'searchLabel'),
      placeholder: (lang) => t(lang, 'searchPlaceholder'),
      search: (q, s) => searchEntities(q, s),
      onPick: (entity) => void this.run(() => this.openEntity(entity.id, { expand: true })),
      onError: (error) => this.showError(error),
    });
    const contextOf = (id: string) => this.passageContext(id);
    this.chainPanel = new ChainPanel((q, s) => searchEntities(q, s, ['Product']), {
      show: (product, direction, depth) => void this.run(() => this.loadChain(product.id, direction, depth)),
      focus: (id) => this.controller.focus(id),
      context: contextOf,
    });
    this.pathPanel = new PathPanel((q, s) => searchEntities(q, s), {
      find: (from, to, maxHops) => void this.run(() => this.loadPaths(from.id, to.id, maxHops, 0)),
      highlight: (index) => {
        this.pathIndex = index;
        this.controller.highlightPath(index);
        this.syncUrl();
      },
      focus: (id) => this.controller.focus(id),
      context: contextOf,
    });

    this.canvasArea.append(
      h('div', { class: 'canvas-top' }, this.toolbar, this.caption),
      this.cyContainer,
      this.statusLine,
      this.emptyState,
      this.loadingBar,
      this.loadingLabel,
      this.banner,
    );
    this.right.append(this.tabs, this.tabPanel);
    root.replaceChildren(this.header, this.legend, this.canvasArea, this.right);

    this.controller = new CanvasController({
      container: this.cyContainer,
      lang: this.lang,
      animate: true,
      refineLayout: layoutInWorker,
      ...(options.webgl ? { webgl: true } : {}),
    });
    this.controller.on('select', (selection) => void this.onSelect(selection));
    this.controller.on('expand', (id) => void this.run(() => this.expand(id)));
    this.controller.on('change', () => this.onChange());
    this.bindKeys();
    this.renderChrome();
    void this.restore(initial);
  }

  // ------------------------------------------------------------------------------------- restoring

  /** Rebuilds a view from its URL state: the base view, then every step in order. */
  private async restore(state: ViewState): Promise<void> {
    this.restoring = true;
    this.root.setAttribute('aria-busy', 'true');
    try {
      await this.run(async () => {
        void this.loadStats();
        this.controller.setFilters({
          hiddenTypes: new Set(state.hiddenTypes),
          hiddenRelations: new Set(state.hiddenRelations),
          hiddenStatuses: new Set(state.hiddenStatuses),
        });
        await this.loadBase(state.base, state.pathIndex);
        for (const op of state.ops) await this.apply(op);
        if (state.layout && state.layout !== this.controller.layoutName)
          await this.controller.relayout(state.layout);
        if (state.selected && this.controller.has(state.selected)) this.controller.focus(state.selected);
      });
    } finally {
      this.restoring = false;
      this.root.setAttribute('aria-busy', 'false');
      this.syncUrl();
      this.onChange();
    }
  }

  private async loadBase(base: BaseView, pathIndex = 0): Promise<void> {
    switch (base.kind) {
      case 'overview':
        return this.loadOverview();
      case 'whole':
        return this.loadWholeGraph();
      case 'chain':
        return this.loadChain(base.product, base.direction, base.depth);
      case 'paths':
        return this.loadPaths(base.from, base.to, base.maxHops, pathIndex);
      case 'empty':
        this.base = base;
        this.ops = [];
        return;
    }
  }

  private async apply(op: Operation): Promise<void> {
    switch (op.op) {
      case 'add':
        return this.openEntity(op.id, { expand: false, select: false });
      case 'expand':
        return this.expand(op.id);
      case 'more':
        return this.showMore(op.id);
      case 'hide':
        return this.hide(op.id);
      case 'pin':
        return this.pin(op.id);
    }
  }

  // ----------------------------------------------------------------------------------- base views

  private async loadOverview(): Promise<void> {
    const answer = await this.api.overview(PLAN_ID);
    const overview = buildOverview(answer);
    this.overview = overview;
    this.newBase({ kind: 'overview' });
    await this.controller.show(overview.subgraph, {
      kind: 'overview',
      hubs: [...overview.zones, ...overview.parks],
      layout: 'columns',
    });
    this.setTab('details');
    if (!this.controller.selection()) this.renderDetailsHint();
  }

  private async loadWholeGraph(): Promise<void> {
    const graph = await this.api.wholeGraph();
    this.newBase({ kind: 'whole' });
    await this.controller.show(graph, { kind: 'explore', layout: 'fcose' });
    if (graph.truncated) this.toast(t(this.lang, 'truncatedGraph'));
  }

  private async loadChain(product: string, direction: ChainDirection, depth: number): Promise<void> {
    const { subgraph, gaps } = await this.api.supplyChain(product, direction, depth);
    this.newBase({ kind: 'chain', product, direction, depth });
    const analysis = await this.controller.showChain(subgraph, product, gaps);
    const focus = subgraph.nodes.find((n) => n.id === product) ?? null;
    this.chainPanel.set(focus, direction, depth);
    this.chainPanel.setResult(
      gaps.filter((g) => analysis.gaps.has(g.link.id)),
      analysis.products.length,
    );
    this.setTab('chain');
  }

  private async loadPaths(from: string, to: string, maxHops: number, index: number): Promise<void> {
    const paths = await this.api.paths(from, to, maxHops, 3);
    this.newBase({ kind: 'paths', from, to, maxHops });
    this.pathIndex = Math.min(index, Math.max(paths.length - 1, 0));
    await this.controller.showPaths(paths, from, to);
    this.controller.highlightPath(this.pathIndex);
    const ends = endsOf(paths, from, to);
    if (ends.from || ends.to) this.pathPanel.set(ends.from, ends.to, maxHops);
    else await this.fillPathPickers(from, to);
    this.pathPanel.setResult(paths, this.pathIndex);
    this.setTab('paths');
  }

  private async fillPathPickers(from: string, to: string): Promise<void> {
    const [a, b] = await Promise.all([this.record(from), this.record(to)]);
    this.pathPanel.set(a, b);
  }

  private newBase(base: BaseView): void {
    this.remember();
    this.base = base;
    this.ops = [];
    if (this.tab === 'details') this.renderDetailsHint();
  }

  private step(op: Operation): void {
    this.remember();
    this.ops.push(op);
  }

  private remember(): void {
    this.steps.push({ base: this.base, ops: [...this.ops], canvas: this.controller.snapshot() });
    if (this.steps.length > HISTORY_LIMIT) this.steps.shift();
  }

  // -------------------------------------------------------------------------------------- actions

  /** Puts an entity on the canvas (with its neighbours when asked) and selects it. */
  private async openEntity(id: string, options: { expand: boolean; select?: boolean }): Promise<void> {
    if (!this.controller.has(id)) {
      const subgraph = await this.api.neighborhood([id], { depth: 0, limit: 1 });
      this.step({ op: 'add', id });
      await this.controller.add(subgraph, { near: this.controller.selection()?.id });
    }
    if (options.expand && !this.controller.expandedIds.includes(id)) await this.expand(id);
    if (options.select !== false) {
      this.controller.focus(id);
      this.openPanel();
    }
  }

  async expand(id: string): Promise<void> {
    const neighbourhood = await this.api.neighborhood([id], { depth: 1, limit: EXPAND_FETCH });
    this.step({ op: 'expand', id });
    const result = await this.controller.expand(id, neighbourhood, EXPAND_CAP);
    if (!this.restoring && result.added === 0 && result.remaining === 0)
      this.toast(t(this.lang, 'allNeighboursShown'));
    this.refreshDetails();
  }

  async showMore(id: string): Promise<void> {
    if (!this.controller.hasPending(id)) {
      // The first fetch was capped by the API: ask for more this time.
      const neighbourhood = await this.api.neighborhood([id], { depth: 1, limit: 1000 });
      this.step({ op: 'more', id });
      await this.controller.expand(id, neighbourhood, EXPAND_CAP);
    } else {
      this.step({ op: 'more', id });
      await this.controller.showMore(id, EXPAND_CAP);
    }
    this.refreshDetails();
  }

  private hide(id: string): void {
    if (!this.controller.has(id)) return;
    this.step({ op: 'hide', id });
    this.controller.hide([id]);
    if (!this.restoring) this.renderDetailsHint();
  }

  private pin(id: string): void {
    if (!this.controller.has(id)) return;
    this.step({ op: 'pin', id });
    this.controller.togglePin(id);
    this.refreshDetails();
  }

  private undo(): void {
    const previous = this.steps.pop();
    if (!previous) return;
    this.base = previous.base;
    this.ops = [...previous.ops];
    this.controller.restore(previous.canvas);
    this.syncUrl();
  }

  private setLanguage(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    this.controller.setLanguage(lang);
    this.renderChrome();
    this.refreshDetails();
  }

  private setFilters(filters: Filters): void {
    this.controller.setFilters(filters);
  }

  private async relayout(name: LayoutName): Promise<void> {
    await this.controller.relayout(name);
  }

  // ---------------------------------------------------------------------------------------- details

  private async onSelect(selection: Selection): Promise<void> {
    this.syncUrl();
    this.updateToolbar();
    const token = ++this.detailsToken;
    if (!selection) {
      if (this.tab === 'details') this.renderDetailsHint();
      return;
    }
    this.setTab('details');
    if (window.matchMedia('(max-width: 900px)').matches) this.right.classList.add('open');
    render(this.detailsBody, h('p', { class: 'hint' }, t(this.lang, 'loading')));
    try {
      if (selection.kind === 'node') {
        const record = await this.record(selection.id);
        if (token !== this.detailsToken) return;
        if (!record) return this.renderDetailsHint();
        renderEntityDetails(
          this.detailsBody,
          record,
          {
            onCanvas: this.controller.has(record.id),
            pinned: this.controller.pinnedIds.includes(record.id),
            remaining: this.controller.remaining(record.id),
          },
          this.lang,
          this.detailsActions(),
        );
        if (REACHABLE.has(record.type)) void this.showPolicyReach(record, token);
      } else {
        const edge = await this.relation(selection.id);
        if (token !== this.detailsToken) return;
        if (!edge) return this.renderDetailsHint();
        renderEdgeDetails(this.detailsBody, edge, this.lang, this.detailsActions());
      }
    } catch (error) {
      if (token === this.detailsToken) {
        this.renderDetailsHint();
        this.showError(error);
      }
    }
  }

  /** Appends the policies and measures reaching the entity to its details, when they arrive. */
  private async showPolicyReach(record: EntityRecord, token: number): Promise<void> {
    const section = h(
      'section',
      { class: 'reach', 'aria-busy': 'true' },
      h('h2', {}, t(this.lang, 'policyReach')),
      h('p', { class: 'hint' }, t(this.lang, 'loading')),
    );
    this.detailsBody.append(section);
    try {
      let reach = this.reach.get(record.id);
      if (!reach) {
        reach = this.api.policyReach(record.id);
        reach.catch(() => this.reach.delete(record.id));
        this.reach.set(record.id, reach);
      }
      const items = await reach;
      if (token !== this.detailsToken) return;
      renderPolicyReach(
        section,
        items,
        this.lang,
        (item) => void this.run(() => this.showReachPath(item, record.id)),
      );
    } catch (error) {
      if (token === this.detailsToken)
        render(section, h('p', { class: 'hint' }, describeError(error, this.lang)));
    }
  }

  /** One policy's reach drawn as a path, from the policy to the entity, each hop with its evidence. */
  private async showReachPath(item: PolicyReachItem, entity: string): Promise<void> {
    const from = item.policy.id;
    this.newBase({ kind: 'paths', from, to: entity, maxHops: Math.max(1, Math.min(6, item.path.length)) });
    this.pathIndex = 0;
    await this.controller.showPaths([item.path], from, entity);
    this.pathPanel.set(
      item.policy,
      item.path.nodes.at(-1) ?? null,
      Math.max(1, Math.min(6, item.path.length)),
    );
    this.pathPanel.setResult([item.path], 0);
    this.setTab('paths');
  }

  private refreshDetails(): void {
    if (this.tab === 'details') void this.onSelect(this.controller.selection());
  }

  private detailsActions(): DetailsActions {
    return {
      expand: (id) =>
        void this.run(() =>
          this.controller.has(id) ? this.expand(id) : this.openEntity(id, { expand: true }),
        ),
      showMore: (id) => void this.run(() => this.showMore(id)),
      hide: (id) => this.hide(id),
      pin: (id) => this.pin(id),
      chain: (id) => void this.run(() => this.loadChain(id, 'BOTH', 6)),
      pathFrom: (id) => void this.usePathEnd(id, 'from'),
      pathTo: (id) => void this.usePathEnd(id, 'to'),
      open: (id) => void this.run(() => this.openEntity(id, { expand: false })),
      context: (id) => this.passageContext(id),
    };
  }

  private async usePathEnd(id: string, end: 'from' | 'to'): Promise<void> {
    const record = await this.record(id);
    if (!record) return;
    if (end === 'from') this.pathPanel.set(record, null);
    else this.pathPanel.set(null, record);
    this.setTab('paths');
    (end === 'from' ? this.pathPanel.toPicker : this.pathPanel.fromPicker).focus();
  }

  private record(id: string): Promise<EntityRecord | null> {
    let record = this.records.get(id);
    if (!record) {
      record = this.api.entity(id);
      record.catch(() => this.records.delete(id));
      this.records.set(id, record);
    }
    return record;
  }

  private relation(id: string): Promise<EdgeDetails | null> {
    let edge = this.edges.get(id);
    if (!edge) {
      edge = this.api.relation(id);
      edge.catch(() => this.edges.delete(id));
      this.edges.set(id, edge);
    }
    return edge;
  }

  private passageContext(id: string): Promise<Passage[]> {
    let context = this.contexts.get(id);
    if (!context) {
      context = this.api
        .passageContext(id, CONTEXT_WINDOW, CONTEXT_WINDOW)
        .then((around) => sectionAround(around, id));
      context.catch((error: unknown) => {
        this.contexts.delete(id);
        this.showError(error);
      });
      this.contexts.set(id, context);
    }
    return context;
  }

  private renderDetailsHint(): void {
    if (this.base.kind === 'overview' && this.overview) {
      renderOverviewSummary(this.detailsBody, this.overview, this.lang, (id) => this.controller.focus(id));
    } else render(this.detailsBody, h('p', { class: 'hint' }, t(this.lang, 'detailsHint')));
  }

  // ------------------------------------------------------------------------------------ page chrome

  private renderChrome(): void {
    const lang = this.lang;
    this.search.setLanguage(lang);
    const viewButton = (key: MessageKey, pressed: boolean, onclick: () => void, id: string) =>
      h('button', { type: 'button', 'aria-pressed': pressed ? 'true' : 'false', onclick, id }, t(lang, key));
    const exportMenu = h('div', { class: 'menu-list', hidden: true, role: 'menu' });
    const exportButton = h(
      'button',
      {
        class: 'header-button',
        type: 'button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        id: 'export-button',
      },
      `${t(lang, 'export')} ▾`,
    );
    const closeMenu = () => {
      exportMenu.hidden = true;
      exportButton.setAttribute('aria-expanded', 'false');
    };
    exportButton.addEventListener('click', () => {
      exportMenu.hidden = !exportMenu.hidden;
      exportButton.setAttribute('aria-expanded', String(!exportMenu.hidden));
      if (!exportMenu.hidden) exportMenu.querySelector('button')?.focus();
    });
    exportMenu.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeMenu();
        exportButton.focus();
      }
    });
    for (const [format, label] of [
      ['png', 'PNG'],
      ['svg', 'SVG'],
      ['json', 'JSON'],
    ] as const) {
      exportMenu.append(
        h(
          'button',
          {
            type: 'button',
            role: 'menuitem',
            'data-export': format,
            onclick: () => (closeMenu(), void this.export(format)),
          },
          label,
        ),
      );
    }
    render(
      this.header,
      h(
        'button',
        {
          class: 'header-button panel-toggle',
          type: 'button',
          'aria-controls': 'legend',
          onclick: () => this.legend.classList.toggle('open'),
        },
        t(lang, 'legend'),
      ),
      h('div', { class: 'brand' }, h('strong', {}, t(lang, 'title')), h('small', {}, t(lang, 'subtitle'))),
      this.search.element,
      h(
        'div',
        { class: 'views' },
        viewButton(
          'overview',
          this.base.kind === 'overview',
          () => void this.run(() => this.loadOverview()),
          'view-overview',
        ),
        viewButton(
          'whole',
          this.base.kind === 'whole',
          () => void this.run(() => this.loadWholeGraph()),
          'view-whole',
        ),
        viewButton('chain', this.tab === 'chain', () => this.openTool('chain'), 'view-chain'),
        viewButton('paths', this.tab === 'paths', () => this.openTool('paths'), 'view-paths'),
      ),
      h(
        'div',
        { class: 'header-actions' },
        h(
          'button',
          {
            class: 'header-button',
            type: 'button',
            id: 'lang-switch',
            title: t(lang, 'languageTitle'),
            onclick: () => this.setLanguage(nextLanguage(lang)),
          },
          t(lang, 'language'),
        ),
        h('div', { class: 'menu' }, exportButton, exportMenu),
        h(
          'button',
          { class: 'header-button', type: 'button', id: 'share', onclick: () => void this.share() },
          t(lang, 'share'),
        ),
        h(
          'button',
          {
            class: 'header-button panel-toggle',
            type: 'button',
            'aria-controls': 'side',
            onclick: () => this.right.classList.toggle('open'),
          },
          t(lang, 'details'),
        ),
      ),
    );
    this.renderTabs();
    this.renderLegend();
    this.updateToolbar();
    this.updateCaption();
    this.updateEmptyState();
    this.updateStatus();
  }

  private openTool(tab: Tab): void {
    this.setTab(tab);
    this.openPanel();
    const selected = this.controller.selection();
    const entity = selected?.kind === 'node' ? this.controller.entity(selected.id) : undefined;
    if (tab === 'chain') {
      if (entity?.type === 'Product' && !this.chainPanel.picker.value) this.chainPanel.set(entity, 'BOTH', 6);
      this.chainPanel.picker.focus();
    } else if (tab === 'paths') {
      if (entity && !this.pathPanel.fromPicker.value) this.pathPanel.set(entity, null);
      (this.pathPanel.fromPicker.value ? this.pathPanel.toPicker : this.pathPanel.fromPicker).focus();
    }
  }

  private openPanel(): void {
    if (window.matchMedia('(max-width: 900px)').matches) this.right.classList.add('open');
  }

  private setTab(tab: Tab): void {
    if (this.tab === tab && this.tabPanel.firstChild) return;
    this.tab = tab;
    this.renderTabs();
    for (const button of this.header.querySelectorAll<HTMLButtonElement>('#view-chain, #view-paths')) {
      button.setAttribute('aria-pressed', String(button.id === `view-${tab}`));
    }
  }

  private renderTabs(): void {
    const lang = this.lang;
    const tabButton = (tab: Tab, key: MessageKey) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${tab}`,
          'aria-selected': this.tab === tab ? 'true' : 'false',
          'aria-controls': 'tab-panel',
          onclick: () => this.setTab(tab),
        },
        t(lang, key),
      );
    render(
      this.tabs,
      tabButton('details', 'details'),
      tabButton('chain', 'chain'),
      tabButton('paths', 'paths'),
      h(
        'button',
        {
          type: 'button',
          class: 'sheet-close',
          'aria-label': t(lang, 'close'),
          onclick: () => this.right.classList.remove('open'),
        },
        '×',
      ),
    );
    this.chainPanel.render(lang);
    this.pathPanel.render(lang);
    const body =
      this.tab === 'details'
        ? this.detailsBody
        : this.tab === 'chain'
          ? this.chainPanel.element
          : this.pathPanel.element;
    if (this.tab === 'details' && !this.detailsBody.firstChild) this.renderDetailsHint();
    this.tabPanel.replaceChildren(body);
    this.tabPanel.setAttribute('aria-labelledby', `tab-${this.tab}`);
  }

  private renderLegend(): void {
    const count = (values: string[]) =>
      values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const cy = this.controller.cy;
    renderLegend(
      this.legend,
      {
        lang: this.lang,
        filters: this.controller.currentFilters,
        typeCounts: count(cy.nodes().map((n) => String(n.data('type')))),
        relationCounts: count(cy.edges().map((e) => String(e.data('type')))),
        statusCounts: count(cy.edges().map((e) => String(e.data('status')))),
        knownTypes: this.stats?.byType.map((c) => c.type) ?? [],
        knownRelations: this.stats?.byRelation.map((c) => c.type) ?? [],
        layout: this.controller.layoutName,
      },
      {
        toggle: (dimension, value) =>
          this.setFilters(toggleFilter(this.controller.currentFilters, dimension, value)),
        layout: (name) => void this.run(() => this.relayout(name)),
      },
    );
  }

  private updateToolbar(): void {
    const lang = this.lang;
    const selected = this.controller.selection();
    const node = selected?.kind === 'node' ? selected.id : null;
    const remaining = node ? this.controller.remaining(node) : 0;
    const pinned = node ? this.controller.pinnedIds.includes(node) : false;
    const button = (label: string, action: string, enabled: boolean, onclick: () => void, title?: string) =>
      h(
        'button',
        { type: 'button', 'data-action': action, disabled: !enabled, onclick, title: title ?? label },
        label,
      );
    render(
      this.toolbar,
      button(
        t(lang, 'expand'),
        'expand',
        !!node,
        () => node && void this.run(() => this.expand(node)),
        `${t(lang, 'expand')} (E)`,
      ),
      button(
        remaining > 0 ? `${t(lang, 'showMore')} (${remaining})` : t(lang, 'showMore'),
        'more',
        !!node && remaining > 0,
        () => node && void this.run(() => this.showMore(node)),
      ),
      button(
        pinned ? t(lang, 'unpin') : t(lang, 'pin'),
        'pin',
        !!node,
        () => node && this.pin(node),
        `${t(lang, 'pin')} (P)`,
      ),
      button(t(lang, 'hide'), 'hide', !!node, () => node && this.hide(node), `${t(lang, 'hide')} (Del)`),
      h('span', { class: 'sep' }),
      button(
        t(lang, 'undo'),
        'undo',
        this.steps.length > 0,
        () => this.undo(),
        `${t(lang, 'undo')} (Ctrl+Z)`,
      ),
      button(t(lang, 'fit'), 'fit', true, () => this.controller.fit()),
      button(
        t(lang, 'relayout'),
        'relayout',
        true,
        () => void this.run(() => this.relayout(this.controller.layoutName)),
      ),
    );
  }

  private updateCaption(): void {
    const lang = this.lang;
    const base = this.base;
    const caption = (text: string, hint = '') => {
      this.caption.textContent = text;
      this.caption.title = hint;
    };
    if (base.kind === 'overview') {
      caption(t(lang, 'captionOverview'), t(lang, 'overviewHint'));
    } else if (base.kind === 'chain') {
      const product = this.controller.entity(base.product);
      caption(
        t(lang, 'captionChain', { product: product ? displayName(product, lang) : base.product }),
        t(lang, 'captionChainHint'),
      );
    } else if (base.kind === 'whole') {
      caption(t(lang, 'captionWhole'));
    } else if (base.kind === 'paths') {
      const a = this.controller.entity(base.from);
      const b = this.controller.entity(base.to);
      caption(
        t(lang, 'captionPaths', {
          from: a ? displayName(a, lang) : base.from,
          to: b ? displayName(b, lang) : base.to,
        }),
      );
    } else caption('');
  }

  private updateEmptyState(): void {
    const empty = this.controller.cy.nodes().empty() && this.busy === 0;
    this.emptyState.hidden = !empty;
    if (empty) {
      render(
        this.emptyState,
        h('p', {}, t(this.lang, 'emptyHint')),
        h(
          'button',
          { class: 'primary', type: 'button', onclick: () => void this.run(() => this.loadOverview()) },
          t(this.lang, 'overview'),
        ),
      );
    }
  }

  private updateStatus(): void {
    const counts = this.controller.counts();
    const lang = this.lang;
    const shown = t(lang, 'statusShown', {
      nodes: counts.nodes - counts.filteredNodes,
      edges: counts.edges - counts.filteredEdges,
    });
    const hidden = counts.filteredNodes + counts.filteredEdges;
    const filtered = hidden > 0 ? t(lang, 'statusFiltered', { count: hidden }) : '';
    const total = this.stats
      ? t(lang, 'statusGraph', { entities: this.stats.entities, relations: this.stats.relations })
      : '';
    const refining = this.controller.refiningLayout ? t(lang, 'statusRefining') : '';
    this.statusLine.textContent = shown + filtered + total + refining;
  }

  private onChange(): void {
    if (this.restoring) return;
    this.renderLegend();
    this.updateToolbar();
    this.updateCaption();
    this.updateEmptyState();
    this.updateStatus();
    this.syncUrl();
    this.header
      .querySelector('#view-overview')
      ?.setAttribute('aria-pressed', String(this.base.kind === 'overview'));
    this.header
      .querySelector('#view-whole')
      ?.setAttribute('aria-pressed', String(this.base.kind === 'whole'));
  }

  private async loadStats(): Promise<void> {
    try {
      this.stats = await this.api.stats();
      this.renderLegend();
      this.updateStatus();
    } catch {
      // The legend falls back to what is on the canvas; the banner is for what the user asked for.
    }
  }

  // ------------------------------------------------------------------------------- url, export, keys

  viewState(): ViewState {
    const filters = this.controller.currentFilters;
    const defaultLayout =
      this.base.kind === 'chain' || this.base.kind === 'paths'
        ? 'dagre'
        : this.base.kind === 'overview'
          ? 'columns'
          : 'fcose';
    return {
      base: this.base,
      ops: this.ops,
      lang: this.lang,
      layout: this.controller.layoutName === defaultLayout ? null : this.controller.layoutName,
      selected: this.controller.selection()?.id ?? null,
      hiddenTypes: [...filters.hiddenTypes],
      hiddenRelations: [...filters.hiddenRelations],
      hiddenStatuses: [...filters.hiddenStatuses],
      pathIndex: this.pathIndex,
    };
  }

  private syncUrl(): void {
    if (this.restoring) return;
    const query = encodeViewState(this.viewState());
    const url = `${location.pathname}?${query}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  private async share(): Promise<void> {
    this.syncUrl();
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.toast(t(this.lang, 'shareDone'));
    } catch {
      window.prompt(t(this.lang, 'share'), url);
    }
  }

  private async export(format: 'png' | 'svg' | 'json'): Promise<void> {
    const name = `cskg-${this.base.kind}-${new Date().toISOString().slice(0, 10)}`;
    const cy = this.controller.cy;
    if (format === 'png') {
      const blob = (await cy.png({
        output: 'blob-promise',
        bg: '#ffffff',
        full: true,
        scale: 2,
        maxWidth: 8000,
        maxHeight: 8000,
      })) as Blob;
      download(blob, `${name}.png`);
    } else if (format === 'svg') {
      download(
        new Blob([exportSvg(cy, { title: document.title })], { type: 'image/svg+xml' }),
        `${name}.svg`,
      );
    } else {
      const json = exportJson(cy, { url: location.href, lang: this.lang, kind: this.base.kind });
      download(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), `${name}.json`);
    }
  }

  private bindKeys(): void {
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
      if (typing) return;
      const selected = this.controller.selection();
      const node = selected?.kind === 'node' ? selected.id : null;
      if (event.key === '/') {
        event.preventDefault();
        this.search.focus();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        this.undo();
      } else if (node && event.key.toLowerCase() === 'e') void this.run(() => this.expand(node));
      else if (node && event.key.toLowerCase() === 'p') this.pin(node);
      else if (node && (event.key === 'Delete' || event.key === 'Backspace')) this.hide(node);
    });
  }

  // ---------------------------------------------------------------------------------- busy, errors

  /** Runs a user action with the loading indicator, and turns a failure into the error banner. */
  private async run(action: () => Promise<void>): Promise<void> {
    this.busy++;
    this.hideError();
    this.loadingBar.hidden = false;
    const slow = setTimeout(() => {
      this.loadingLabel.hidden = false;
      this.loadingLabel.textContent = t(this.lang, 'loading');
    }, 250);
    this.emptyState.hidden = true;
    try {
      await action();
    } catch (error) {
      this.showError(error, () => void this.run(action));
    } finally {
      clearTimeout(slow);
      this.busy--;
      if (this.busy === 0) {
        this.loadingBar.hidden = true;
        this.loadingLabel.hidden = true;
      }
      this.onChange();
    }
  }

  private showError(error: unknown, retry?: () => void): void {
    const message = describeError(error, this.lang);
    render(
      this.banner,
      h('span', { class: 'message' }, t(this.lang, 'errorPrefix'), message),
      retry
        ? h('button', { type: 'button', onclick: () => (this.hideError(), retry()) }, t(this.lang, 'retry'))
        : null,
      h(
        'button',
        { type: 'button', onclick: () => this.hideError(), 'aria-label': t(this.lang, 'dismiss') },
        '×',
      ),
    );
    this.banner.hidden = false;
  }

  private hideError(): void {
    this.banner.hidden = true;
  }

  private toast(message: string): void {
    const toast = h('div', { class: 'toast', role: 'status' }, message);
    this.canvasArea.append(toast);
    setTimeout(() => toast.remove(), 2200);
  }

  /** For tests and the console: the controller behind the page. */
  get graph(): CanvasController {
    return this.controller;
  }
}

function endsOf(
  paths: readonly GraphPath[],
  from: string,
  to: string,
): { from: EntitySummary | null; to: EntitySummary | null } {
  const all = paths.flatMap((p) => p.nodes);
  return { from: all.find((n) => n.id === from) ?? null, to: all.find((n) => n.id === to) ?? null };
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
