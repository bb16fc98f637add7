// The explorer's controller: every high-level operation the page can perform (open an entity, expand, show
// more, hide, pin, undo, show the overview, the whole graph, a chain or paths, filter, lay out, switch
// language, see the graph as of a year), each turned into API calls and canvas operations, recorded in the view's history (history.ts:
// the steps the URL holds, and undo). The page's parts receive it, call its operations and subscribe to its
// events (events.ts); they never call each other. No DOM: it runs headless in the unit tests.
import { cachedApi } from '../api/cached.ts';
import type { ExplorerApi } from '../api/explorerApi.ts';
import { LAYOUT_ID, type GeographyAnswer } from '../api/explorerApi.ts';
import { CanvasController, type Selection } from '../canvas/controller.ts';
import type { Filters } from '../canvas/filters.ts';
import type { LayoutName } from '../canvas/layouts.ts';
import type { LayoutAnswer, LayoutJob } from '../canvas/layoutWorker.ts';
import { buildOverview, type Overview } from '../canvas/overview.ts';
import { anchorOfRegion } from '../map/geography.ts';
import { CROSS_STRAIT_TYPES } from '../map/mapLayout.ts';
import { buildGeographyIndex } from '../map/placement.ts';
import { Emitter } from '../emitter.ts';
import { DEFAULT_LANG, displayName, loadTraditional, t, type Lang, type MessageKey } from '../i18n/index.ts';
import type {
  ChainDirection,
  ChainGapsAnswer,
  EdgeDetails,
  EntityRecord,
  EntitySummary,
  GraphStats,
  Limits,
  Passage,
  PartnerRoles,
  PolicyReachItem,
  Scorecard,
  SearchHit,
  Subgraph,
  Timeline,
} from '../model.ts';
import { sectionAround } from '../passages.ts';
import type { ChainView, ExplorerEvents, ImpactView, OperationLabel, Panel, PathsView } from './events.ts';
import { ViewHistory } from './history.ts';
import { asOfYear, type BaseView, type Operation, type ViewState } from './viewState.ts';

// The explorer's own choices; each request keeps within the API's limits too (`{ limits }`, read first).
/** Neighbours shown per expansion; "show more" shows the next as many. */
const EXPAND_CAP = 25;
/** Neighbours fetched per expansion (the rest of them wait for "show more"). */
const EXPAND_FETCH = 250;
/** Neighbours fetched when "show more" has run out of what the expansion fetched. */
const MORE_FETCH = 1000;
/**
 * The most entities the whole-graph view puts on the canvas: the plan's whole graph (about 870) fits; a
 * larger graph shows a part and says so. About what the canvas lays out in a second and pans smoothly
 * (bench/RESULTS.md, "explorer").
 */
export const WHOLE_GRAPH_NODES = 1000;
/**
 * Entities a chain puts on the canvas (its products, closest first, then who covers them); "show more" asks
 * for as many again, up to CHAIN_MAX_NODES (a chain of 500 is laid out in a fifth of a second at 1M facts,
 * bench/RESULTS.md).
 */
export const CHAIN_NODES = 250;
export const CHAIN_MAX_NODES = 1000;
/** Paths asked for between two entities. */
const PATHS_FIRST = 3;
/** Suggestions a search offers. */
const SEARCH_FIRST = 10;
/** Relations asked for around the map's zones, parks and places in Taiwan. */
const MAP_NEIGHBOURS = 1000;
/** Passages fetched on each side of a cited one; the section around it is cut from them. */
const CONTEXT_WINDOW = 25;

export interface ExplorerOptions {
  /** where the canvas draws; none: headless */
  readonly container?: HTMLElement;
  readonly lang?: Lang;
  readonly webgl?: boolean;
  readonly animate?: boolean;
  readonly refineLayout?: (job: LayoutJob) => Promise<LayoutAnswer>;
}

