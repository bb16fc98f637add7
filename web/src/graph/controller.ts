// The one owner of `cy`. Everything the explorer does to the graph goes through the high-level operations
// here (show the overview, expand, show more, hide, pin, undo, filter, switch language, show a chain or
// paths, lay out), each one batched and, where the user may regret it, undoable. It knows nothing of the
// DOM beyond the container it draws in, and nothing of the API: callers hand it subgraphs. So the same
// class runs headless in the unit tests.
import cytoscape from 'cytoscape';
import { relationTypeName } from '../i18n.ts';
import type { ChainGap, EntitySummary, GraphPath, Lang, Subgraph } from '../model.ts';
import { analyseChain, layoutChain, type ChainAnalysis } from './chain.ts';
import { columnsLayout } from './columns.ts';
import { pathPositions } from './pathsLayout.ts';
import { attribute } from '../model.ts';
import { edgeElement, nodeElement, type NodeData } from './elements.ts';
import { edgePasses, NO_FILTERS, nodePasses, type Filters } from './filters.ts';
import { nodeLabel, textWidth } from './labels.ts';
import { DRAFT_ABOVE, registerLayouts, runLayout, type LayoutName } from './layouts.ts';
import type { LayoutAnswer, LayoutJob } from './layoutWorker.ts';
import { explorerStylesheet } from './style.ts';

/** What the canvas shows: the plan's structure, a free exploration, a product's chain, or paths. */
export type ViewKind = 'overview' | 'explore' | 'chain' | 'paths';

export type Selection = { readonly kind: 'node' | 'edge'; readonly id: string } | null;

export interface ExpandResult {
  /** neighbours put on the canvas by this call */
  readonly added: number;
  /** neighbours known to the API and not yet shown (0 when everything is on the canvas) */
  readonly remaining: number;
}

export interface ControllerOptions {
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

export interface ControllerEvents {
  select(selection: Selection): void;
  /** the content, filters, language or layout changed: time to update the status line and the URL */
  change(): void;
  /** the user double-clicked a node */
  expand(id: string): void;
}

interface Snapshot {
  readonly elements: cytoscape.ElementDefinition[];
  readonly kind: ViewKind;
  readonly expanded: readonly string[];
  readonly dismissed: readonly string[];
  readonly pending: readonly (readonly [string, Subgraph])[];
  readonly chain: ChainAnalysis | null;
  readonly paths: readonly GraphPath[];
}

const HISTORY_LIMIT = 40;
/** One-line labels beside the nodes of the columns layout are cut at this width (style.ts). */
const COLUMN_LABEL_PX = 190;
/** Above this many nodes the large-graph stylesheet applies. */
const LARGE_GRAPH = 400;
/** On a large canvas, nodes in view get their labels from this zoom on (11 px labels drawn at 7 px or more). */
const LABEL_ZOOM = 0.65;
/** ... and only when at most this many unlabelled nodes are in view. */
const LABEL_MAX_IN_VIEW = 300;
/**
 * Above this many edges on the canvas, a pan, zoom or drag by hand draws the nodes only (bench/RESULTS.md,
 * "explorer": moved by hand at zoom 1 with their edges, 12,000 synthetic edges drew 5 frames/s and 5,000
 * drew 9, without them 48–60; 3,000 drew 39–60 with them). The plan graph (2,062 edges, 52–58 frames/s)
 * stays under it and keeps its edges in motion.
 */
export const HIDE_EDGES_WHILE_MOVING_ABOVE = 4000;

/** cytoscape's renderer, which its type declarations leave out (headless: a null renderer). */
function canvasRenderer(cy: cytoscape.Core): { hideEdgesOnViewport?: boolean } | undefined {
  return (cy as unknown as { renderer(): { hideEdgesOnViewport?: boolean } | undefined }).renderer();
}

export class GraphController {
  readonly cy: cytoscape.Core;
  private lang: Lang;
  private currentKind: ViewKind = 'explore';
  private layoutChoice: LayoutName = 'fcose';
  private filters: Filters = NO_FILTERS;
  private expanded: string[] = [];
  private dismissed = new Set<string>();
  /** neighbours fetched for a node but not shown yet, for "show more" */
  private pending = new Map<string, Subgraph>();
  private history: Snapshot[] = [];
  private chain: ChainAnalysis | null = null;
  private currentPaths: readonly GraphPath[] = [];
  private readonly animate: boolean;
  private largeStyle = false;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly refiner: ((job: LayoutJob) => Promise<LayoutAnswer>) | undefined;
  private readonly layoutCache = new Map<string, Record<string, cytoscape.Position>>();
  private layoutGeneration = 0;
  private refining = false;
  private readonly handlers: { [K in keyof ControllerEvents]: ControllerEvents[K][] } = {
    select: [],
    change: [],
    expand: [],
  };

