// Places the nodes of the canvas. The view decides the layout: a chain in tiers (chain.ts), paths start to
// end (pathsLayout.ts), the overview in columns (columns.ts), anything else the layout the user chose
// (layouts.ts). A large fcose is drawn at once in draft quality and then eased into a full-quality layout
// computed in a Web Worker (layoutWorker.ts), and the polished positions are cached per graph, in memory
// and across reloads, so a second visit or a shared link opens at once. Pinned nodes keep their place. The
// map (map/mapLayout.ts) puts each entity at the region it lies in and marks the relations that cross the
// strait.
import type cytoscape from 'cytoscape';
import { crossesStrait, mapLayout, type MapLayout } from '../map/mapLayout.ts';
import type { GeographyIndex } from '../map/placement.ts';
import type { GraphPath } from '../model.ts';
import { attribute } from '../model.ts';
import { layoutChain, type ChainAnalysis } from './chain.ts';
import { columnsLayout } from './columns.ts';
import type { NodeData } from './elements.ts';
import { textWidth } from './labels.ts';
import { DRAFT_ABOVE, runLayout, type LayoutName } from './layouts.ts';
import type { LayoutAnswer, LayoutJob } from './layoutWorker.ts';
import { layeredPositions, pathPositions } from './pathsLayout.ts';

/** What the canvas shows: the plan's structure, a free exploration, a product's chain, paths, or what a failure leaves behind. */
export type ViewKind = 'overview' | 'explore' | 'chain' | 'paths' | 'impact';

/** What the layout depends on besides the elements. */
export interface LayoutContext {
  readonly kind: ViewKind;
  readonly chain: ChainAnalysis | null;
  readonly paths: readonly GraphPath[];
  /** what lies in what, for the map; null until the explorer has asked the API */
  readonly geography: GeographyIndex | null;
}

export interface LayoutRunnerOptions {
  /** animate moves to new positions */
  readonly animate: boolean;
  /** polishes large layouts off the main thread; without it they stay draft */
  readonly refine?: ((job: LayoutJob) => Promise<LayoutAnswer>) | undefined;
  /** the worker started or stopped polishing */
  readonly onRefining: () => void;
}

/** One-line labels beside the nodes of the columns layout are cut at this width (style.ts). */
const COLUMN_LABEL_PX = 190;
/** fcose in the worker and on the page start from the same seed, so a layout repeats. */
const SEED = 20111029;

export class LayoutRunner {
  /** the layout the user chose, or the view's own */
  name: LayoutName = 'fcose';
  private readonly cache = new Map<string, Record<string, cytoscape.Position>>();
  private generation = 0;
  private polishing = false;
  private lastMap: MapLayout | null = null;

  constructor(
    private readonly cy: cytoscape.Core,
    private readonly options: LayoutRunnerOptions,
  ) {}

  /** True while the worker polishes a large layout. */
  get refining(): boolean {
    return this.polishing;
  }

  /** The last map laid out, while the map is the layout: what is placed where, and what is not. */
  get map(): MapLayout | null {
    return this.name === 'map' ? this.lastMap : null;
  }

  /** The canvas changed: a layout the worker is still polishing is for a canvas that no longer exists. */
  invalidate(): void {
    this.generation++;
    this.polishing = false;
  }

  /**
   * Lays out what the filters leave visible. `randomize`: a fresh layout; otherwise new nodes settle around
   * the ones in place, and `fixed` (the node just expanded) stays where it is.
   */
  async run(
    context: LayoutContext,
    options: { randomize: boolean; fixed?: string | undefined },
  ): Promise<void> {
    const cy = this.cy;
    // A polish the worker is still computing was for the layout before this one (the map must not be
    // overwritten by a whole graph's fcose arriving late).
    this.invalidate();
    const visible = cy.elements().not('.filtered');
    if (visible.nodes().empty()) return;
    cy.elements('.attached, .label-left, .label-right, .wrap-label, .off-map, .cross-strait').removeClass(
      'attached label-left label-right wrap-label off-map cross-strait',
    );
    this.lastMap = null;
    const keep = new Map(cy.nodes('.pinned').map((n) => [n.id(), { ...n.position() }] as const));
    if (options.fixed && !options.randomize) {
      const node = cy.getElementById(options.fixed);
      if (node.nonempty()) keep.set(options.fixed, { ...node.position() });
    }
    if (context.kind === 'chain' && this.name === 'dagre' && context.chain) {
      await layoutChain(cy, context.chain, this.options.animate);
    } else if (context.kind === 'paths' && this.name === 'dagre') {
      const positions = pathPositions(context.paths);
      cy.batch(() => {
        for (const [id, position] of positions) cy.getElementById(id).position(position);
      });
      cy.fit(visible, 40);
    } else if (context.kind === 'impact' && this.name === 'dagre') {
      const positions = layeredPositions(context.paths);
      cy.batch(() => {
        for (const [id, position] of positions) cy.getElementById(id).position(position);
      });
      cy.fit(visible, 40);
    } else if (this.name === 'columns') {
      this.columns();
    } else if (this.name === 'map') {
      if (!context.geography) throw new Error('the map needs the geography index (LOCATED_IN) first');
      this.placeOnMap(context.geography);
    } else if (
      this.name === 'fcose' &&
      options.randomize &&
      this.options.refine &&
      visible.nodes().length > DRAFT_ABOVE
    ) {
      await this.refined(visible, keep);
    } else {
      await runLayout(visible, {
        name: this.name,
        randomize: options.randomize,
        animate: this.options.animate && !options.randomize,
        fixed: [...keep].map(([nodeId, position]) => ({ nodeId, position })),
      });
    }
    // Layouts other than fcose know nothing of pins: put pinned nodes back.
    if (this.name !== 'fcose') {
      cy.batch(() => {
        for (const [id, position] of keep) {
          if (cy.getElementById(id).hasClass('pinned')) cy.getElementById(id).position(position);
        }
      });
    }
  }