export class ExplorerController extends Emitter<ExplorerEvents> {
  readonly canvas: CanvasController;
  private readonly api: ExplorerApi;
  private currentLang: Lang;
  /** the year the view is seen as of; null: today */
  private currentYear: number | null = null;
  private readonly history: ViewHistory;
  private pathIndex = 0;
  private currentPanel: Panel = 'details';
  private restoringView = false;
  private running = 0;
  private shown: {
    overview: Overview | null;
    chain: ChainView | null;
    paths: PathsView | null;
    stats: GraphStats | null;
    limits: Limits | null;
    impact: ImpactView | null;
    roles: PartnerRoles | null;
    /** the whole-graph view shows a part of the graph */
    wholeCut: boolean;
  } = {
    overview: null,
    chain: null,
    paths: null,
    stats: null,
    limits: null,
    impact: null,
    roles: null,
    wholeCut: false,
  };
  /** the entities the what-if lets fail, in the order chosen */
  private failingEntities: EntitySummary[] = [];
  /** for each consequence of the impact shown, the indices of its paths on the canvas */
  private consequencePaths: number[][] = [];
  /** entities met in searches and details, whose names a message may need when they are not on the canvas */
  private readonly seen = new Map<string, { readonly name: string; readonly nameEn: string }>();
  /** the gaps of the last chain shown, for "show more" of it */
  private lastGaps: { readonly key: string; readonly answer: ChainGapsAnswer } | null = null;
  private limitsAnswer: Promise<Limits> | undefined;
  private geographyAnswer: Promise<GeographyAnswer> | undefined;

  constructor(api: ExplorerApi, options: ExplorerOptions = {}) {
    super();
    this.api = cachedApi(api);
    this.currentLang = options.lang ?? DEFAULT_LANG;
    this.api.setLanguage(this.currentLang);
    this.canvas = new CanvasController({
      container: options.container ?? null,
      lang: this.currentLang,
      animate: options.animate ?? false,
      ...(options.refineLayout ? { refineLayout: options.refineLayout } : {}),
      ...(options.webgl ? { webgl: true } : {}),
    });
    this.history = new ViewHistory(this.canvas);
    this.canvas.on('select', (selection) => this.selected(selection));
    this.canvas.on('expand', (id) => void this.expand(id));
    this.canvas.on('change', () => this.changed());
  }

  // ------------------------------------------------------------------------------------------ reading

  get lang(): Lang {
    return this.currentLang;
  }

  /** The year the view is seen as of (its last day); null: today, everything known. */
  get year(): number | null {
    return this.currentYear;
  }

  get baseView(): BaseView {
    return this.history.base;
  }

  get panel(): Panel {
    return this.currentPanel;
  }

  /** True while a shared view is being rebuilt (the URL and the lists wait for the end). */
  get restoring(): boolean {
    return this.restoringView;
  }

