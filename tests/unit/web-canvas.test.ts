// The explorer's canvas, headless: the controller's content operations (expand with a cap and "show more",
// hide, pin, snapshots for undo, filters, language, chains with their gaps, paths), the layout runner (the
// worker's refinement and its cache) and the level of detail (stylesheet, labels and edges by size).
import { afterEach, describe, expect, it } from 'vitest';
import { CanvasController } from '../../web/src/canvas/controller.ts';
import { layoutKey } from '../../web/src/canvas/layoutRunner.ts';
import { HIDE_EDGES_WHILE_MOVING_ABOVE } from '../../web/src/canvas/levelOfDetail.ts';
import type { LayoutAnswer, LayoutJob } from '../../web/src/canvas/layoutWorker.ts';
import { NO_FILTERS, toggleFilter } from '../../web/src/canvas/filters.ts';
import { loadTraditional } from '../../web/src/i18n/index.ts';
import {
  edge,
  gulei,
  gulieTown,
  petrochem,
  px,
  pxChain,
  pxChainGaps,
  starAround,
  zhangzhou,
  zhangzhouTiz,
} from './web-fixtures.ts';

let controller: CanvasController;
afterEach(() => controller?.destroy());

function ids(c: CanvasController) {
  return c.cy
    .nodes()
    .map((n) => n.id())
    .sort();
}

