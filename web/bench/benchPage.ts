// The explorer benchmark, in the browser: how long the whole plan graph takes to be drawn and laid out by
// the explorer's own controller, stylesheet and layouts, and how smoothly 5,000 synthetic nodes pan and
// zoom with cytoscape's canvas renderer and its WebGL renderer. bench/web/run.ts drives it.
import { GraphController } from '../src/graph/controller.ts';
import { layoutInWorker } from '../src/graph/layoutClient.ts';
import type { LayoutName } from '../src/graph/layouts.ts';
import type { Subgraph } from '../src/model.ts';
import { syntheticGraph, syntheticPositions } from './synthetic.ts';

export interface DrawResult {
  readonly nodes: number;
  readonly edges: number;
  /** elements built and added, layout run, until the first frame is on screen */
  readonly totalMs: number;
  readonly elementsMs: number;
  readonly layoutMs: number;
  readonly firstFrameMs: number;
  /** until the worker's full-quality layout is on screen (0 when there was none) */
  readonly refinedMs: number;
  /** a second draw of the same graph (the polished positions come from the cache) */
  readonly againMs: number;
}

export interface PanResult {
  readonly renderer: string;
  readonly mode: 'overview' | 'reading';
  readonly nodes: number;
  readonly edges: number;
  readonly layoutMs: number;
  /** frames the page drew per second while panning and zooming */
  readonly fps: number;
  /** cytoscape renders per second (one per changed frame) */
  readonly rendersPerSecond: number;
  readonly p95FrameMs: number;
  readonly webglAvailable: boolean;
  /** zoom the pan starts from, and labelled nodes at the end */
  readonly fitZoom: number;
  readonly labelled: number;
}

