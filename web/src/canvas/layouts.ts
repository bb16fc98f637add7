// Layouts: fcose (force-directed) for everything, dagre left to right for chains and paths. Every run is
// seeded, so the same elements give the same picture: a shared link shows what its author saw, and
// tests can compare positions. Draft quality above a few hundred nodes keeps the plan graph under 2 s.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';

let registered = false;
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

/**
 * fcose: force-directed; dagre: tiers left to right; columns: by kind of entity (columns.ts); concentric: by
 * degree; map: at the region each entity lies in, on a schematic map of Fujian and Taiwan (map/mapLayout.ts)
 */
export type LayoutName = 'fcose' | 'dagre' | 'columns' | 'concentric' | 'map';
export const LAYOUT_NAMES: readonly LayoutName[] = ['fcose', 'dagre', 'columns', 'concentric', 'map'];

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (LAYOUT_NAMES as readonly string[]).includes(value);
}

/** Above this many nodes fcose runs in draft quality: its default quality is several times slower (bench:web). */
export const DRAFT_ABOVE = 250;

export interface LayoutRequest {
  readonly name: LayoutName;
  /** start from random positions (a fresh layout) or from the current ones (after an expansion) */
  readonly randomize: boolean;
  readonly animate: boolean;
  /** nodes that must not move, with where they are */
  readonly fixed?: readonly { nodeId: string; position: cytoscape.Position }[];
  readonly seed?: number;
  /** dagre: count labels in node sizes (default true) */
  readonly nodeDimensionsIncludeLabels?: boolean;
}

export function layoutOptions(request: LayoutRequest, nodeCount: number): cytoscape.LayoutOptions {
  const animate = request.animate && nodeCount <= 400;
  switch (request.name) {
    case 'columns': // placed by columns.ts; dagre is the fallback when a caller asks cytoscape directly
    case 'map': // placed by map/mapLayout.ts; likewise
    case 'dagre':
      return {
        name: 'dagre',
        rankDir: 'LR',
        nodeSep: 18,
        rankSep: 60,
        edgeSep: 8,
        nodeDimensionsIncludeLabels: request.nodeDimensionsIncludeLabels ?? true,
        animate,
        animationDuration: 300,
        fit: true,
        padding: 30,
      } as cytoscape.LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => Number(node.data('degree')) || 0,
        levelWidth: () => 4,
        minNodeSpacing: 24,
        animate,
        animationDuration: 300,
        padding: 30,
      } as cytoscape.LayoutOptions;
    case 'fcose':
      return {
        name: 'fcose',
        quality: nodeCount > DRAFT_ABOVE ? 'draft' : 'default',
        randomize: request.randomize,
        animate: animate ? 'end' : false,
        animationDuration: 350,
        fit: true,
        padding: 30,
        nodeDimensionsIncludeLabels: nodeCount <= DRAFT_ABOVE,
        uniformNodeDimensions: false,
        packComponents: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('type') === 'PART_OF' ? 60 : 95),
        edgeElasticity: () => 0.45,
        nestingFactor: 0.1,
        gravity: 0.3,
        gravityRange: 3.8,
        numIter: 2500,
        tile: true,
        tilingPaddingVertical: 14,
        tilingPaddingHorizontal: 14,
        ...(request.fixed && request.fixed.length > 0 ? { fixedNodeConstraint: request.fixed } : {}),
      } as cytoscape.LayoutOptions;
  }
}

/** mulberry32: a small, good-enough PRNG, so layouts are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs a layout over `elements` and resolves when it stops. The layout's synchronous part runs with
 * Math.random seeded (fcose draws its initial positions with it), then Math.random is restored.
 */
export function runLayout(
  elements: cytoscape.CollectionReturnValue | cytoscape.Core,
  request: LayoutRequest,
): Promise<void> {
  const nodeCount = 'nodes' in elements ? elements.nodes().length : 0;
  const layout = elements.layout(layoutOptions(request, nodeCount));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  const random = Math.random;
  Math.random = seededRandom(request.seed ?? 20111029);
  try {
    layout.run();
  } finally {
    Math.random = random;
  }
  return done;
}