describe('CanvasController', () => {
  it('shows a subgraph with labels in Chinese, sized by degree', async () => {
    controller = new CanvasController();
    await controller.show(
      {
        nodes: [gulei, gulieTown, zhangzhou],
        edges: [edge(gulei.id, 'LOCATED_IN', gulieTown.id), edge(gulieTown.id, 'LOCATED_IN', zhangzhou.id)],
        truncated: false,
      },
      { kind: 'overview', hubs: [gulei.id] },
    );
    const node = controller.cy.getElementById(gulei.id);
    expect(node.data('label')).toBe('古雷台湾\n石化工业园');
    expect(node.hasClass('hub')).toBe(true);
    expect(controller.cy.getElementById(zhangzhou.id).data('size')).toBeGreaterThan(
      controller.cy.getElementById(gulieTown.id).data('size'),
    );
    expect(controller.kind).toBe('overview');
  });

  it('expands up to the cap, the best connected first, and shows more on request', async () => {
    controller = new CanvasController();
    await controller.show({ nodes: [zhangzhouTiz], edges: [], truncated: false }, { kind: 'explore' });
    const star = starAround(zhangzhouTiz, 30);
    const first = await controller.expand(zhangzhouTiz.id, star, 25);
    expect(first.added).toBe(25);
    expect(first.remaining).toBe(5);
    expect(controller.has('enterprise:firm-0')).toBe(true);
    expect(controller.has('enterprise:firm-29')).toBe(false);
    expect(controller.cy.getElementById(zhangzhouTiz.id).hasClass('has-more')).toBe(true);
    const more = await controller.showMore(zhangzhouTiz.id, 25);
    expect(more).toEqual({ added: 5, remaining: 0 });
    expect(controller.cy.edges().length).toBe(30);
    expect(controller.expandedIds).toEqual([zhangzhouTiz.id]);
  });

  it('hides nodes, keeps them out of later expansions, and restores snapshots step by step', async () => {
    controller = new CanvasController();
    await controller.show({ nodes: [zhangzhouTiz], edges: [], truncated: false }, { kind: 'explore' });
    const star = starAround(zhangzhouTiz, 4);
    const snapshots = [controller.snapshot()];
    await controller.expand(zhangzhouTiz.id, star, 25);
    snapshots.push(controller.snapshot());
    controller.hide(['enterprise:firm-1']);
    expect(controller.has('enterprise:firm-1')).toBe(false);
    expect(controller.dismissedIds).toEqual(['enterprise:firm-1']);
    snapshots.push(controller.snapshot());
    await controller.expand(zhangzhouTiz.id, star, 25);
    expect(controller.has('enterprise:firm-1')).toBe(false);

    controller.restore(snapshots.pop()!); // before the second expansion
    expect(controller.has('enterprise:firm-1')).toBe(false);
    controller.restore(snapshots.pop()!); // before the hide
    expect(controller.has('enterprise:firm-1')).toBe(true);
    expect(controller.dismissedIds).toEqual([]);
    controller.restore(snapshots.pop()!); // before the first expansion
    expect(ids(controller)).toEqual([zhangzhouTiz.id]);
    expect(controller.expandedIds).toEqual([]);
  });

  it('keeps a pinned node in place through a new layout', async () => {
    controller = new CanvasController();
    await controller.show(starAround(zhangzhouTiz, 8), { kind: 'explore' });
    const node = controller.cy.getElementById('enterprise:firm-3');
    node.position({ x: 1234, y: -567 });
    expect(controller.togglePin(node.id())).toBe(true);
    await controller.relayout('concentric');
    expect(node.position()).toEqual({ x: 1234, y: -567 });
    await controller.relayout('fcose');
    expect(node.position().x).toBeCloseTo(1234, 0);
    expect(node.position().y).toBeCloseTo(-567, 0);
    expect(controller.pinnedIds).toEqual([node.id()]);
  });

  it('filters by entity type, relation type and status without removing anything', async () => {
    controller = new CanvasController();
    await controller.show(pxChain, { kind: 'explore' });
    controller.setFilters(toggleFilter(NO_FILTERS, 'hiddenTypes', 'Enterprise'));
    expect(controller.cy.nodes('[type = "Enterprise"]').length).toBe(3);
    expect(controller.cy.nodes('[type = "Enterprise"].filtered').length).toBe(3);
    // the edges of a hidden node are hidden with it
    expect(controller.cy.edges('[type = "PRODUCES"].filtered').length).toBe(4);
    controller.setFilters(toggleFilter(NO_FILTERS, 'hiddenStatuses', 'sought'));
    expect(controller.cy.edges('.filtered').map((e) => e.data('status'))).toEqual(['sought']);
    controller.setFilters(toggleFilter(NO_FILTERS, 'hiddenRelations', 'INPUT_TO'));
    expect(controller.counts()).toMatchObject({ nodes: 9, edges: 8, filteredNodes: 0, filteredEdges: 3 });
    controller.setFilters(NO_FILTERS);
    expect(controller.counts().filteredEdges).toBe(0);
  });

  it('switches node and edge labels between Simplified, Traditional and English', async () => {
    controller = new CanvasController();
    await controller.show(pxChain, { kind: 'explore' });
    controller.setLanguage('en');
    expect(controller.cy.getElementById(px.id).data('label')).toBe('Paraxylene (PX)');
    expect(controller.cy.getElementById(`${px.id}|INPUT_TO|product:pta`).data('label')).toBe('input to');
    controller.setLanguage('zh-Hans');
    expect(controller.cy.getElementById(px.id).data('label')).toBe('对二甲苯\n（PX）');
    expect(controller.cy.getElementById(`${px.id}|INPUT_TO|product:pta`).data('label')).toBe('供给');
    await loadTraditional();
    controller.setLanguage('zh-Hant');
    const node = controller.cy.getElementById(px.id);
    expect(node.data('label')).toBe('對二甲苯\n（PX）');
    expect(controller.cy.getElementById(`${px.id}|INPUT_TO|product:pta`).data('label')).toBe('供給');
    // drawn in the glyphs Taiwan reads
    expect(String(node.style('font-family'))).toContain('Noto Sans CJK TC');
    controller.setLanguage('zh-Hans');
    expect(String(node.style('font-family'))).toContain('Noto Sans CJK SC');
  });

  it('lays a chain out left to right in tiers and marks the gaps the API found', async () => {
    controller = new CanvasController();
    const analysis = await controller.showChain(pxChain, px.id, pxChainGaps);
    const x = (id: string) => controller.cy.getElementById(id).position().x;
    expect(x('product:oil-refining')).toBeLessThan(x('product:ethylene'));
    expect(x('product:ethylene')).toBeLessThan(x('product:resin'));
    expect(x('product:px')).toBeLessThan(x('product:pta'));
    expect(analysis.tiers.get('product:oil-refining')).toBe(0);
    expect(analysis.tiers.get('product:resin')).toBe(2);
    expect(analysis.gaps.get('product:resin')).toEqual(['uncovered']);
    expect(analysis.gaps.get('product:pta')).toEqual(['planned-only', 'taiwan-only']);
    expect(analysis.gaps.has('product:oil-refining')).toBe(false);
    expect(controller.cy.getElementById('product:resin').hasClass('gap-uncovered')).toBe(true);
    expect(controller.cy.getElementById('product:pta').hasClass('gap-planned-only')).toBe(true);
    expect(analysis.coverers.get('product:px')).toEqual(['enterprise:tenglong-aromatics']);
    // the firm that makes PX is listed beneath it
    const tenglong = controller.cy.getElementById('enterprise:tenglong-aromatics');
    expect(tenglong.hasClass('attached')).toBe(true);
    expect(tenglong.position().y).toBeGreaterThan(controller.cy.getElementById(px.id).position().y);
    expect(Math.abs(tenglong.position().x - x(px.id))).toBeLessThan(60);
  });

  it('shows paths and highlights one at a time', async () => {
    controller = new CanvasController();
    const a = {
      nodes: [gulei, gulieTown, zhangzhou],
      edges: [edge(gulei.id, 'LOCATED_IN', gulieTown.id), edge(gulieTown.id, 'LOCATED_IN', zhangzhou.id)],
      length: 2,
    };
    const b = {
      nodes: [gulei, petrochem, zhangzhou],
      edges: [edge(gulei.id, 'FOCUSES_ON', petrochem.id), edge(zhangzhou.id, 'FOCUSES_ON', petrochem.id)],
      length: 2,
    };
    await controller.showPaths([a, b], gulei.id, zhangzhou.id);
    expect(controller.cy.getElementById(gulieTown.id).hasClass('path')).toBe(true);
    expect(controller.cy.getElementById(petrochem.id).hasClass('faded')).toBe(true);
    controller.highlightPath(1);
    expect(controller.cy.getElementById(petrochem.id).hasClass('path')).toBe(true);
    expect(controller.cy.getElementById(gulieTown.id).hasClass('faded')).toBe(true);
    expect(controller.cy.getElementById(gulei.id).position().x).toBeLessThan(
      controller.cy.getElementById(zhangzhou.id).position().x,
    );
  });
});

