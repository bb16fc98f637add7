// The one owner of `cy`: the content operations of the explorer (show a view, add, expand, show more, hide,
// pin, focus, filter, switch language, show a chain or paths), each batched. It knows nothing of the DOM
// beyond the container it draws in, and nothing of the API: callers hand it subgraphs. So the same class
// runs headless in the unit tests. Where nodes go is the layout runner's job (layoutRunner.ts), how much is
// drawn at the canvas's size and zoom the level of detail's (levelOfDetail.ts). It keeps no history: a
// snapshot of its content is taken and restored by whoever owns the undo history.
import cytoscape from 'cytoscape';
import { DEFAULT_LANG, displayName, relationTypeName, type Lang } from '../i18n/index.ts';
import type { ChainGap, EntitySummary, GraphPath, Subgraph } from '../model.ts';
import { analyseChain, GAP_KINDS, gapsOn, type ChainAnalysis } from './chain.ts';
import { edgeElement, entityOfNode, nodeElement, type NodeData } from './elements.ts';
import { Emitter } from '../emitter.ts';
import { edgePasses, NO_FILTERS, nodePasses, type Filters } from './filters.ts';
import { nodeLabel } from './labels.ts';
import { LayoutRunner, type ViewKind } from './layoutRunner.ts';
import { registerLayouts, type LayoutName } from './layouts.ts';
import type { LayoutAnswer, LayoutJob } from './layoutWorker.ts';
import { LevelOfDetail } from './levelOfDetail.ts';
import type { MapLayout } from '../map/mapLayout.ts';
import type { GeographyIndex } from '../map/placement.ts';
import { explorerStylesheet } from './style.ts';

export type { ViewKind } from './layoutRunner.ts';

/** Node sizes of the partnership network: no betweenness, and the most of it. */
const ROLE_MIN_SIZE = 18;
const ROLE_MAX_SIZE = 70;

export type Selection = { readonly kind: 'node' | 'edge'; readonly id: string } | null;

export interface ExpandResult {
  /** neighbours put on the canvas by this call */
  readonly added: number;
  /** neighbours known to the API and not yet shown (0 when everything is on the canvas) */
  readonly remaining: number;
}

export interface CanvasOptions {
  /** where to draw; without it cytoscape runs headless (tests, benchmarks) */
  readonly container?: HTMLElement | null;
  readonly lang?: Lang;
  /** cytoscape's experimental WebGL renderer (measured in bench/RESULTS.md, "explorer") */
  readonly webgl?: boolean;
  /** animate layouts and camera moves (off in tests) */
  readonly animate?: boolean;
  /** polishes large layouts off the main thread (layoutWorker.ts); without it they stay draft */
  readonly refineLayout?: (job: LayoutJob) => Promise<LayoutAnswer>;
}

export interface CanvasEvents {
  select(selection: Selection): void;
  /** the content, filters, language or layout changed: time to update the status line and the URL */
  change(): void;
  /** the user double-clicked a node */
  expand(id: string): void;
}

/** The content of the canvas at one moment, for undo. */
export interface CanvasSnapshot {
  readonly elements: cytoscape.ElementDefinition[];
  readonly kind: ViewKind;
  readonly expanded: readonly string[];
  readonly dismissed: readonly string[];
  readonly pending: readonly (readonly [string, Subgraph])[];
  readonly chain: ChainAnalysis | null;
  readonly paths: readonly GraphPath[];
}

export class CanvasController extends Emitter<CanvasEvents> {
  readonly cy: cytoscape.Core;
  private lang: Lang;
  private currentKind: ViewKind = 'explore';
  private filters: Filters = NO_FILTERS;
  private expanded: string[] = [];
  private dismissed = new Set<string>();
  /** neighbours fetched for a node but not shown yet, for "show more" */
  private pending = new Map<string, Subgraph>();
  private chain: ChainAnalysis | null = null;
  private paths: readonly GraphPath[] = [];
  private geography: GeographyIndex | null = null;
  private readonly animate: boolean;
  private readonly layouts: LayoutRunner;
  private readonly detail: LevelOfDetail;