  /** True while an operation is running. */
  get busy(): boolean {
    return this.running > 0;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  /** 五区十园, once the overview was shown. */
  get overview(): Overview | null {
    return this.shown.overview;
  }

  /** Whether the whole-graph view shows only a part of the graph (at most WHOLE_GRAPH_NODES entities). */
  get wholeGraphCut(): boolean {
    return this.history.base.kind === 'whole' && this.shown.wholeCut;
  }

  /** The last chain shown. */
  get chain(): ChainView | null {
    return this.shown.chain;
  }

  /** The last paths shown. */
  get paths(): PathsView | null {
    return this.shown.paths;
  }

  /** The entities the what-if lets fail. */
  get failing(): readonly EntitySummary[] {
    return this.failingEntities;
  }

  /** The last failure's consequences shown. */
  get impact(): ImpactView | null {
    return this.shown.impact;
  }

  /** The partnership network, once shown. */
  get roles(): PartnerRoles | null {
    return this.shown.roles;
  }

  /** The figures of the whole graph, once they arrived. */
  get stats(): GraphStats | null {
    return this.shown.stats;
  }

  /** The API's maxima, once they arrived (start() asks for them first). */
  get limits(): Limits | null {
    return this.shown.limits;
  }

  /** The node selected on the canvas, if a node is. */
  selectedNode(): string | null {
    const selection = this.canvas.selection();
    return selection?.kind === 'node' ? selection.id : null;
  }

  /** The view as the URL holds it. */
  viewState(): ViewState {
    const filters = this.canvas.currentFilters;
    return {
      base: this.history.base,
      ops: this.history.steps,
      lang: this.currentLang,
      layout: this.canvas.layoutName === this.ownLayout() ? null : this.canvas.layoutName,
      selected: this.canvas.selection()?.id ?? null,
      hiddenTypes: [...filters.hiddenTypes],
      hiddenRelations: [...filters.hiddenRelations],
      hiddenStatuses: [...filters.hiddenStatuses],
      pathIndex: this.pathIndex,
      year: this.currentYear,
    };
  }

  // ------------------------------------------------------------------------------ what panels look up

  search(query: string, signal: AbortSignal, types?: readonly string[]): Promise<SearchHit[]> {
    return this.serverLimits()
      .then((limits) => this.api.search(query, Math.min(SEARCH_FIRST, limits.searchFirst), signal, types))
      .then((hits) => {
        for (const hit of hits) this.seen.set(hit.entity.id, hit.entity);
        return hits;
      });
  }

  record(id: string): Promise<EntityRecord | null> {
    return this.api.entity(id).then((record) => {
      if (record) this.seen.set(id, record);
      return record;
    });
  }

  relation(id: string): Promise<EdgeDetails | null> {
    return this.api.relation(id);
  }

  policyReach(id: string): Promise<PolicyReachItem[]> {
    return this.api.policyReach(id);
  }

  /** What the plan said of an entity and what became of it, as known in the view's year. */
  timeline(id: string): Promise<Timeline> {
    return this.api.timeline(id);
  }

  /** What the plan intended in a park, zone or sector and what became of each member, in the view's year. */
  scorecard(id: string): Promise<Scorecard> {
    return this.api.scorecard(id);
  }

  /** The section around a passage ("read the section"); a failure is reported as well as rejected. */
  passageContext(id: string): Promise<Passage[]> {
    const context = this.serverLimits()
      .then((limits) => {
        const window = Math.min(CONTEXT_WINDOW, limits.passageContext);
        return this.api.passageContext(id, window, window);
      })
      .then((around) => sectionAround(around, id));
    context.catch((error: unknown) => this.report(error));
    return context;
  }

  // ---------------------------------------------------------------------------------- the user's intents

  /** Rebuilds a view from its URL state: the base view, then every step in order. */
  async start(state: ViewState): Promise<void> {
    this.restoringView = true;
    try {
      await this.run(async () => {
        await this.serverLimits();
        if (this.currentLang === 'zh-Hant') await loadTraditional();
        this.seeAsOf(state.year);
        void this.loadStats();
        this.canvas.setFilters({
          hiddenTypes: new Set(state.hiddenTypes),
          hiddenRelations: new Set(state.hiddenRelations),
          hiddenStatuses: new Set(state.hiddenStatuses),
        });
        await this.loadBase(state.base, state.pathIndex);
        for (const op of state.ops) await this.apply(op);
        if (state.layout && state.layout !== this.canvas.layoutName) await this.layoutAs(state.layout);
        if (state.selected && this.canvas.has(state.selected)) this.canvas.focus(state.selected);
      });
    } finally {
      this.restoringView = false;
      this.emit('change');
    }
  }

  showOverview(): Promise<void> {
    return this.run(
      () => this.loadOverview(),
      (lang) => ({ what: t(lang, 'failed.overview') }),
    );
  }

  /** 五区十园 on the map, with the places in Taiwan and what joins the two sides. */
  showMap(): Promise<void> {
    return this.run(() => this.loadMap());
  }

  showWholeGraph(): Promise<void> {
    return this.run(
      () => this.loadWholeGraph(),
      (lang) => ({ what: t(lang, 'failed.whole'), advice: t(lang, 'advice.whole') }),
    );
  }

  showChain(product: string, direction: ChainDirection, depth: number): Promise<void> {
    const way = ({ UPSTREAM: 'upstream', DOWNSTREAM: 'downstream', BOTH: 'both' } as const)[direction];
    return this.run(
      () => this.loadChain(product, direction, depth),
      (lang) => ({
        what: t(lang, 'failed.chain', {
          product: this.nameOf(product, lang),
          direction: t(lang, way),
          depth,
        }),
        advice: t(lang, 'advice.chain'),
      }),
    );
  }

  /** The chain on the canvas with CHAIN_NODES more entities, when it was cut. */
  showMoreChain(): Promise<void> {
    const base = this.history.base;
    const chain = this.shown.chain;
    if (base.kind !== 'chain' || !chain?.truncated || chain.limit >= CHAIN_MAX_NODES)
      return Promise.resolve();
    const limit = Math.min(chain.limit + CHAIN_NODES, CHAIN_MAX_NODES);
    return this.run(() => this.loadChain(base.product, base.direction, base.depth, limit));
  }

  findPaths(from: string, to: string, maxHops: number): Promise<void> {
    return this.run(
      () => this.loadPaths(from, to, maxHops, 0),
      (lang) => ({
        what: t(lang, 'failed.paths', {
          from: this.nameOf(from, lang),
          to: this.nameOf(to, lang),
          hops: maxHops,
        }),
        advice: t(lang, 'advice.paths'),
      }),
    );
  }

  /** Adds an entity to those the what-if lets fail. */
  addFailing(entity: EntitySummary): void {
    if (this.failingEntities.some((e) => e.id === entity.id)) return;
    this.failingEntities = [...this.failingEntities, entity];
    this.emit('failing');
  }

  removeFailing(id: string): void {
    this.failingEntities = this.failingEntities.filter((e) => e.id !== id);
    this.emit('failing');
  }

  /** What if the chosen entities fail: their consequences on the canvas, each with its paths. */
  showImpact(ids: readonly string[] = this.failingEntities.map((e) => e.id)): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.run(() => this.loadImpact(ids));
  }