// Hundreds of nodes laid out for real: seconds on a loaded machine, so more than vitest's default 5 s.
describe('the layout runner on a large canvas', { timeout: 30_000 }, () => {
  it('draws a draft at once, eases into the worker’s layout, and reuses it for the same graph', async () => {
    const jobs: LayoutJob[] = [];
    const refineLayout = (job: LayoutJob): Promise<LayoutAnswer> => {
      jobs.push(job);
      const positions = Object.fromEntries(job.nodes.map((n, i) => [n.id, { x: i * 10, y: -i }]));
      return Promise.resolve({ id: job.id, positions, ms: 1 });
    };
    const graph = starAround(zhangzhouTiz, 450);
    controller = new CanvasController({ refineLayout });
    await controller.show(graph, { kind: 'explore' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.nodes).toHaveLength(451);
    // the job carries label-sized boxes, wider than the nodes for long labels
    expect(jobs[0]!.nodes.every((n) => n.w >= 18 && n.h > 18)).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(controller.refiningLayout).toBe(false);
    expect(controller.cy.getElementById('enterprise:firm-9').position()).toEqual({ x: 100, y: -10 });

    // the same graph again: no new job, the polished positions at once
    await controller.show(graph, { kind: 'explore' });
    expect(jobs).toHaveLength(1);
    expect(controller.cy.getElementById('enterprise:firm-9').position()).toEqual({ x: 100, y: -10 });
  });

  it('drops a worker answer for a canvas that has changed since', async () => {
    let answer: (value: LayoutAnswer) => void = () => {};
    const refineLayout = (job: LayoutJob) =>
      new Promise<LayoutAnswer>((resolve) => {
        answer = () =>
          resolve({
            id: job.id,
            positions: Object.fromEntries(job.nodes.map((n) => [n.id, { x: 5000, y: 5000 }])),
            ms: 1,
          });
      });
    controller = new CanvasController({ refineLayout });
    await controller.show(starAround(zhangzhouTiz, 420), { kind: 'explore' });
    expect(controller.refiningLayout).toBe(true);
    controller.hide(['enterprise:firm-3']);
    answer({ id: 0, positions: {}, ms: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(controller.cy.getElementById('enterprise:firm-9').position()).not.toEqual({ x: 5000, y: 5000 });
  });

  it('drops a worker answer once another layout was chosen (the map, concentric…)', async () => {
    let answer: () => void = () => {};
    const refineLayout = (job: LayoutJob) =>
      new Promise<LayoutAnswer>((resolve) => {
        answer = () =>
          resolve({
            id: job.id,
            positions: Object.fromEntries(job.nodes.map((n) => [n.id, { x: 5000, y: 5000 }])),
            ms: 1,
          });
      });
    controller = new CanvasController({ refineLayout });
    await controller.show(starAround(zhangzhouTiz, 420), { kind: 'explore' });
    expect(controller.refiningLayout).toBe(true);
    await controller.relayout('concentric');
    const placed = { ...controller.cy.getElementById('enterprise:firm-9').position() };
    answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(controller.cy.getElementById('enterprise:firm-9').position()).toEqual(placed);
    expect(controller.layoutName).toBe('concentric');
  });

  it('identifies a graph by its elements, whatever their order', async () => {
    controller = new CanvasController();
    await controller.show(pxChain, { kind: 'explore' });
    const key = layoutKey(controller.cy.elements());
    const reversed = new CanvasController();
    await reversed.show(
      { ...pxChain, nodes: [...pxChain.nodes].reverse(), edges: [...pxChain.edges].reverse() },
      { kind: 'explore' },
    );
    expect(layoutKey(reversed.cy.elements())).toBe(key);
    reversed.hide(['product:px']);
    expect(layoutKey(reversed.cy.elements())).not.toBe(key);
    reversed.destroy();
  });
});

describe('level of detail on a large canvas', { timeout: 30_000 }, () => {
  it('switches to the large-graph stylesheet above 400 nodes and back', async () => {
    controller = new CanvasController();
    await controller.show(starAround(zhangzhouTiz, 450), { kind: 'explore' });
    expect(controller.cy.edges().first().style('curve-style')).toBe('straight');
    await controller.show(starAround(zhangzhouTiz, 10), { kind: 'explore' });
    expect(controller.cy.edges().first().style('curve-style')).toBe('bezier');
  });

  it('hides edges during a pan or zoom by hand only while the canvas holds many edges', async () => {
    controller = new CanvasController();
    await controller.show(starAround(zhangzhouTiz, 10), { kind: 'explore' });
    expect(controller.hidesEdgesWhileMoving).toBe(false);
    // Many edges without a layout (a 5,000-edge fcose is slow headless); the canvas renderer reads the same field.
    await controller.add(starAround(zhangzhouTiz, HIDE_EDGES_WHILE_MOVING_ABOVE + 1), { layout: false });
    expect(controller.cy.edges()).toHaveLength(HIDE_EDGES_WHILE_MOVING_ABOVE + 1);
    expect(controller.hidesEdgesWhileMoving).toBe(true);
    controller.hide(['enterprise:firm-0']);
    expect(controller.hidesEdgesWhileMoving).toBe(false);
  });

  it('labels only the nodes in view, once zoomed in far enough', async () => {
    controller = new CanvasController();
    await controller.show(starAround(zhangzhouTiz, 450), { kind: 'explore' });
    const cy = controller.cy;
    const firm = cy.getElementById('enterprise:firm-7');
    expect(firm.style('label')).toBe('');
    cy.zoom(0.2);
    cy.center(firm);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(firm.hasClass('lod-label')).toBe(false);
    cy.zoom({ level: 1.2, position: firm.position() });
    cy.center(firm);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(firm.hasClass('lod-label')).toBe(true);
    expect(firm.style('label')).toBe('企业7');
    expect(cy.nodes('.lod-label').length).toBeLessThan(cy.nodes().length);
  });
});
