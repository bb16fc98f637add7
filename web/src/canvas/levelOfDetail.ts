// How much the canvas draws for its size and zoom. A few hundred nodes get the large-graph stylesheet
// (style.ts: straight edges, no label backgrounds, labels only where the user zooms in), the nodes in view
// get their labels once the zoom makes them readable, and a canvas of thousands of edges draws its nodes
// only while the user pans, zooms or drags.
import type cytoscape from 'cytoscape';
import { explorerStylesheet } from './style.ts';

/** Above this many nodes the large-graph stylesheet applies. */
const LARGE_GRAPH = 400;
/** On a large canvas, nodes in view get their labels from this zoom on (11 px labels drawn at 7 px or more). */
const LABEL_ZOOM = 0.65;
/** ... and only when at most this many unlabelled nodes are in view. */
const LABEL_MAX_IN_VIEW = 300;
/** The viewport has settled when it has not moved for this long. */
const SETTLE_MS = 150;
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

export class LevelOfDetail {
  private largeStyle = false;
  /** the reading language: Traditional Chinese labels are drawn in Taiwan's glyphs */
  private lang: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cy: cytoscape.Core) {
    cy.on('viewport', () => this.scheduleLabels());
  }

  /** After the content changed: the stylesheet and the drawing in motion follow the canvas's size. */
  fitToSize(): void {
    const large = this.cy.nodes().length > LARGE_GRAPH;
    if (large !== this.largeStyle) {
      this.largeStyle = large;
      this.cy.style(explorerStylesheet({ large, lang: this.lang }));
    }
    // cytoscape reads `hideEdgesOnViewport` from the options only when cy is created, but its canvas
    // renderer reads the renderer's field on every frame and acts on it only while the user pans, zooms
    // or drags (or the camera animates). So the field follows the canvas's size.
    const renderer = canvasRenderer(this.cy);
    if (renderer) renderer.hideEdgesOnViewport = this.cy.edges().length > HIDE_EDGES_WHILE_MOVING_ABOVE;
  }

  /**
   * After the labels changed (in `lang`): cytoscape keeps the old labels' sizes until the style is
   * recomputed.
   */
  restyle(lang: string | undefined = this.lang): void {
    this.lang = lang;
    this.cy.style(explorerStylesheet({ large: this.largeStyle, lang }));
  }

  /** Whether a pan, zoom or drag by hand draws the nodes only (a large canvas). */
  get hidesEdgesWhileMoving(): boolean {
    return canvasRenderer(this.cy)?.hideEdgesOnViewport === true;
  }

  destroy(): void {
    clearTimeout(this.timer);
  }

  /** On a large canvas, labels the nodes in view once the viewport has settled; labelled nodes stay so. */
  private scheduleLabels(): void {
    if (!this.largeStyle) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.labelNodesInView(), SETTLE_MS);
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
}
