// The explorer benchmark, in the browser: how long the whole plan graph takes to be drawn and laid out by
// the explorer's own controller, stylesheet and layouts, and how smoothly 5,000 synthetic nodes pan and
// zoom with cytoscape's canvas renderer and its WebGL renderer, programmatically and by real mouse gestures
// (the Node side moves the mouse; this page counts the frames). bench/web/run.ts drives it.
import type cytoscape from 'cytoscape';
import { CanvasController } from '../src/canvas/controller.ts';
import { layoutInWorker } from '../src/canvas/layoutClient.ts';
import type { LayoutName } from '../src/canvas/layouts.ts';
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
  const controller = new CanvasController({
    container,
    lang: 'zh-Hans',
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
  const again = new CanvasController({
    container: stage(),
    lang: 'zh-Hans',
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
  const controller = new CanvasController({ container: stage(), lang: 'zh-Hans', animate: false, webgl });
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
  const controller = new CanvasController({
    container: stage(),
    lang: 'zh-Hans',
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

/** The whole graph in view (`overview`), or zoom 1 around one node (`reading`), labels settled. */
async function placeView(cy: cytoscape.Core, mode: 'overview' | 'reading', readAt: string): Promise<void> {
  cy.fit(undefined, 30);
  if (mode === 'reading') {
    cy.zoom(1);
    cy.center(cy.getElementById(readAt));
  }
  await new Promise((resolve) => setTimeout(resolve, 300)); // labels of the nodes in view (controller)
  await frame();
}

async function measurePan(
  controller: CanvasController,
  webgl: boolean,
  durationMs: number,
  mode: 'overview' | 'reading',
  readAt: string,
  layoutMs: number,
): Promise<PanResult> {
  const cy = controller.cy;
  await placeView(cy, mode, readAt);
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

// ------------------------------------------------------------------------------- gestures by hand

/** How the canvas renderer draws while the user pans or zooms. */
export type MovingDrawing = 'edges' | 'hide-edges' | 'texture';

export interface GestureView {
  readonly nodes: number;
  readonly edges: number;
  readonly zoom: number;
  /** what the controller chose for this canvas */
  readonly controllerHidesEdges: boolean;
  /** a point of the stage, in page pixels, with no node under it: a drag from there pans */
  readonly start: { readonly x: number; readonly y: number };
  readonly stage: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface FrameStats {
  readonly fps: number;
  readonly rendersPerSecond: number;
  readonly p95FrameMs: number;
  readonly frames: number;
  /** how far the view moved (px) and by what factor it zoomed: proof the gesture reached cytoscape */
  readonly panned: number;
  readonly zoomRatio: number;
}

let gesture:
  | {
      controller: CanvasController;
      gaps: number[];
      renders: number;
      counting: boolean;
      done?: Promise<number>;
    }
  | undefined;

/**
 * Puts the graph for the gestures on the stage once: `nodes` × `edges` synthetic nodes (fcose, then
 * polished-like positions), or the plan graph in the worker's polished layout.
 */
async function gestureGraph(nodes: number, edges: number, plan?: Subgraph): Promise<void> {
  gesture?.controller.destroy();
  const controller = new CanvasController({
    container: stage(),
    lang: 'zh-Hans',
    animate: false,
    ...(plan ? { refineLayout: layoutInWorker } : {}),
  });
  if (plan) {
    await controller.show(plan, { kind: 'explore', layout: 'fcose' });
    while (controller.refiningLayout) await new Promise((resolve) => setTimeout(resolve, 20));
  } else {
    const graph = syntheticGraph(nodes, edges);
    await controller.show(graph, { kind: 'explore', layout: 'fcose' });
    const positions = syntheticPositions(graph);
    controller.cy.nodes().positions((node) => positions.get(node.id()) ?? { x: 0, y: 0 });
  }
  gesture = { controller, gaps: [], renders: 0, counting: false };
  controller.cy.on('render', () => {
    lastRenderAt = performance.now();
    if (gesture?.counting) gesture.renders++;
  });
}

/** Sets the view and how the renderer draws in motion (overriding the controller's choice). */
async function gestureView(mode: 'overview' | 'reading', drawing: MovingDrawing): Promise<GestureView> {
  if (!gesture) throw new Error('gestureView before gestureGraph');
  const { controller } = gesture;
  const cy = controller.cy;
  const controllerHidesEdges = controller.hidesEdgesWhileMoving;
  const renderer = (
    cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; textureOnViewport: boolean } }
  ).renderer();
  renderer.hideEdgesOnViewport = drawing === 'hide-edges';
  renderer.textureOnViewport = drawing === 'texture';
  // the pan benchmarks' nodes where they exist; a late, ordinary node on other synthetic graphs
  const readAt =
    ['synthetic:4321', 'park:xiamen-tiz'].find((id) => cy.getElementById(id).nonempty()) ??
    cy.nodes().last().id();
  await placeView(cy, mode, readAt);
  const box = cy.container()!.getBoundingClientRect();
  // A point with no node within 12 px, nearest the centre: a press on a node would drag the node.
  const bounds = cy.nodes().map((node) => node.renderedBoundingBox({}));
  let start = { x: box.width / 2, y: box.height / 2 };
  search: for (let r = 0; r < Math.min(box.width, box.height) / 2; r += 8) {
    for (let a = 0; a < 16; a++) {
      const x = box.width / 2 + r * Math.cos((a / 16) * 2 * Math.PI);
      const y = box.height / 2 + r * Math.sin((a / 16) * 2 * Math.PI);
      if (bounds.every((b) => x < b.x1 - 12 || x > b.x2 + 12 || y < b.y1 - 12 || y > b.y2 + 12)) {
        start = { x, y };
        break search;
      }
      if (r === 0) break;
    }
  }
  return {
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    zoom: Math.round(cy.zoom() * 1000) / 1000,
    controllerHidesEdges,
    start: { x: box.left + start.x, y: box.top + start.y },
    stage: { x: box.left, y: box.top, width: box.width, height: box.height },
  };
}

/** Starts counting frames (requestAnimationFrame) and cytoscape renders. */
function startFrames(): { zoom: number; pan: cytoscape.Position } {
  if (!gesture) throw new Error('startFrames before gestureGraph');
  const g = gesture;
  g.gaps = [];
  g.renders = 0;
  g.counting = true;
  g.done = (async () => {
    const start = await frame();
    let last = start;
    for (;;) {
      const now = await frame();
      if (!g.counting) break; // a frame after the gesture ended (the full redraw) is settle()'s
      g.gaps.push(now - last);
      last = now;
    }
    return last - start;
  })();
  const cy = g.controller.cy;
  return { zoom: cy.zoom(), pan: { ...cy.pan() } };
}

async function stopFrames(before: { zoom: number; pan: cytoscape.Position }): Promise<FrameStats> {
  if (!gesture?.done) throw new Error('stopFrames before startFrames');
  const g = gesture;
  const done = gesture.done;
  g.counting = false;
  const elapsed = await done;
  const gaps = [...g.gaps].sort((a, b) => a - b);
  const cy = g.controller.cy;
  return {
    fps: Math.round((gaps.length / elapsed) * 1000 * 10) / 10,
    rendersPerSecond: Math.round((g.renders / elapsed) * 1000 * 10) / 10,
    p95FrameMs: Math.round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
    frames: gaps.length,
    panned: Math.round(Math.hypot(cy.pan().x - before.pan.x, cy.pan().y - before.pan.y)),
    zoomRatio: Math.round((cy.zoom() / before.zoom) * 100) / 100,
  };
}

/**
 * After the gesture ended: ms from its last input event (the mouse-up, the last wheel notch) to the end of
 * the last render cytoscape drew since, the one that brings the edges back (a wheel zoom ends 150 ms after
 * its last notch). Waits `quietMs` for that render.
 */
async function settle(quietMs: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, quietMs));
  await frame();
  return Math.max(0, Math.round(lastRenderAt - lastInputAt));
}

let lastInputAt = 0;
let lastRenderAt = 0;
for (const type of ['mousedown', 'mousemove', 'mouseup', 'wheel'])
  window.addEventListener(type, () => (lastInputAt = performance.now()), { capture: true, passive: true });

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
      gestureGraph(nodes: number, edges: number, plan?: Subgraph): Promise<void>;
      gestureView(mode: 'overview' | 'reading', drawing: MovingDrawing): Promise<GestureView>;
      startFrames(): { zoom: number; pan: cytoscape.Position };
      stopFrames(before: { zoom: number; pan: cytoscape.Position }): Promise<FrameStats>;
      settle(quietMs: number): Promise<number>;
    };
  }
}

window.explorerBench = { draw, panZoom, panPlan, gestureGraph, gestureView, startFrames, stopFrames, settle };