  /** Highlights one consequence's paths (-1: every path plain). */
  highlightConsequence(index: number): void {
    const shown = this.shown.impact;
    if (!shown) return;
    this.shown.impact = { ...shown, index };
    this.canvas.highlightPaths(this.consequencePaths[index] ?? []);
    this.emit('impact');
  }

  /** The partnership network, sized by who bridges whom. */
  showRoles(): Promise<void> {
    return this.run(() => this.loadRoles());
  }

  /** One policy's reach drawn as a path, from the policy to the entity, each hop with its evidence. */
  showReach(item: PolicyReachItem, entity: string): Promise<void> {
    return this.run(async () => {
      const maxHops = Math.max(1, Math.min((await this.serverLimits()).pathsMaxHops, item.path.length));
      this.newBase({ kind: 'paths', from: item.policy.id, to: entity, maxHops });
      this.pathIndex = 0;
      await this.canvas.showPaths([item.path], item.policy.id, entity);
      this.shown.paths = {
        from: item.policy,
        to: item.path.nodes.at(-1) ?? null,
        maxHops,
        paths: [item.path],
        index: 0,
        cut: null,
      };
      this.emit('paths');
      this.showPanel('paths');
    });
  }

  /** Puts an entity on the canvas (with its neighbours the first time, when `expand`) and selects it. */
  open(id: string, options: { expand: boolean }): Promise<void> {
    return this.run(
      () => this.openEntity(id, options),
      (lang) => ({ what: t(lang, 'failed.open', { name: this.nameOf(id, lang) }) }),
    );
  }

  expand(id: string): Promise<void> {
    return this.run(
      () => this.expandNode(id),
      (lang) => ({ what: t(lang, 'failed.expand', { name: this.nameOf(id, lang) }) }),
    );
  }

  showMore(id: string): Promise<void> {
    return this.run(
      () => this.showMoreOf(id),
      (lang) => ({ what: t(lang, 'failed.expand', { name: this.nameOf(id, lang) }) }),
    );
  }

  hide(id: string): void {
    if (!this.canvas.has(id)) return;
    this.history.step({ op: 'hide', id });
    this.canvas.hide([id]);
    if (!this.restoringView) this.emit('select', this.canvas.selection());
  }

  togglePin(id: string): void {
    if (!this.canvas.has(id)) return;
    this.history.step({ op: 'pin', id });
    this.canvas.togglePin(id);
    this.reannounceSelection();
  }

  /** Goes back one step: the view's record and the canvas as they were. */
  undo(): void {
    this.history.undo();
  }

  highlightPath(index: number): void {
    this.pathIndex = index;
    this.canvas.highlightPath(index);
    this.changed();
  }

  setFilters(filters: Filters): void {
    this.canvas.setFilters(filters);
  }

  relayout(name: LayoutName = this.canvas.layoutName): Promise<void> {
    return this.run(() => this.layoutAs(name));
  }

  /** The map, or back from it to the view's own layout (the map's own view goes back to 五区十园). */
  toggleMap(): Promise<void> {
    if (this.history.base.kind === 'map') return this.showOverview();
    return this.relayout(this.canvas.layoutName === 'map' ? this.ownLayout() : 'map');
  }