  /** How long the last show() took to build the elements and to lay them out (the benchmark reads it). */
  timings: { elementsMs: number; layoutMs: number } = { elementsMs: 0, layoutMs: 0 };

  constructor(options: CanvasOptions = {}) {
    super();
    registerLayouts();
    this.lang = options.lang ?? DEFAULT_LANG;
    this.animate = options.animate ?? false;
    const container = options.container ?? undefined;
    this.cy = cytoscape({
      ...(container ? { container } : { headless: true, styleEnabled: true }),
      style: explorerStylesheet({ lang: this.lang }),
      minZoom: 0.05,
      maxZoom: 5,
      selectionType: 'single',
      boxSelectionEnabled: false,
      ...(options.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    this.layouts = new LayoutRunner(this.cy, {
      animate: this.animate,
      refine: options.refineLayout,
      onRefining: () => this.emit('change'),
    });
    this.detail = new LevelOfDetail(this.cy);
    if (this.lang === 'zh-Hant') this.detail.restyle(this.lang);

    this.cy.on('tap', 'node', (event) => this.emit('select', { kind: 'node', id: event.target.id() }));
    this.cy.on('tap', 'edge', (event) => this.emit('select', { kind: 'edge', id: event.target.id() }));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) this.emit('select', null);
    });
    this.cy.on('dbltap', 'node', (event) => this.emit('expand', event.target.id()));
    this.cy.on('mouseover', 'edge', (event) => event.target.addClass('show-label'));
    this.cy.on('mouseout', 'edge', (event) => event.target.removeClass('show-label'));
  }

  // ------------------------------------------------------------------------------------------ reading

  get kind(): ViewKind {
    return this.currentKind;
  }

  get layoutName(): LayoutName {
    return this.layouts.name;
  }

  get expandedIds(): readonly string[] {
    return this.expanded;
  }

  get dismissedIds(): readonly string[] {
    return [...this.dismissed];
  }

  get pinnedIds(): readonly string[] {
    return this.cy.nodes('.pinned').map((n) => n.id());
  }

  get currentFilters(): Filters {
    return this.filters;
  }

  /** While the map is the layout: what is placed where, and what the map cannot place. */
  get map(): MapLayout | null {
    return this.layouts.map;
  }

  /** True while the worker polishes a large layout. */
  get refiningLayout(): boolean {
    return this.layouts.refining;
  }