  constructor(options: ControllerOptions = {}) {
    registerLayouts();
    this.lang = options.lang ?? 'zh';
    this.animate = options.animate ?? false;
    this.refiner = options.refineLayout;
    const container = options.container ?? undefined;
    this.cy = cytoscape({
      ...(container ? { container } : { headless: true, styleEnabled: true }),
      style: explorerStylesheet(),
      minZoom: 0.05,
      maxZoom: 5,
      selectionType: 'single',
      boxSelectionEnabled: false,
      ...(options.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);

    this.cy.on('tap', 'node', (event) => this.emit('select', { kind: 'node', id: event.target.id() }));
    this.cy.on('tap', 'edge', (event) => this.emit('select', { kind: 'edge', id: event.target.id() }));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) this.emit('select', null);
    });
    this.cy.on('dbltap', 'node', (event) => this.emit('expand', event.target.id()));
    this.cy.on('mouseover', 'edge', (event) => event.target.addClass('show-label'));
    this.cy.on('mouseout', 'edge', (event) => event.target.removeClass('show-label'));
    this.cy.on('viewport', () => this.scheduleLabels());
  }

  on<K extends keyof ControllerEvents>(event: K, handler: ControllerEvents[K]): void {
    this.handlers[event].push(handler);
  }

  private emit<K extends keyof ControllerEvents>(event: K, ...args: Parameters<ControllerEvents[K]>): void {
    for (const handler of this.handlers[event])
      (handler as (...a: Parameters<ControllerEvents[K]>) => void)(...args);
  }

  // ------------------------------------------------------------------------------------------ reading

  get kind(): ViewKind {
    return this.currentKind;
  }

  get language(): Lang {
    return this.lang;
  }

  get layoutName(): LayoutName {
    return this.layoutChoice;
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

  get chainAnalysis(): ChainAnalysis | null {
    return this.chain;
  }

  get paths(): readonly GraphPath[] {
    return this.currentPaths;
  }

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  entity(id: string): EntitySummary | undefined {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.isNode()) return undefined;
    const d = node.data() as NodeData;
    return {
      id: d.id,
      type: d.type,
      name: d.name,
      nameEn: d.nameEn,
      aliases: d.aliases,
      attributes: d.attributes,
      ...(d.degree >= 0 ? { degree: d.degree } : {}),
    };
  }

  selection(): Selection {
    const selected = this.cy.$(':selected');
    const first = selected.first();
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

  /** Replaces the whole canvas (the opening view, a search result, a shared link's base). */
  async show(
    subgraph: Subgraph,
    options: { kind: ViewKind; hubs?: readonly string[]; focus?: string; layout?: LayoutName },
  ): Promise<void> {
    const t0 = performance.now();
    this.remember();
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
    this.layoutChoice = options.layout ?? 'fcose';
    await this.layout({ randomize: true });
    this.timings = { elementsMs: t1 - t0, layoutMs: performance.now() - t1 };
  }

  /** Switches the stylesheet between its normal and its large-graph form (style.ts) as the canvas grows. */
  private fitStyleToSize(): void {
    const large = this.cy.nodes().length > LARGE_GRAPH;
    if (large === this.largeStyle) return;
    this.largeStyle = large;
    this.cy.style(explorerStylesheet({ large }));
  }

  /**
   * cytoscape reads `hideEdgesOnViewport` from the options only when cy is created, but its canvas renderer
   * reads the renderer's field on every frame and acts on it only while the user pans, zooms or drags (or
   * the camera animates). So the field follows the canvas's size: a small canvas keeps its edges in motion.
   */
  private fitViewportDrawingToSize(): void {
    const renderer = canvasRenderer(this.cy);
    if (renderer) renderer.hideEdgesOnViewport = this.cy.edges().length > HIDE_EDGES_WHILE_MOVING_ABOVE;
  }

  /** Whether a pan, zoom or drag by hand draws the nodes only (a large canvas). */
  get hidesEdgesWhileMoving(): boolean {
    return canvasRenderer(this.cy)?.hideEdgesOnViewport === true;
  }

  /**
   * On a large canvas, labels the nodes in view once the zoom makes their labels readable (style.ts:
   * lod-label). Labelled nodes stay labelled; the check runs once the viewport has settled.
   */
  private scheduleLabels(): void {
    if (!this.largeStyle) return;
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => this.labelNodesInView(), 150);
  }

