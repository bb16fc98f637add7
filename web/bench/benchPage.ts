// The explorer benchmark, in the browser: how long the whole plan graph takes to be drawn and laid out by
// the explorer's own controller, stylesheet and layouts, and how smoothly 5,000 synthetic nodes pan and
// zoom with cytoscape's canvas renderer and its WebGL renderer. bench/web/run.ts drives it.
import { GraphController } from '../src/graph/controller.ts';
import { layoutInWorker } from '../src/graph/layoutClient.ts';
import type { LayoutName } from '../src/graph/layouts.ts';
import type { Subgraph } from '../src/model.ts';
import { syntheticGraph } from './synthetic.ts';

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
  readonly nodes: number;
  readonly edges: number;
  readonly layoutMs: number;
  /** frames the page drew per second while panning and zooming */
  readonly fps: number;
  /** cytoscape renders per second (one per changed frame) */
  readonly rendersPerSecond: number;
  readonly p95FrameMs: number;
  readonly webglAvailable: boolean;
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

/** Pans and zooms for `durationMs` and counts frames. */
async function panZoom(nodes: number, edges: number, webgl: boolean, durationMs: number): Promise<PanResult> {
  const container = stage();
  const graph = syntheticGraph(nodes, edges);
  const controller = new GraphController({ container, lang: 'zh', animate: false, webgl });
  const t0 = performance.now();
  await controller.show(graph, { kind: 'explore', layout: 'fcose' });
  const layoutMs = Math.round(performance.now() - t0);
  const cy = controller.cy;
  cy.fit();
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
    cy.viewport({
      zoom: zoom * (1.6 + 0.6 * Math.sin(t / 700)),
      pan: { x: pan.x - 300 + 250 * Math.sin(t / 450), y: pan.y - 200 + 180 * Math.cos(t / 600) },
    });
  }
  const elapsed = last - start;
  gaps.sort((a, b) => a - b);
  const canvas = document.createElement('canvas');
  const result: PanResult = {
    renderer: webgl ? 'webgl' : 'canvas',
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layoutMs,
    fps: Math.round((gaps.length / elapsed) * 1000 * 10) / 10,
    rendersPerSecond: Math.round((renders / elapsed) * 1000 * 10) / 10,
    p95FrameMs: Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
    webglAvailable: !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl')),
  };
  controller.destroy();
  return result;
}

declare global {
  interface Window {
    explorerBench: {
      draw(subgraph: Subgraph, layout: LayoutName): Promise<DrawResult>;
      panZoom(nodes: number, edges: number, webgl: boolean, durationMs: number): Promise<PanResult>;
    };
  }
}

window.explorerBench = { draw, panZoom };