  fit(): void {
    this.canvas.fit();
  }

  focus(id: string): void {
    this.canvas.focus(id);
  }

  /**
   * Switches the reading language: the interface, the names (in Traditional Chinese once the converter is
   * loaded), and what the server writes (caveats, the explanations of the chain's gaps; asked again).
   */
  setLanguage(lang: Lang): Promise<void> {
    return this.run(async () => {
      if (lang === 'zh-Hant') await loadTraditional();
      this.currentLang = lang;
      this.api.setLanguage(lang);
      this.canvas.setLanguage(lang);
      this.emit('language', lang);
      this.reannounceSelection();
      await this.reloadExplanations();
    });
  }

  /**
   * Sees the graph as of a year (its last day; null: today): the view is drawn again from its record, each
   * walk asking for the facts known by then and what became of each entity by then.
   */
  setYear(year: number | null): Promise<void> {
    if (year === this.currentYear) return Promise.resolve();
    const state = { ...this.viewState(), year };
    // Every entity and fact on the canvas is asked again as known in that year: nothing stays from before.
    this.canvas.clear();
    return this.start(state);
  }

  /** Shows a tab of the side panel (and opens it where it is a drawer). */
  showPanel(panel: Panel, reveal = false): void {
    this.currentPanel = panel;
    this.emit('panel', panel, reveal);
  }

  /** Opens the chain, path or what-if tool, with the selected entity at hand. */
  openTool(tool: 'chain' | 'paths' | 'whatif'): void {
    this.showPanel(tool, true);
    const node = this.selectedNode();
    this.emit('tool', tool, node ? this.canvas.entity(node) : undefined);
  }

  /** Makes an entity one end of the path tool. */
  async usePathEnd(id: string, end: 'from' | 'to'): Promise<void> {
    const record = await this.record(id);
    if (!record) return;
    this.showPanel('paths');
    this.emit('pathEnd', end, record);
  }

  /** Reports a failure that is not an operation's (a search, a passage's section). */
  report(error: unknown): void {
    this.emit('error', error);
  }

  notify(message: MessageKey): void {
    this.emit('notice', message);
  }

  destroy(): void {
    this.canvas.destroy();
  }

  // ----------------------------------------------------------------------------------------- base views

  private seeAsOf(year: number | null): void {
    if (year === this.currentYear) return;
    this.currentYear = year;
    this.api.setAsOf(asOfYear(year));
    this.emit('year', year);
  }

  private async loadBase(base: BaseView, pathIndex: number): Promise<void> {
    switch (base.kind) {
      case 'overview':
        return this.loadOverview();
      case 'map':
        return this.loadMap();
      case 'whole':
        return this.loadWholeGraph();
      case 'chain':
        return this.loadChain(base.product, base.direction, base.depth);
      case 'paths':
        return this.loadPaths(base.from, base.to, base.maxHops, pathIndex);
      case 'impact':
        return this.loadImpact(base.entities);
      case 'roles':
        return this.loadRoles();
      case 'empty':
        return this.history.reset();
    }
  }

  private async loadImpact(ids: readonly string[]): Promise<void> {
    const impact = await this.api.impact(ids);
    this.newBase({ kind: 'impact', entities: [...ids] });
    // Every path once, in order: what fails with them first, then each consequence's.
    const paths = [...impact.failedWith.map((f) => f.path)];
    this.consequencePaths = impact.consequences.map((c) =>
      c.paths.map((p) => {
        paths.push(p);
        return paths.length - 1;
      }),
    );
    this.failingEntities = [...impact.failing];
    await this.canvas.showImpact(
      paths,
      impact.failing,
      impact.consequences.map((c) => c.entity.id),
    );
    this.shown.impact = { impact, index: -1 };
    this.emit('failing');
    this.emit('impact');
    this.showPanel('whatif');
  }

  private async loadRoles(): Promise<void> {
    const roles = await this.api.partnerRoles();
    this.newBase({ kind: 'roles' });
    await this.canvas.showRoles(
      { nodes: roles.roles.map((r) => r.entity), edges: roles.ties, truncated: false },
      new Map(roles.roles.map((r) => [r.entity.id, r])),
    );
    this.shown.roles = roles;
    this.emit('roles');
    this.showPanel('whatif');
  }