  private labelNodesInView(): void {
    if (!this.largeStyle || this.cy.zoom() < LABEL_ZOOM) return;
    const { x1, y1, x2, y2 } = this.cy.extent();
    const inView = this.cy.nodes().filter((node) => {
      const { x, y } = node.position();
      return x >= x1 && x <= x2 && y >= y1 && y <= y2 && !node.hasClass('lod-label');
    });
    // So many nodes in view that their labels could only overlap: wait for a closer zoom.
    if (inView.length > LABEL_MAX_IN_VIEW) return;
    this.cy.batch(() => inView.addClass('lod-label'));
  }

  /** How long the last show() took to build the elements and to lay them out (the benchmark reads it). */
  timings: { elementsMs: number; layoutMs: number } = { elementsMs: 0, layoutMs: 0 };

  /** Adds entities (and the edges among what is shown); returns the ids that were not on the canvas. */
  async add(subgraph: Subgraph, options: { near?: string; layout?: boolean } = {}): Promise<string[]> {
    this.remember();
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
    this.remember();
    this.pending.set(id, neighbourhood);
    if (!this.expanded.includes(id)) this.expanded.push(id);
    this.cy.getElementById(id).data('expanded', true);
    return this.revealPending(id, cap);
  }

  /** The next `cap` neighbours of an expanded node, from what its expansion fetched. */
  async showMore(id: string, cap: number): Promise<ExpandResult> {
    this.remember();
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
    const shown = waiting.slice(0, cap);
    const shownIds = new Set([id, ...shown.map((n) => n.id)]);
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
    this.remember();
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
    this.remember();
    node.toggleClass('pinned');
    this.emit('change');
    return node.hasClass('pinned');
  }

  setPinned(ids: readonly string[]): void {
    this.cy.batch(() => {
      for (const id of ids) this.cy.getElementById(id).addClass('pinned');
    });
  }