function stage(): HTMLElement {
  const host = document.getElementById('stage') as HTMLElement;
  host.replaceChildren();
  const container = document.createElement('div');
  container.className = 'cy';
  container.style.inset = '0';
  container.style.top = '0';
  host.append(container);
  return container;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Draws a subgraph as the explorer does and times it. */
async function draw(subgraph: Subgraph, layout: LayoutName): Promise<DrawResult> {
  localStorage.clear();
  const container = stage();
  const t0 = performance.now();
  const controller = new GraphController({
    container,
    lang: 'zh',
    animate: false,
    refineLayout: layoutInWorker,
  });
  await controller.show(subgraph, { kind: 'explore', layout });
  const shown = performance.now();
  await frame();
  await frame();
  const t1 = performance.now();
  let refinedMs = 0;
  if (controller.refiningLayout) {
    while (controller.refiningLayout) await new Promise((resolve) => setTimeout(resolve, 20));
    await frame();
    refinedMs = Math.round(performance.now() - t0);
  }
  const timings = controller.timings;
  controller.destroy();

  // The same graph again: a shared link reopened, or the whole-graph view revisited.
  const again = new GraphController({
    container: stage(),
    lang: 'zh',
    animate: false,
    refineLayout: layoutInWorker,
  });
  const t2 = performance.now();
  await again.show(subgraph, { kind: 'explore', layout });
  await frame();
  await frame();
  const againMs = Math.round(performance.now() - t2);
  const result = {
    nodes: again.cy.nodes().length,
    edges: again.cy.edges().length,
    totalMs: Math.round(t1 - t0),
    elementsMs: Math.round(timings.elementsMs),
    layoutMs: Math.round(timings.layoutMs),
    firstFrameMs: Math.round(t1 - shown),
    refinedMs,
    againMs,
  };
  again.destroy();
  return result;
}

/**
 * Lays out a synthetic graph with the explorer's fcose (draft at this size) and times it; then pans and
 * zooms. fcose's draft collapses this hub-heavy graph into a clump (every node in view: not what anyone
 * would pan), so the pan runs on positions shaped like a polished layout (syntheticPositions): the whole
 * graph in view (`overview`), or read at zoom 1 around an ordinary node (`reading`).
 */
async function panZoom(
  nodes: number,
  edges: number,
  webgl: boolean,
  durationMs: number,
  mode: 'overview' | 'reading',
): Promise<PanResult> {
  const graph = syntheticGraph(nodes, edges);
  const controller = new GraphController({ container: stage(), lang: 'zh', animate: false, webgl });
  const t0 = performance.now();
  await controller.show(graph, { kind: 'explore', layout: 'fcose' });
  const layoutMs = Math.round(performance.now() - t0);
  const positions = syntheticPositions(graph);
  controller.cy.nodes().positions((node) => positions.get(node.id()) ?? { x: 0, y: 0 });
  return measurePan(controller, webgl, durationMs, mode, 'synthetic:4321', layoutMs);
}

/** The whole plan graph in the explorer's polished layout (the worker's), panned like the synthetic one. */
async function panPlan(
  subgraph: Subgraph,
  webgl: boolean,
  durationMs: number,
  mode: 'overview' | 'reading',
): Promise<PanResult> {
  const controller = new GraphController({
    container: stage(),
    lang: 'zh',
    animate: false,
    webgl,
    refineLayout: layoutInWorker,
  });
  const t0 = performance.now();
  await controller.show(subgraph, { kind: 'explore', layout: 'fcose' });
  while (controller.refiningLayout) await new Promise((resolve) => setTimeout(resolve, 20));
  const layoutMs = Math.round(performance.now() - t0);
  return measurePan(controller, webgl, durationMs, mode, 'park:xiamen-tiz', layoutMs);
}

async function measurePan(
  controller: GraphController,
  webgl: boolean,
  durationMs: number,
  mode: 'overview' | 'reading',
  readAt: string,
  layoutMs: number,
): Promise<PanResult> {
  const cy = controller.cy;
  cy.fit(undefined, 30);
  if (mode === 'reading') {
    cy.zoom(1);
    cy.center(cy.getElementById(readAt));
  }
  await new Promise((resolve) => setTimeout(resolve, 300)); // labels of the nodes in view (controller)
  await frame();
  const zoom = cy.zoom();
  const pan = { ...cy.pan() };
  let renders = 0;
  cy.on('render', () => renders++);
  const gaps: number[] = [];
  const start = await frame();
  let last = start;
  for (;;) {
    const now = await frame();
    gaps.push(now - last);
    last = now;
    const t = now - start;
    if (t > durationMs) break;
    const scale = mode === 'overview' ? 1.6 + 0.6 * Math.sin(t / 700) : 1 + 0.25 * Math.sin(t / 700);
    cy.viewport({
      zoom: zoom * scale,
      pan: { x: pan.x - 300 + 250 * Math.sin(t / 450), y: pan.y - 200 + 180 * Math.cos(t / 600) },
    });
  }
  const elapsed = last - start;
  gaps.sort((a, b) => a - b);
  const canvas = document.createElement('canvas');
  const result: PanResult = {
    renderer: webgl ? 'webgl' : 'canvas',
    mode,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layoutMs,
    fps: Math.round((gaps.length / elapsed) * 1000 * 10) / 10,
    rendersPerSecond: Math.round((renders / elapsed) * 1000 * 10) / 10,
    p95FrameMs: Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
    webglAvailable: !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl')),
    fitZoom: Math.round(zoom * 1000) / 1000,
    labelled: cy.nodes('.lod-label').length,
  };
  controller.destroy();
  return result;
}

declare global {
  interface Window {
    explorerBench: {
      draw(subgraph: Subgraph, layout: LayoutName): Promise<DrawResult>;
      panZoom(
        nodes: number,
        edges: number,
        webgl: boolean,
        durationMs: number,
        mode: 'overview' | 'reading',
      ): Promise<PanResult>;
      panPlan(
        subgraph: Subgraph,
        webgl: boolean,
        durationMs: number,
        mode: 'overview' | 'reading',
      ): Promise<PanResult>;
    };
  }
}

window.explorerBench = { draw, panZoom, panPlan };