  private async loadOverview(): Promise<void> {
    const overview = buildOverview(await this.api.overview(LAYOUT_ID, await this.serverLimits()));
    this.shown.overview = overview;
    this.newBase({ kind: 'overview' });
    await this.canvas.show(overview.subgraph, {
      // a graph without 五区十园 opens empty, and what the user adds is explored: halos on what has more,
      // laid out by fcose (the columns would stack a hub's neighbours in one line)
      kind: overview.zones.length > 0 ? 'overview' : 'explore',
      hubs: [...overview.zones, ...overview.parks],
      layout: overview.zones.length > 0 ? 'columns' : 'fcose',
    });
    this.showPanel('details');
  }

  /**
   * The map's own view: the zones, parks and regions of 五区十园 (not their sectors, which lie nowhere), the
   * places in Taiwan the map knows with what lies in them, and the relations across the strait of all these.
   */
  private async loadMap(): Promise<void> {
    const limits = await this.serverLimits();
    const [geography, answer] = await Promise.all([
      this.loadGeography(),
      this.api.overview(LAYOUT_ID, limits),
    ]);
    const overview = buildOverview(answer);
    const taiwan = geography.regions.filter((r) => anchorOfRegion(r)?.side === 'taiwan');
    const hubs = [...overview.zones, ...overview.parks];
    const ids = [...hubs, ...taiwan.map((r) => r.id)].slice(0, limits.neighborhoodIds);
    const across = await this.api.neighborhood(ids, {
      depth: 1,
      relationTypes: [...CROSS_STRAIT_TYPES, 'LOCATED_IN'],
      limit: Math.min(MAP_NEIGHBOURS, limits.neighborhoodLimit),
    });
    const placesOnly = (graph: Subgraph): Subgraph => ({
      ...graph,
      nodes: graph.nodes.filter((n) => n.type !== 'Sector' && n.type !== 'Product'),
    });
    this.shown.overview = overview;
    this.newBase({ kind: 'map' });
    await this.canvas.show(
      {
        nodes: [...placesOnly(overview.subgraph).nodes, ...taiwan, ...placesOnly(across).nodes],
        edges: [...overview.subgraph.edges, ...across.edges],
        truncated: across.truncated,
      },
      { kind: 'overview', hubs, layout: 'map' },
    );
    this.showPanel('details');
  }

  private async loadWholeGraph(): Promise<void> {
    const graph = await this.api.wholeGraph(await this.serverLimits(), WHOLE_GRAPH_NODES);
    this.newBase({ kind: 'whole' });
    this.shown.wholeCut = graph.truncated;
    await this.canvas.show(graph, { kind: 'explore', layout: 'fcose' });
    if (graph.truncated) this.notify('truncatedGraph');
  }

  private async loadChain(
    product: string,
    direction: ChainDirection,
    asked: number,
    entities = CHAIN_NODES,
  ): Promise<void> {
    const limits = await this.serverLimits();
    const depth = Math.min(asked, limits.supplyChainDepth);
    const limit = Math.min(entities, limits.supplyChainLimit);
    const subgraph = await this.api.supplyChain(product, direction, depth, limit);
    this.newBase({ kind: 'chain', product, direction, depth });
    const analysis = await this.canvas.showChain(subgraph, product, []);
    this.shown.chain = {
      product: subgraph.nodes.find((n) => n.id === product) ?? null,
      direction,
      depth,
      gaps: [],
      gapsPending: true,
      gapsCut: null,
      products: analysis.products.length,
      entities: subgraph.nodes.length,
      truncated: subgraph.truncated,
      limit,
      more: subgraph.truncated && limit < Math.min(CHAIN_MAX_NODES, limits.supplyChainLimit),
    };
    this.emit('chain');
    this.showPanel('chain');
    // The chain is drawn; its gaps (the slower part on a large graph) are marked when they arrive, and if
    // they fail the chain stays, with its own error and retry.
    try {
      await this.loadChainGaps(product);
    } catch (error) {
      this.emit(
        'error',
        error,
        () => void this.run(() => this.loadChainGaps(product)),
        (lang) => ({ what: t(lang, 'failed.gaps', { product: this.nameOf(product, lang) }) }),
      );
    }
  }