  /** Goes back one step: the canvas, expansions, hidden nodes and pins as they were. */
  undo(): boolean {
    const snapshot = this.history.pop();
    if (!snapshot) return false;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(snapshot.elements);
    });
    this.currentKind = snapshot.kind;
    this.expanded = [...snapshot.expanded];
    this.dismissed = new Set(snapshot.dismissed);
    this.pending = new Map(snapshot.pending);
    this.chain = snapshot.chain;
    this.currentPaths = snapshot.paths;
    this.applyFilters();
    this.emit('select', this.selection());
    this.emit('change');
    return true;
  }

  clear(): void {
    this.remember();
    this.resetContent('explore');
    this.afterContentChange();
  }

  // ------------------------------------------------------------------------------------ chains, paths

  /** A product's supply chain in tiers, with the gaps the API found marked. */
  async showChain(subgraph: Subgraph, product: string, gaps: readonly ChainGap[]): Promise<ChainAnalysis> {
    this.remember();
    this.resetContent('chain');
    this.chain = analyseChain(subgraph, product, gaps);
    this.cy.batch(() => {
      this.cy.add(this.definitions(subgraph));
      this.cy.getElementById(product).addClass('focus');
    });
    this.markGaps();
    this.afterContentChange();
    this.layoutChoice = 'dagre';
    await this.layout({ randomize: true });
    return this.chain;
  }

  private markGaps(): void {
    const chain = this.chain;
    this.cy.batch(() => {
      this.cy.nodes().removeClass('gap gap-uncovered gap-no-enterprise gap-planned-only gap-taiwan-only');
      if (!chain) return;
      for (const [id, kinds] of chain.gaps) {
        if (kinds[0]) this.cy.getElementById(id).addClass(`gap gap-${kinds[0]}`);
      }
    });
  }

  /** Paths between two entities, drawn left to right; the first (shortest) one highlighted. */
  async showPaths(paths: readonly GraphPath[], from: string, to: string): Promise<void> {
    this.remember();
    this.resetContent('paths');
    this.currentPaths = paths;
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
    this.layoutChoice = 'dagre';
    await this.layout({ randomize: true });
    this.highlightPath(paths.length > 0 ? 0 : -1);
  }

  /** Highlights one of the shown paths (-1: none) and fades the rest. */
  highlightPath(index: number): void {
    const path = this.currentPaths[index];
    this.cy.batch(() => {
      this.cy.elements().removeClass('path faded');
      if (!path) return;
      const on = new Set([...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)]);
      this.cy.elements().forEach((ele) => {
        ele.addClass(on.has(ele.id()) ? 'path' : 'faded');
      });
    });
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
        node.data({ label: nodeLabel(d, lang), line: lang === 'en' ? d.nameEn || d.name : d.name });
      });
      this.cy.edges().forEach((edge) => {
        edge.data('label', relationTypeName(lang, String(edge.data('type'))));
      });
    });
    // Cytoscape keeps the old labels' sizes (and bounding boxes) until the style is recomputed.
    this.cy.style(explorerStylesheet({ large: this.largeStyle }));
    // The columns leave room for the labels of one language: lay them out again for the other.
    if (this.layoutChoice === 'columns') this.layoutColumns(this.cy.elements().not('.filtered'));
    else if (allInView && this.cy.width() > 0) this.fit();
    this.emit('change');
  }

  get currentFilters(): Filters {
    return this.filters;
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.applyFilters();
    this.emit('change');
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

  /** Lays out the canvas again with a layout of the user's choice (or the current one). */
  async relayout(name: LayoutName = this.layoutChoice): Promise<void> {
    this.layoutChoice = name;
    await this.layout({ randomize: true });
    this.emit('change');
  }

  private async layout(options: { randomize: boolean; fixed?: string }): Promise<void> {
    const visible = this.cy.elements().not('.filtered');
    if (visible.nodes().empty()) return;
    this.cy
      .nodes('.attached, .label-left, .label-right, .wrap-label')
      .removeClass('attached label-left label-right wrap-label');
    const pinned = this.cy.nodes('.pinned');
    const keep = new Map(pinned.map((n) => [n.id(), { ...n.position() }] as const));
    if (options.fixed && !options.randomize) {
      const node = this.cy.getElementById(options.fixed);
      if (node.nonempty()) keep.set(options.fixed, { ...node.position() });
    }
    if (this.currentKind === 'chain' && this.layoutChoice === 'dagre' && this.chain) {
      await layoutChain(this.cy, this.chain, this.animate);
    } else if (this.currentKind === 'paths' && this.layoutChoice === 'dagre') {
      const positions = pathPositions(this.currentPaths);
      this.cy.batch(() => {
        for (const [id, position] of positions) this.cy.getElementById(id).position(position);
      });
      this.cy.fit(visible, 40);
    } else if (this.layoutChoice === 'columns') {
      this.layoutColumns(visible);
    } else if (
      this.layoutChoice === 'fcose' &&
      options.randomize &&
      this.refiner &&
      visible.nodes().length > DRAFT_ABOVE
    ) {
      await this.refinedLayout(visible, keep);
    } else {
      await runLayout(visible, {
        name: this.layoutChoice,
        randomize: options.randomize,
        animate: this.animate && !options.randomize,
        fixed: [...keep].map(([nodeId, position]) => ({ nodeId, position })),
      });
    }
    // Layouts other than fcose know nothing of pins: put pinned nodes back.
    if (this.layoutChoice !== 'fcose') {
      this.cy.batch(() => {
        for (const [id, position] of keep) {
          if (this.cy.getElementById(id).hasClass('pinned')) this.cy.getElementById(id).position(position);
        }
      });
    }
  }

  /**
   * A large canvas: positions from the cache when this very graph was laid out before; otherwise a draft
   * fcose now (the first frame comes in well under 2 s) and full-quality fcose in the worker, which the
   * nodes ease into when it answers (unless the canvas changed meanwhile).
   */
  private async refinedLayout(
    visible: cytoscape.CollectionReturnValue,
    keep: ReadonlyMap<string, cytoscape.Position>,
  ): Promise<void> {
    const key = layoutKey(visible);
    const cached = this.layoutCache.get(key) ?? readStoredLayout(key);
    if (cached) {
      this.applyPositions(cached, false);
      return;
    }
    const fixed = [...keep].map(([nodeId, position]) => ({ nodeId, position }));
    await runLayout(visible, { name: 'fcose', randomize: true, animate: false, fixed });
    const refiner = this.refiner;
    if (!refiner) return;
    const generation = ++this.layoutGeneration;
    const job: LayoutJob = {
      id: generation,
      seed: 20111029,
      nodes: visible.nodes().map((n) => {
        const d = n.data() as NodeData;
        const lines = d.label.split('\n');
        const size = d.size;
        return {
          id: d.id,
          w: Math.max(size, Math.max(...lines.map(textWidth)) * 11),
          h: size + 4 + lines.length * 13,
          ...n.position(),
          fixed: keep.has(d.id),
        };
      }),
      edges: visible.edges().map((e) => ({
        id: e.id(),
        source: String(e.data('source')),
        target: String(e.data('target')),
        type: String(e.data('type')),
      })),
    };
    this.refining = true;
    this.emit('change');
    refiner(job).then(
      (answer) => {
        if (answer.id !== this.layoutGeneration) return;
        this.refining = false;
        this.layoutCache.set(key, answer.positions);
        storeLayout(key, answer.positions);
        this.applyPositions(answer.positions, this.animate);
        this.emit('change');
      },
      () => {
        this.refining = false;
        this.emit('change');
      },
    );
  }

  private applyPositions(positions: Readonly<Record<string, cytoscape.Position>>, animate: boolean): void {
    const nodes = this.cy.nodes().filter((n) => !n.hasClass('pinned') && positions[n.id()] !== undefined);
    nodes
      .layout({
        name: 'preset',
        positions: (node: cytoscape.NodeSingular) => positions[node.id()] ?? node.position(),
        fit: true,
        padding: 30,
        animate,
        animationDuration: 700,
      } as cytoscape.LayoutOptions)
      .run();
  }

  /** True while the worker polishes a large layout. */
  get refiningLayout(): boolean {
    return this.refining;
  }

  /** The layered layout of columns.ts, with labels beside the nodes of the outer columns. */
  private layoutColumns(visible: cytoscape.CollectionReturnValue): void {
    // Outer columns hold many small rows: their nodes are drawn smaller (still ordered by degree).
    const nodes = visible.nodes().map((n) => {
      const d = n.data() as NodeData & { rank?: number };
      const compact = Math.round(Math.min(24, 10 + 1.6 * Math.sqrt(Math.max(d.degree, 1))));
      n.data('compact', compact);
      // An anchor label too long for one line (English names, mostly) keeps its wrapped form.
      const wrap = d.rank !== undefined && textWidth(d.line) * 13 > COLUMN_LABEL_PX;
      n.toggleClass('wrap-label', wrap);
      const lines = wrap ? d.label.split('\n') : [d.line];
      const labelWidth = Math.max(...lines.map(textWidth)) * (d.rank === undefined ? 12 : 13);
      return {
        id: d.id,
        type: d.type,
        level: attribute(d, 'level'),
        rank: d.rank,
        degree: d.degree,
        size: d.rank === undefined ? compact : d.size,
        labelWidth,
        labelLines: lines.length,
      };
    });
    const edges = visible
      .edges()
      .map((e) => ({ source: String(e.data('source')), target: String(e.data('target')) }));
    const placement = columnsLayout(nodes, edges);
    this.cy.batch(() => {
      for (const [id, p] of placement) {
        const node = this.cy.getElementById(id);
        if (node.hasClass('pinned')) continue;
        node.position({ x: p.x, y: p.y });
        if (p.side === 'left') node.addClass('label-left');
        else if (p.side === 'right') node.addClass('label-right');
      }
    });
    this.cy.fit(visible, 30);
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

  select(id: string | null): void {
    this.cy.$(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 30);
  }

  // ----------------------------------------------------------------------------------------- helpers

  private definitions(subgraph: Subgraph): cytoscape.ElementDefinition[] {
    const ids = new Set(subgraph.nodes.map((n) => n.id));
    const nodes = subgraph.nodes.map((n) => nodeElement(n, this.lang));
    const edges = dedupe(subgraph.edges)
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => edgeElement(e, this.lang));
    return [...dedupeDefinitions(nodes), ...edges];
  }

  /** Adds what is new; returns the ids of added nodes. New nodes start around `near` (or the centre). */
  private merge(subgraph: Subgraph, near?: string): string[] {
    const added: string[] = [];
    this.cy.batch(() => {
      const anchor = near ? this.cy.getElementById(near) : this.cy.collection();
      const centre = anchor.nonempty() && anchor.isNode() ? anchor.position() : this.viewportCentre();
      const fresh = subgraph.nodes.filter((n) => !this.has(n.id) && !this.dismissed.has(n.id));
      const unique = new Map(fresh.map((n) => [n.id, n]));
      let i = 0;
      for (const entity of unique.values()) {
        const angle = (2 * Math.PI * i) / Math.max(unique.size, 1);
        const radius = 70 + 6 * Math.sqrt(unique.size);
        const element = nodeElement(entity, this.lang);
        element.position = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
        this.cy.add(element);
        added.push(entity.id);
        i++;
      }
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
    this.currentPaths = [];
  }

  private afterContentChange(): void {
    // A layout the worker is still polishing is for a canvas that no longer exists.
    this.layoutGeneration++;
    this.refining = false;
    this.fitStyleToSize();
    this.fitViewportDrawingToSize();
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

  private remember(): void {
    this.history.push({
      elements: this.cy.elements().jsons() as unknown as cytoscape.ElementDefinition[],
      kind: this.currentKind,
      expanded: [...this.expanded],
      dismissed: [...this.dismissed],
      pending: [...this.pending],
      chain: this.chain,
      paths: this.currentPaths,
    });
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
  }

  destroy(): void {
    clearTimeout(this.labelTimer);
    this.cy.destroy();
  }
}

function dedupe<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

function dedupeDefinitions(items: cytoscape.ElementDefinition[]): cytoscape.ElementDefinition[] {
  return [...new Map(items.map((item) => [String(item.data.id), item])).values()];
}

/** Identifies a graph by its elements: the same nodes and edges get the same polished layout back. */
export function layoutKey(elements: cytoscape.CollectionReturnValue): string {
  const ids = elements.map((e) => e.id()).sort();
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0x2c, 0x01000193) >>> 0;
  }
  return `cskg-layout:${ids.length}:${hash.toString(36)}`;
}

const STORED_LAYOUTS = 'cskg-layouts';

function readStoredLayout(key: string): Record<string, cytoscape.Position> | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(key);
    return stored ? (JSON.parse(stored) as Record<string, cytoscape.Position>) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the last few polished layouts across reloads (a shared link opens at once). */
function storeLayout(key: string, positions: Record<string, cytoscape.Position>): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const keys = (JSON.parse(storage.getItem(STORED_LAYOUTS) ?? '[]') as string[]).filter((k) => k !== key);
    keys.push(key);
    while (keys.length > 3) storage.removeItem(keys.shift() as string);
    const rounded = Object.fromEntries(
      Object.entries(positions).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]),
    );
    storage.setItem(key, JSON.stringify(rounded));
    storage.setItem(STORED_LAYOUTS, JSON.stringify(keys));
  } catch {
    // storage full or disabled: the layout is simply computed again next time
  }
}
