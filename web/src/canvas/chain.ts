// The supply-chain view: products in tiers along INPUT_TO, left (upstream) to right (downstream), each with
// the parks, enterprises and projects that cover it listed beneath it, and the chain gaps (补链) marked as
// the API's chainGaps judges them (one verdict for every client), and each link coloured by what became of
// what covers it (the best outcome of its parks, firms and projects on the day the view is seen as of).
// analyseChain is pure (tested without a browser); layoutChain places the nodes with dagre.
import type cytoscape from 'cytoscape';
import {
  OUTCOMES,
  type ChainGap,
  type EdgeSummary,
  type GapKind,
  type Outcome,
  type Subgraph,
} from '../model.ts';
import { runLayout } from './layouts.ts';

/** Gap kinds, most serious first: a link shows the first that applies. */
export const GAP_KINDS: readonly GapKind[] = ['uncovered', 'no-enterprise', 'planned-only', 'taiwan-only'];

export interface ChainAnalysis {
  readonly focus: string;
  /** products on the chain, upstream first */
  readonly products: readonly string[];
  /** 0 for the most upstream products */
  readonly tiers: ReadonlyMap<string, number>;
  /** the parks, enterprises and projects that make or focus on each product */
  readonly coverers: ReadonlyMap<string, readonly string[]>;
  /** product id → why it is a gap, most serious first */
  readonly gaps: ReadonlyMap<string, readonly GapKind[]>;
  /**
   * product id → what became of what covers it: the outcome that says most for the plan among its coverers
   * (realised before transformed, pending, …), for the products something with a known outcome covers
   */
  readonly outcomes: ReadonlyMap<string, Outcome>;
}

const COVERING = new Set(['PRODUCES', 'FOCUSES_ON']);
const COVERER_TYPES = new Set(['Enterprise', 'Project', 'Park', 'Region']);

export function analyseChain(subgraph: Subgraph, focus: string, gaps: readonly ChainGap[]): ChainAnalysis {
  const byId = new Map(subgraph.nodes.map((n) => [n.id, n]));
  const products = subgraph.nodes.filter((n) => n.type === 'Product').map((n) => n.id);
  const productSet = new Set(products);
  const chainEdges = subgraph.edges.filter(
    (e) => e.type === 'INPUT_TO' && productSet.has(e.source) && productSet.has(e.target),
  );
  const tiers = tierProducts(products, chainEdges);

  const coverers = new Map<string, string[]>(products.map((p) => [p, []]));
  for (const edge of subgraph.edges) {
    const source = byId.get(edge.source);
    if (
      !COVERING.has(edge.type) ||
      !productSet.has(edge.target) ||
      !source ||
      !COVERER_TYPES.has(source.type)
    )
      continue;
    const list = coverers.get(edge.target) ?? [];
    if (!list.includes(edge.source)) list.push(edge.source);
    coverers.set(edge.target, list);
  }

  const gapMap = gapsOn(productSet, gaps);

  const outcomes = new Map<string, Outcome>();
  for (const [product, list] of coverers) {
    const known = list.flatMap((id) => byId.get(id)?.status?.outcome ?? []);
    const best = OUTCOMES.find((o) => known.includes(o));
    if (best) outcomes.set(product, best);
  }

  const order = [...products].sort((a, b) => (tiers.get(a) ?? 0) - (tiers.get(b) ?? 0));
  return { focus, products: order, tiers, coverers, gaps: gapMap, outcomes };
}

/** The gaps among `products`: product id → why it is a gap, most serious first. */
export function gapsOn(
  products: ReadonlySet<string>,
  gaps: readonly ChainGap[],
): Map<string, readonly GapKind[]> {
  const gapMap = new Map<string, GapKind[]>();
  for (const gap of gaps) {
    if (!products.has(gap.link.id)) continue;
    const kinds = [...new Set([...(gapMap.get(gap.link.id) ?? []), ...gap.kinds])];
    gapMap.set(
      gap.link.id,
      GAP_KINDS.filter((k) => kinds.includes(k)),
    );
  }
  return gapMap;
}