  /** The gaps of the chain on the canvas, marked on it and listed. */
  private async loadChainGaps(product: string): Promise<void> {
    const shown = () => (this.history.base.kind === 'chain' ? this.shown.chain : null);
    try {
      // A chain's gaps depend on its product, the day and the language, not on how much of it is drawn:
      // "show more" reuses them.
      const key = `${product}|${this.currentYear ?? ''}|${this.currentLang}`;
      const answer = this.lastGaps?.key === key ? this.lastGaps.answer : await this.api.chainGaps(product);
      this.lastGaps = { key, answer };
      const { gaps, cut } = answer;
      const chain = shown();
      if (!chain || this.history.base.kind !== 'chain' || this.history.base.product !== product) return;
      const analysis = this.canvas.setChainGaps(gaps);
      this.shown.chain = {
        ...chain,
        gaps: gaps.filter((g) => analysis?.gaps.has(g.link.id)),
        gapsPending: false,
        gapsCut: cut,
      };
    } finally {
      const chain = shown();
      if (chain?.gapsPending) this.shown.chain = { ...chain, gapsPending: false };
      this.emit('chain');
    }
  }

  private async loadPaths(from: string, to: string, askedHops: number, index: number): Promise<void> {
    const limits = await this.serverLimits();
    const maxHops = Math.min(askedHops, limits.pathsMaxHops);
    const { paths, cut } = await this.api.paths(from, to, maxHops, Math.min(PATHS_FIRST, limits.pathsFirst));
    this.newBase({ kind: 'paths', from, to, maxHops });
    this.pathIndex = Math.min(index, Math.max(paths.length - 1, 0));
    await this.canvas.showPaths(paths, from, to);
    this.canvas.highlightPath(this.pathIndex);
    // The ends from the paths; when there are none, from the API (the pickers still show what was asked).
    const onPaths = paths.flatMap((p) => p.nodes);
    let ends = {
      from: onPaths.find((n) => n.id === from) ?? null,
      to: onPaths.find((n) => n.id === to) ?? null,
      maxHops: maxHops as number | undefined,
    };
    if (!ends.from && !ends.to) {
      const [a, b] = await Promise.all([this.record(from), this.record(to)]);
      ends = { from: a, to: b, maxHops: undefined };
    }
    this.shown.paths = { ...ends, paths, index: this.pathIndex, cut };
    this.emit('paths');
    this.showPanel('paths');
  }

  // ------------------------------------------------------------------------------------------ steps

  /** Replays one step of a shared view. */
  private async apply(op: Operation): Promise<void> {
    switch (op.op) {
      case 'add':
        return this.openEntity(op.id, { expand: false, select: false });
      case 'expand':
        return this.expandNode(op.id);
      case 'more':
        return this.showMoreOf(op.id);
      case 'hide':
        return this.hide(op.id);
      case 'pin':
        return this.togglePin(op.id);
    }
  }

  private async openEntity(id: string, options: { expand: boolean; select?: boolean }): Promise<void> {
    if (!this.canvas.has(id)) {
      const subgraph = await this.api.neighborhood([id], { depth: 0, limit: 1 });
      this.history.step({ op: 'add', id });
      await this.canvas.add(subgraph, { near: this.canvas.selection()?.id });
    }
    if (options.expand && !this.canvas.expandedIds.includes(id)) await this.expandNode(id);
    if (options.select !== false) this.canvas.focus(id);
  }

  private async expandNode(id: string): Promise<void> {
    const limit = Math.min(EXPAND_FETCH, (await this.serverLimits()).neighborhoodLimit);
    const neighbourhood = await this.api.neighborhood([id], { depth: 1, limit });
    this.history.step({ op: 'expand', id });
    const result = await this.canvas.expand(id, neighbourhood, EXPAND_CAP);
    if (!this.restoringView && result.added === 0 && result.remaining === 0)
      this.notify('allNeighboursShown');
    this.reannounceSelection();
  }

  private async showMoreOf(id: string): Promise<void> {
    if (!this.canvas.hasPending(id)) {
      // The first fetch was capped by the API: ask for more this time.
      const limit = Math.min(MORE_FETCH, (await this.serverLimits()).neighborhoodLimit);
      const neighbourhood = await this.api.neighborhood([id], { depth: 1, limit });
      this.history.step({ op: 'more', id });
      await this.canvas.expand(id, neighbourhood, EXPAND_CAP);
    } else {
      this.history.step({ op: 'more', id });
      await this.canvas.showMore(id, EXPAND_CAP);
    }
    this.reannounceSelection();
  }