  /** The layered layout of columns.ts, with labels beside the nodes of the outer columns. */
  columns(): void {
    const visible = this.cy.elements().not('.filtered');
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

  /** Every entity at the region it lies in; those the map cannot place in a frame beside it. */
  private placeOnMap(geography: GeographyIndex): void {
    const cy = this.cy;
    const visible = cy.elements().not('.filtered');
    const layout = mapLayout(
      visible.nodes().map((n) => {
        const d = n.data() as NodeData;
        return { id: d.id, type: d.type, degree: d.degree };
      }),
      geography,
    );
    this.lastMap = layout;
    cy.batch(() => {
      for (const [id, position] of layout.positions) {
        const node = cy.getElementById(id);
        if (!node.hasClass('pinned')) node.position({ x: position.x, y: position.y });
      }
      for (const id of layout.unplaced) cy.getElementById(id).connectedEdges().addClass('off-map');
      for (const id of layout.unplaced) cy.getElementById(id).addClass('off-map');
      cy.edges().forEach((edge) => {
        const type = String(edge.data('type'));
        const source = layout.placements.get(String(edge.data('source')));
        const target = layout.placements.get(String(edge.data('target')));
        if (crossesStrait(type, source, target)) edge.addClass('cross-strait');
      });
    });
    this.fitMap();
  }

  /** Fits the whole map, Taiwan included, and whatever stands beside it. */
  fitMap(): void {
    const map = this.map;
    const cy = this.cy;
    if (!map || cy.width() === 0) return;
    const { x1, y1, x2, y2 } = map.extent;
    const padding = 30;
    const zoom = Math.min((cy.width() - 2 * padding) / (x2 - x1), (cy.height() - 2 * padding) / (y2 - y1));
    cy.viewport({
      zoom,
      pan: { x: (cy.width() - zoom * (x1 + x2)) / 2, y: (cy.height() - zoom * (y1 + y2)) / 2 },
    });
  }

  /**
   * A large canvas: positions from the cache when this very graph was laid out before; otherwise a draft
   * fcose now (the first frame comes in well under 2 s) and full-quality fcose in the worker, which the
   * nodes ease into when it answers (unless the canvas changed meanwhile).
   */
  private async refined(
    visible: cytoscape.CollectionReturnValue,
    keep: ReadonlyMap<string, cytoscape.Position>,
  ): Promise<void> {
    const key = layoutKey(visible);
    const cached = this.cache.get(key) ?? readStoredLayout(key);
    if (cached) {
      this.applyPositions(cached, false);
      return;
    }
    const fixed = [...keep].map(([nodeId, position]) => ({ nodeId, position }));
    await runLayout(visible, { name: 'fcose', randomize: true, animate: false, fixed });
    const refine = this.options.refine;
    if (!refine) return;
    const generation = ++this.generation;
    const job: LayoutJob = {
      id: generation,
      seed: SEED,
      nodes: visible.nodes().map((n) => {
        const d = n.data() as NodeData;
        const lines = d.label.split('\n');
        return {
          id: d.id,
          w: Math.max(d.size, Math.max(...lines.map(textWidth)) * 11),
          h: d.size + 4 + lines.length * 13,
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
    this.polishing = true;
    this.options.onRefining();
    refine(job).then(
      (answer) => {
        if (answer.id !== this.generation) return;
        this.polishing = false;
        this.cache.set(key, answer.positions);
        storeLayout(key, answer.positions);
        this.applyPositions(answer.positions, this.options.animate);
        this.options.onRefining();
      },
      () => {
        this.polishing = false;
        this.options.onRefining();
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