/** Longest-path tiers along INPUT_TO; an edge that would close a cycle is ignored. */
export function tierProducts(
  products: readonly string[],
  edges: readonly EdgeSummary[],
): Map<string, number> {
  const tiers = new Map(products.map((p) => [p, 0]));
  // Bellman-Ford style relaxation, at most |products| rounds, so a cycle cannot loop for ever.
  for (let round = 0; round < products.length; round++) {
    let changed = false;
    for (const edge of edges) {
      const from = tiers.get(edge.source) ?? 0;
      if ((tiers.get(edge.target) ?? 0) < from + 1 && from + 1 < products.length) {
        tiers.set(edge.target, from + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return tiers;
}

/** Rows of the list beneath a product: one per covering park, firm or project. */
const ROW_HEIGHT = 40;
const LABEL_SPACE = 34;
/** room for an attached node and its (wrapped) label to the right */
const LIST_WIDTH = 120;
/** between two products stacked in one tier */
const BLOCK_GAP = 26;
/** from one column of a wrapped tier to the next */
const WRAP_COLUMN = LIST_WIDTH + 70;
/** a tier wraps only when taller than this (and than the chain is wide) */
const MIN_WRAP_HEIGHT = 700;

/**
 * Places the chain: dagre ranks the products left to right along INPUT_TO, each product reserving the
 * height of the list beneath it; then every covering park, firm or project is put in that list, and
 * whatever else the chain brought sits in a row under everything.
 */
export async function layoutChain(
  cy: cytoscape.Core,
  analysis: ChainAnalysis,
  animate: boolean,
): Promise<void> {
  const productNodes = cy.collection();
  for (const id of analysis.products) productNodes.merge(cy.getElementById(id));
  const visibleProducts = productNodes.filter((n) => n.visible());
  if (visibleProducts.empty()) return;

  const placed = new Set<string>();
  const listOf = new Map<string, cytoscape.NodeSingular[]>();
  for (const id of analysis.products) {
    const list: cytoscape.NodeSingular[] = [];
    for (const coverer of analysis.coverers.get(id) ?? []) {
      const node = cy.getElementById(coverer);
      if (node.empty() || placed.has(coverer) || !node.visible()) continue;
      placed.add(coverer);
      list.push(node);
    }
    listOf.set(id, list);
  }

  const reserved = new Map<string, number>();
  cy.batch(() => {
    visibleProducts.forEach((node) => {
      const own = Number(node.data('size')) || 30;
      const height = own + LABEL_SPACE + (listOf.get(node.id())?.length ?? 0) * ROW_HEIGHT;
      reserved.set(node.id(), height);
      node.style({ height, width: Math.max(own, LIST_WIDTH) });
    });
  });
  const chainEdges = visibleProducts.edgesWith(visibleProducts).filter((e) => e.data('type') === 'INPUT_TO');
  await runLayout(visibleProducts.union(chainEdges), {
    name: 'dagre',
    randomize: false,
    animate: false,
    nodeDimensionsIncludeLabels: false,
  });

  // Dagre chose the tiers (x) and the order within each tier (y); stack each tier's products from the top,
  // in that order, so the tiers read as columns of cards. A tier taller than the chain is wide (on a large
  // graph a platform input feeds hundreds of products in one tier) wraps into columns side by side, and the
  // tiers after it move right: the chain stays about as wide as it is tall instead of one long line.
  const tiers = new Map<number, cytoscape.NodeSingular[]>();
  visibleProducts.forEach((node) => {
    const x = Math.round(node.position().x);
    tiers.set(x, [...(tiers.get(x) ?? []), node]);
  });
  const blockHeight = (node: cytoscape.NodeSingular) =>
    (reserved.get(node.id()) ?? (Number(node.data('size')) || 30)) + BLOCK_GAP;
  const blocks = visibleProducts.nodes().map(blockHeight);
  const area = blocks.reduce((sum, height) => sum + height * WRAP_COLUMN, 0);
  const tallest = Math.max(...blocks);
  const columnHeight = Math.max(MIN_WRAP_HEIGHT, tallest, Math.sqrt(area));
  cy.batch(() => {
    let shift = 0;
    for (const [tierX, nodes] of [...tiers].sort(([a], [b]) => a - b)) {
      nodes.sort((a, b) => a.position().y - b.position().y);
      let x = tierX + shift;
      let top = 0;
      for (const node of nodes) {
        if (top > 0 && top + blockHeight(node) > columnHeight) {
          x += WRAP_COLUMN;
          shift += WRAP_COLUMN;
          top = 0;
        }
        node.removeStyle('height width');
        const own = Number(node.data('size')) || 30;
        node.position({ x, y: top + own / 2 });
        (listOf.get(node.id()) ?? []).forEach((item, i) => {
          item.addClass('attached');
          item.position({
            x: x - LIST_WIDTH / 2 + 10,
            y: top + own + LABEL_SPACE + i * ROW_HEIGHT + ROW_HEIGHT / 2,
          });
        });
        top += blockHeight(node);
      }
    }
    const rest = cy.nodes().filter((n) => n.visible() && !placed.has(n.id()) && !analysis.tiers.has(n.id()));
    const box = visibleProducts.union(cy.nodes('.attached')).boundingBox({});
    rest.forEach((node, i) => {
      node.position({ x: box.x1 + (i % 8) * 140, y: box.y2 + 70 + Math.floor(i / 8) * 60 });
    });
  });
  if (animate) cy.animate({ fit: { eles: cy.elements(':visible'), padding: 30 }, duration: 250 });
  else cy.fit(cy.elements(':visible'), 30);
}