  /** Lays the canvas out; the map first asks the API what lies in what (once). */
  private async layoutAs(name: LayoutName): Promise<void> {
    if (name === 'map') await this.loadGeography();
    await this.canvas.relayout(name);
  }

  /** The layout a base view has of its own (the URL names any other). */
  private ownLayout(): LayoutName {
    const kind = this.history.base.kind;
    if (kind === 'map') return 'map';
    if (kind === 'chain' || kind === 'paths' || kind === 'impact') return 'dagre';
    return kind === 'overview' ? 'columns' : 'fcose';
  }

  /** Every region and LOCATED_IN relation, asked once (again after a failure), for the map. */
  private loadGeography(): Promise<GeographyAnswer> {
    if (!this.geographyAnswer) {
      const answer = this.serverLimits()
        .then((limits) => this.api.geography(limits))
        .then((geography) => {
          this.canvas.setGeography(buildGeographyIndex(geography.regions, geography.locatedIn));
          return geography;
        });
      this.geographyAnswer = answer;
      answer.catch(() => (this.geographyAnswer = undefined));
    }
    return this.geographyAnswer;
  }

  /** A new base view: the steps start again from it. */
  private newBase(base: BaseView): void {
    this.history.newBase(base);
    this.emit('view');
  }

  /** The chain's gaps and the paths' caveats again, in the reading language (the canvas stays as it is). */
  private async reloadExplanations(): Promise<void> {
    const base = this.history.base;
    if (base.kind === 'chain' && this.shown.chain) {
      const { gaps, cut } = await this.api.chainGaps(base.product);
      const shownGaps = new Set(this.shown.chain.gaps.map((g) => g.link.id));
      this.shown.chain = {
        ...this.shown.chain,
        gaps: gaps.filter((g) => shownGaps.has(g.link.id)),
        gapsCut: cut,
      };
      this.emit('chain');
    } else if (base.kind === 'paths' && this.shown.paths && this.shown.paths.paths.length > 0) {
      const limits = await this.serverLimits();
      const { paths, cut } = await this.api.paths(
        base.from,
        base.to,
        base.maxHops,
        Math.min(PATHS_FIRST, limits.pathsFirst),
      );
      this.shown.paths = { ...this.shown.paths, paths, cut };
      this.emit('paths');
    }
  }

  // ------------------------------------------------------------------------------------ bookkeeping

  /**
   * Runs an operation: busy meanwhile, and a failure becomes an error the user can retry, which names the
   * operation (`label`) and what to try instead.
   */
  private async run(action: () => Promise<void>, label?: OperationLabel): Promise<void> {
    this.running++;
    this.emit('busy', true);
    try {
      await action();
    } catch (error) {
      this.emit('error', error, () => void this.run(action, label), label);
    } finally {
      this.running--;
      if (this.running === 0) this.emit('busy', false);
      this.changed();
    }
  }

  /** An entity's name for a message: as on the canvas or where it was met, else its id. */
  private nameOf(id: string, lang: Lang): string {
    const entity = this.canvas.entity(id) ?? this.seen.get(id);
    return entity ? displayName(entity, lang) : id;
  }

  private selected(selection: Selection): void {
    if (selection) this.showPanel('details', true);
    this.emit('select', selection);
  }

  /** The details of the selection may read differently now (pinned, neighbours left, language). */
  private reannounceSelection(): void {
    if (this.currentPanel === 'details') this.selected(this.canvas.selection());
  }

  private changed(): void {
    if (!this.restoringView) this.emit('change');
  }

  /** The API's limits, asked once (again after a failure). */
  private serverLimits(): Promise<Limits> {
    if (!this.limitsAnswer) {
      const answer = this.api.limits();
      this.limitsAnswer = answer;
      answer.then(
        (limits) => {
          if (this.shown.limits) return;
          this.shown.limits = limits;
          this.emit('limits');
        },
        () => (this.limitsAnswer = undefined),
      );
    }
    return this.limitsAnswer;
  }

  private async loadStats(): Promise<void> {
    try {
      this.shown.stats = await this.api.stats();
      this.emit('stats');
    } catch {
      // The legend falls back to what is on the canvas; errors are for what the user asked for.
    }
  }
}