  /** Whether a pan, zoom or drag by hand draws the nodes only (a large canvas). */
  get hidesEdgesWhileMoving(): boolean {
    return this.detail.hidesEdgesWhileMoving;
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  entity(id: string): EntitySummary | undefined {
    const node = this.cy.getElementById(id);
    return node.nonempty() && node.isNode() ? entityOfNode(node) : undefined;
  }

  selection(): Selection {
    const first = this.cy.$(':selected').first();
    if (first.empty()) return null;
    return { kind: first.isNode() ? 'node' : 'edge', id: first.id() };
  }

  /** Nodes and edges on the canvas, and how many of them the filters hide. */
  counts(): { nodes: number; edges: number; filteredNodes: number; filteredEdges: number } {
    return {
      nodes: this.cy.nodes().length,
      edges: this.cy.edges().length,
      filteredNodes: this.cy.nodes('.filtered').length,
      filteredEdges: this.cy.edges('.filtered').length,
    };
  }

  /** Neighbours of a node that the graph holds and the canvas does not show. */
  remaining(id: string): number {
    const node = this.cy.getElementById(id);
    if (node.empty()) return 0;
    const pending =
      this.pending.get(id)?.nodes.filter((n) => !this.has(n.id) && !this.dismissed.has(n.id)).length ?? 0;
    const degree = Number(node.data('degree'));
    const onCanvas = node.connectedEdges().length;
    return Math.max(pending, degree > 0 ? degree - onCanvas : 0);
  }

  // ---------------------------------------------------------------------------------------- content

  /** Replaces the whole canvas (the opening view, the whole graph, a shared link's base). */
  async show(
    subgraph: Subgraph,
    options: { kind: ViewKind; hubs?: readonly string[]; focus?: string; layout?: LayoutName },
  ): Promise<void> {
    const t0 = performance.now();
    this.resetContent(options.kind);
    this.cy.batch(() => {
      this.cy.add(this.definitions(subgraph));
      (options.hubs ?? []).forEach((id, rank) =>
        this.cy.getElementById(id).addClass('hub').data('rank', rank),
      );
      if (options.focus) this.cy.getElementById(options.focus).addClass('focus');
    });
    this.afterContentChange();
    const t1 = performance.now();
    this.layouts.name = options.layout ?? 'fcose';
    await this.layout({ randomize: true });
    this.timings = { elementsMs: t1 - t0, layoutMs: performance.now() - t1 };
  }

  /** Empties the canvas (a view drawn again from its record starts from nothing). */
  clear(): void {
    this.resetContent('explore');
    this.afterContentChange();
  }

  /** Adds entities (and the edges among what is shown); returns the ids that were not on the canvas. */
  async add(subgraph: Subgraph, options: { near?: string; layout?: boolean } = {}): Promise<string[]> {
    for (const node of subgraph.nodes) this.dismissed.delete(node.id);
    const added = this.merge(subgraph, options.near);
    this.afterContentChange();
    if (added.length > 0 && options.layout !== false)
      await this.layout({ randomize: false, fixed: options.near });
    return added;
  }

  /**
   * Shows up to `cap` neighbours of a node, the best-connected first; the rest wait for showMore. The
   * neighbourhood is what the API answered for this node (it may hold edges among the neighbours too).
   */
  async expand(id: string, neighbourhood: Subgraph, cap: number): Promise<ExpandResult> {
    this.pending.set(id, neighbourhood);
    if (!this.expanded.includes(id)) this.expanded.push(id);
    this.cy.getElementById(id).data('expanded', true);
    return this.revealPending(id, cap);
  }

  /** The next `cap` neighbours of an expanded node, from what its expansion fetched. */
  async showMore(id: string, cap: number): Promise<ExpandResult> {
    return this.revealPending(id, cap);
  }

  /** Whether showMore has something left to show without asking the API again. */
  hasPending(id: string): boolean {
    const pending = this.pending.get(id);
    return (
      !!pending && pending.nodes.some((n) => n.id !== id && !this.has(n.id) && !this.dismissed.has(n.id))
    );
  }

  private async revealPending(id: string, cap: number): Promise<ExpandResult> {
    const neighbourhood = this.pending.get(id) ?? { nodes: [], edges: [], truncated: false };
    const waiting = neighbourhood.nodes
      .filter((n) => n.id !== id && !this.has(n.id) && !this.dismissed.has(n.id))
      .sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0) || a.name.localeCompare(b.name, 'zh'));
    const shownIds = new Set([id, ...waiting.slice(0, cap).map((n) => n.id)]);
    const part: Subgraph = {
      nodes: neighbourhood.nodes.filter((n) => shownIds.has(n.id)),
      edges: neighbourhood.edges,
      truncated: false,
    };
    const added = this.merge(part, id);
    this.afterContentChange();
    if (added.length > 0) await this.layout({ randomize: false, fixed: id });
    return { added: added.length, remaining: this.remaining(id) };
  }

  /** Removes nodes from the canvas; later expansions leave them out until they are searched again. */
  hide(ids: readonly string[]): void {
    const nodes = this.cy.collection();
    for (const id of ids) nodes.merge(this.cy.getElementById(id));
    if (nodes.empty()) return;
    this.cy.batch(() => {
      nodes.forEach((n) => {
        if (n.isNode()) this.dismissed.add(n.id());
      });
      nodes.remove();
    });
    this.expanded = this.expanded.filter((id) => this.has(id));
    this.afterContentChange();
  }

  /** A pinned node keeps its place through every layout. */
  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    node.toggleClass('pinned');
    this.emit('change');
    return node.hasClass('pinned');
  }

  /** The content as it is now: the canvas, expansions, hidden nodes and pins. */
  snapshot(): CanvasSnapshot {
    return {
      elements: this.cy.elements().jsons() as unknown as cytoscape.ElementDefinition[],
      kind: this.currentKind,
      expanded: [...this.expanded],
      dismissed: [...this.dismissed],
      pending: [...this.pending],
      chain: this.chain,
      paths: this.paths,
    };
  }

  /** Puts back the content of a snapshot, as it was (positions included). */
  restore(snapshot: CanvasSnapshot): void {
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(snapshot.elements);
    });
    this.currentKind = snapshot.kind;
    this.expanded = [...snapshot.expanded];
    this.dismissed = new Set(snapshot.dismissed);
    this.pending = new Map(snapshot.pending);
    this.chain = snapshot.chain;
    this.paths = snapshot.paths;
    this.applyFilters();
    this.emit('select', this.selection());
    this.emit('change');
  }

  // ------------------------------------------------------------------------------------ chains, paths

  /** A product's supply chain in tiers, with the gaps the API found marked. */
  async showChain(subgraph: Subgraph, product: string, gaps: readonly ChainGap[]): Promise<ChainAnalysis> {
    this.resetContent('chain');
    const chain = analyseChain(subgraph, product, gaps);
    this.chain = chain;
    this.cy.batch(() => {
      this.cy.add(this.definitions(subgraph));
      this.cy.getElementById(product).addClass('focus');
      for (const [id, kinds] of chain.gaps) {
        if (kinds[0]) this.cy.getElementById(id).addClass(`gap gap-${kinds[0]}`);
      }
      for (const [id, outcome] of chain.outcomes) this.cy.getElementById(id).data('outcome', outcome);
    });
    this.afterContentChange();
    this.layouts.name = 'dagre';
    await this.layout({ randomize: true });
    return chain;
  }

  /** Marks the gaps the API found on the chain shown (they may arrive after it); returns the chain now. */
  setChainGaps(gaps: readonly ChainGap[]): ChainAnalysis | null {
    const chain = this.chain;
    if (!chain) return null;
    const marked = gapsOn(new Set(chain.products), gaps);
    this.chain = { ...chain, gaps: marked };
    this.cy.batch(() => {
      this.cy.nodes('.gap').removeClass(GAP_KINDS.map((k) => `gap gap-${k}`).join(' '));
      for (const [id, kinds] of marked) {
        if (kinds[0]) this.cy.getElementById(id).addClass(`gap gap-${kinds[0]}`);
      }
    });
    this.emit('change');
    return this.chain;
  }

  /** Paths between two entities, drawn left to right; the first (shortest) one highlighted. */
  async showPaths(paths: readonly GraphPath[], from: string, to: string): Promise<void> {
    this.resetContent('paths');
    this.paths = paths;
    const nodes = new Map<string, EntitySummary>();
    const edges = new Map<string, GraphPath['edges'][number]>();
    for (const path of paths) {
      for (const n of path.nodes) nodes.set(n.id, n);
      for (const e of path.edges) edges.set(e.id, e);
    }
    this.cy.batch(() => {
      this.cy.add(
        this.definitions({ nodes: [...nodes.values()], edges: [...edges.values()], truncated: false }),
      );
      this.cy.getElementById(from).addClass('path-end');
      this.cy.getElementById(to).addClass('path-end');
    });
    this.afterContentChange();
    this.layouts.name = 'dagre';
    await this.layout({ randomize: true });
    this.highlightPath(paths.length > 0 ? 0 : -1);
  }

  /** Highlights one of the shown paths (-1: none) and fades the rest. */
  highlightPath(index: number): void {
    this.highlightPaths(index < 0 ? [] : [index]);
  }

  /** Highlights some of the shown paths (none: every element plain) and fades the rest. */
  highlightPaths(indices: readonly number[]): void {
    const paths = indices.map((i) => this.paths[i]).filter((p): p is GraphPath => p !== undefined);
    this.cy.batch(() => {
      this.cy.elements().removeClass('path faded');
      if (paths.length === 0) return;
      const on = new Set(paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]));
      this.cy.elements().forEach((ele) => {
        ele.addClass(on.has(ele.id()) ? 'path' : 'faded');
      });
    });
  }

  /**
   * What a failure would do: the paths from the failing entities to what fails with them and to each
   * consequence, left to right; the failing entities crossed, the consequences ringed. `paths` is every
   * path shown, in the order highlightPaths counts them.
   */
  async showImpact(
    paths: readonly GraphPath[],
    failing: readonly EntitySummary[],
    consequences: readonly string[],
  ): Promise<void> {
    this.resetContent('impact');
    this.paths = paths;
    const nodes = new Map<string, EntitySummary>(failing.map((n) => [n.id, n]));
    const edges = new Map<string, GraphPath['edges'][number]>();
    for (const path of paths) {
      for (const n of path.nodes) nodes.set(n.id, n);
      for (const e of path.edges) edges.set(e.id, e);
    }
    this.cy.batch(() => {
      this.cy.add(
        this.definitions({ nodes: [...nodes.values()], edges: [...edges.values()], truncated: false }),
      );
      for (const id of consequences) this.cy.getElementById(id).addClass('impacted');
      for (const n of failing) this.cy.getElementById(n.id).addClass('failing');
    });
    this.afterContentChange();
    this.layouts.name = 'dagre';
    await this.layout({ randomize: true });
  }

  /**
   * The partnership network, each member sized by its betweenness (who bridges others) and the bridges
   * between the two sides ringed.
   */
  async showRoles(
    subgraph: Subgraph,
    roles: ReadonlyMap<string, { readonly betweenness: number; readonly bridge: boolean }>,
  ): Promise<void> {
    this.resetContent('explore');
    const most = Math.max(...[...roles.values()].map((r) => r.betweenness), Number.EPSILON);
    this.cy.batch(() => {
      this.cy.add(this.definitions(subgraph));
      for (const [id, role] of roles) {
        const node = this.cy.getElementById(id);
        node.data(
          'size',
          ROLE_MIN_SIZE + (ROLE_MAX_SIZE - ROLE_MIN_SIZE) * Math.sqrt(role.betweenness / most),
        );
        node.toggleClass('bridge', role.bridge);
      }
    });
    this.afterContentChange();
    this.layouts.name = 'fcose';
    await this.layout({ randomize: true });
  }

  // ---------------------------------------------------------------------------------- look and layout

  setLanguage(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    // Labels change width: if everything was in view, keep it so.
    const box = this.cy.elements(':visible').renderedBoundingBox({});
    const allInView = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= this.cy.width() && box.y2 <= this.cy.height();
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const d = node.data() as NodeData;
        node.data({ label: nodeLabel(d, lang), line: displayName(d, lang) });
      });
      this.cy.edges().forEach((edge) => {
        edge.data('label', relationTypeName(lang, String(edge.data('type'))));
      });
    });
    this.detail.restyle(lang);
    // The columns leave room for the labels of one language: lay them out again for the other.
    if (this.layouts.name === 'columns') this.layouts.columns();
    else if (allInView && this.cy.width() > 0) this.fit();
    this.emit('change');
  }

  /** What lies in what (the graph's LOCATED_IN), which the map places entities by. */
  setGeography(geography: GeographyIndex): void {
    this.geography = geography;
  }

  get hasGeography(): boolean {
    return this.geography !== null;
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.applyFilters();
    this.emit('change');
  }

  /** Lays out the canvas again with a layout of the user's choice (or the current one). */
  async relayout(name: LayoutName = this.layouts.name): Promise<void> {
    this.layouts.name = name;
    await this.layout({ randomize: true });
    this.emit('change');
  }

  /** Selects a node or an edge and brings it into view. */
  focus(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.$(':selected').unselect();
    element.select();
    const target = element.isNode()
      ? element.closedNeighborhood()
      : (element as cytoscape.EdgeSingular).connectedNodes().union(element);
    // Fit the element and its neighbours, but never so far out that labels become unreadable nor so far
    // in that one node fills the screen: the element stays in the middle.
    const before = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    this.cy.fit(target, 60);
    this.cy.zoom(Math.min(1.3, Math.max(0.9, this.cy.zoom())));
    this.cy.center(element);
    if (this.animate) {
      const after = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
      this.cy.viewport(before);
      this.cy.animate({ ...after, duration: 300 });
    }
    this.emit('select', { kind: element.isNode() ? 'node' : 'edge', id });
  }

  fit(): void {
    if (this.layouts.map) this.layouts.fitMap();
    else this.cy.fit(this.cy.elements(':visible'), 30);
  }

  destroy(): void {
    this.detail.destroy();
    this.cy.destroy();
  }

  // ----------------------------------------------------------------------------------------- helpers

  private layout(options: { randomize: boolean; fixed?: string | undefined }): Promise<void> {
    return this.layouts.run(
      { kind: this.currentKind, chain: this.chain, paths: this.paths, geography: this.geography },
      options,
    );
  }

  private applyFilters(): void {
    const filters = this.filters;
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('filtered', !nodePasses(filters, { type: String(node.data('type')) }));
      });
      this.cy.edges().forEach((edge) => {
        const hidden =
          !edgePasses(filters, { type: String(edge.data('type')), status: String(edge.data('status')) }) ||
          edge.source().hasClass('filtered') ||
          edge.target().hasClass('filtered');
        edge.toggleClass('filtered', hidden);
      });
    });
  }

  private definitions(subgraph: Subgraph): cytoscape.ElementDefinition[] {
    const ids = new Set(subgraph.nodes.map((n) => n.id));
    const nodes = dedupe(subgraph.nodes).map((n) => nodeElement(n, this.lang));
    const edges = dedupe(subgraph.edges)
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => edgeElement(e, this.lang));
    return [...nodes, ...edges];
  }

  /** Adds what is new; returns the ids of added nodes. New nodes start around `near` (or the centre). */
  private merge(subgraph: Subgraph, near?: string): string[] {
    const added: string[] = [];
    this.cy.batch(() => {
      const anchor = near ? this.cy.getElementById(near) : this.cy.collection();
      const centre = anchor.nonempty() && anchor.isNode() ? anchor.position() : this.viewportCentre();
      const fresh = dedupe(subgraph.nodes.filter((n) => !this.has(n.id) && !this.dismissed.has(n.id)));
      fresh.forEach((entity, i) => {
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        const radius = 70 + 6 * Math.sqrt(fresh.length);
        const element = nodeElement(entity, this.lang);
        element.position = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
        this.cy.add(element);
        added.push(entity.id);
      });
      for (const edge of dedupe(subgraph.edges)) {
        if (this.has(edge.id) || !this.has(edge.source) || !this.has(edge.target)) continue;
        this.cy.add(edgeElement(edge, this.lang));
      }
    });
    return added;
  }

  private viewportCentre(): cytoscape.Position {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2 || 0, y: (extent.y1 + extent.y2) / 2 || 0 };
  }

  private resetContent(kind: ViewKind): void {
    this.cy.elements().remove();
    this.currentKind = kind;
    this.expanded = [];
    this.dismissed = new Set();
    this.pending = new Map();
    this.chain = null;
    this.paths = [];
  }

  private afterContentChange(): void {
    this.layouts.invalidate();
    this.detail.fitToSize();
    this.applyFilters();
    this.refreshMarkers();
    this.emit('change');
  }

  /**
   * The halo on nodes with neighbours the canvas does not show. Only while exploring: in the overview,
   * a chain or paths nearly every node has more, and the halo would say nothing.
   */
  private refreshMarkers(): void {
    const exploring = this.currentKind === 'explore';
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('has-more', exploring && this.remaining(node.id()) > 0);
      });
    });
  }
}

/** One of each id, in order of first appearance (an API answer may repeat an entity or a relation). */
function dedupe<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
