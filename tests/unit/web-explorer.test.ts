// The explorer's controller, headless, over a small graph in memory that answers as the API does: one undo
// history for the view's record (what the URL holds) and the canvas together, a shared view replayed step
// by step, the side panel following what the user does, failures reported with a retry, the API's limits
// read first and kept, and each lookup of the details asked of the API once.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExplorerApi } from '../../web/src/api/explorerApi.ts';
import { ExplorerController } from '../../web/src/explorer/controller.ts';
import type { Panel } from '../../web/src/explorer/events.ts';
import { decodeViewState, encodeViewState } from '../../web/src/explorer/viewState.ts';
import type { EdgeSummary, EntitySummary, Limits, Subgraph } from '../../web/src/model.ts';
import {
  edge,
  gulei,
  gulieTown,
  pxChain,
  pxChainGaps,
  starAround,
  zhangzhou,
  zhangzhouTiz,
} from './web-fixtures.ts';

/** The fixtures as one graph, and the API's answers over it (only what these tests ask). */
function graphApi(
  limits: Partial<Limits> = {},
  { chainEntities = 0 } = {},
): ExplorerApi & { asked: string[]; languages: string[]; failNext: () => void } {
  const star = starAround(zhangzhouTiz, 30);
  const nodes = new Map<string, EntitySummary>();
  const edges = new Map<string, EdgeSummary>();
  for (const part of [
    star,
    pxChain,
    {
      nodes: [gulei, gulieTown, zhangzhou],
      edges: [edge(gulei.id, 'LOCATED_IN', gulieTown.id), edge(gulieTown.id, 'LOCATED_IN', zhangzhou.id)],
    },
  ]) {
    for (const n of part.nodes) nodes.set(n.id, n);
    for (const e of part.edges) edges.set(e.id, e);
  }
  const asked: string[] = [];
  const languages: string[] = [];
  let failing = false;
  const answer = <T>(what: string, value: T): Promise<T> => {
    asked.push(what);
    if (failing) {
      failing = false;
      return Promise.reject(new Error(`${what} failed`));
    }
    return Promise.resolve(value);
  };
  const around = (ids: readonly string[], depth: number, limit: number): Subgraph => {
    const keep = new Set(ids.filter((id) => nodes.has(id)));
    if (depth > 0)
      for (const e of edges.values()) {
        if (keep.size >= limit) break;
        if (ids.includes(e.source)) keep.add(e.target);
        else if (ids.includes(e.target)) keep.add(e.source);
      }
    return {
      nodes: [...keep].map((id) => nodes.get(id)!),
      edges: [...edges.values()].filter((e) => keep.has(e.source) && keep.has(e.target)),
      truncated: false,
    };
  };
  const unused = () => Promise.reject(new Error('not in these tests'));
  return {
    asked,
    languages,
    failNext: () => (failing = true),
    setLanguage: (lang) => void languages.push(lang),
    setAsOf: (day) => void asked.push(`asOf ${day}`),
    limits: () =>
      answer('limits', {
        searchFirst: 100,
        entitiesFirst: 1000,
        neighborhoodIds: 100,
        neighborhoodLimit: 5000,
        pathsMaxHops: 6,
        pathsFirst: 10,
        supplyChainDepth: 10,
        supplyChainLimit: 5000,
        passageContext: 50,
        ...limits,
      }),
    neighborhood: (ids, options = {}) =>
      answer(
        `neighborhood ${ids.join(',')} limit ${options.limit}`,
        around(ids, options.depth ?? 1, options.limit ?? 300),
      ),
    // as if the chain went on beyond `chainEntities` entities
    supplyChain: (product, _direction, depth, limit) =>
      answer(`supplyChain ${product} depth ${depth} limit ${limit}`, {
        ...pxChain,
        truncated: limit < chainEntities,
      }),
    chainGaps: (product) => answer(`chainGaps ${product}`, { gaps: pxChainGaps, cut: null }),
    entity: (id) => {
      const n = nodes.get(id);
      return answer(
        `entity ${id}`,
        n ? { ...n, caveats: [], evidence: [], relations: [], relationCount: 0 } : null,
      );
    },
    stats: unused,
    search: unused,
    relation: unused,
    paths: unused,
    passageContext: unused,
    policyReach: unused,
    overview: unused,
    timeline: unused,
    scorecard: unused,
    wholeGraph: unused,
    geography: () =>
      answer('geography', {
        regions: [...nodes.values()].filter((n) => n.type === 'Region'),
        locatedIn: [...edges.values()].filter((e) => e.type === 'LOCATED_IN'),
        truncated: false,
      }),
    impact: unused,
    partnerRoles: unused,
  };
}

let controller: ExplorerController;
afterEach(() => controller?.destroy());

const nodeIds = (c: ExplorerController) =>
  c.canvas.cy
    .nodes()
    .map((n) => n.id())
    .sort();

describe('ExplorerController', () => {
  it('keeps one undo history: each step takes back the URL’s record and the canvas together', async () => {
    controller = new ExplorerController(graphApi());
    await controller.start(decodeViewState('view=empty'));
    expect(controller.canUndo).toBe(false);

    await controller.open(zhangzhouTiz.id, { expand: true });
    expect(controller.viewState().ops).toEqual([
      { op: 'add', id: zhangzhouTiz.id },
      { op: 'expand', id: zhangzhouTiz.id },
    ]);
    expect(controller.canvas.cy.nodes()).toHaveLength(26);
    controller.hide('enterprise:firm-0');
    await controller.showMore(zhangzhouTiz.id);
    const explored = nodeIds(controller);
    expect(controller.viewState().ops.map((o) => o.op)).toEqual(['add', 'expand', 'hide', 'more']);

    // a new base view, then back to the exploration as it was
    await controller.showChain('product:px', 'BOTH', 6);
    expect(controller.viewState().base).toEqual({
      kind: 'chain',
      product: 'product:px',
      direction: 'BOTH',
      depth: 6,
    });
    expect(controller.viewState().ops).toEqual([]);
    controller.undo();
    expect(controller.viewState().base).toEqual({ kind: 'empty' });
    expect(controller.viewState().ops.map((o) => o.op)).toEqual(['add', 'expand', 'hide', 'more']);
    expect(nodeIds(controller)).toEqual(explored);

    controller.undo(); // the "show more"
    controller.undo(); // the hide
    expect(controller.canvas.has('enterprise:firm-0')).toBe(true);
    expect(controller.viewState().ops.map((o) => o.op)).toEqual(['add', 'expand']);
    controller.undo();
    controller.undo();
    expect(controller.canvas.cy.nodes()).toHaveLength(0);
    expect(controller.viewState().ops).toEqual([]);
    expect(controller.canUndo).toBe(false);
  });

  it('replays a shared view step by step, into the same view and URL', async () => {
    const first = new ExplorerController(graphApi());
    await first.start(decodeViewState('view=empty'));
    await first.open(zhangzhouTiz.id, { expand: true });
    first.togglePin('enterprise:firm-2');
    first.hide('enterprise:firm-1');
    first.focus('enterprise:firm-3');
    const shared = encodeViewState(first.viewState());
    const shown = nodeIds(first);
    first.destroy();

    const api = graphApi();
    controller = new ExplorerController(api);
    const changes: string[] = [];
    controller.on('change', () => changes.push(encodeViewState(controller.viewState())));
    await controller.start(decodeViewState(shared));
    expect(nodeIds(controller)).toEqual(shown);
    expect(controller.canvas.pinnedIds).toEqual(['enterprise:firm-2']);
    expect(controller.canvas.selection()).toEqual({ kind: 'node', id: 'enterprise:firm-3' });
    expect(encodeViewState(controller.viewState())).toBe(shared);
    // the lists and the URL hear of the view once it is whole, not of every step on the way
    expect(changes).toEqual([shared]);
    expect(api.asked.filter((a) => a.startsWith('neighborhood'))).toHaveLength(2);
  });

  it('sees the view as of a year: every walk asked again as of its last day, the year in the URL', async () => {
    const api = graphApi();
    controller = new ExplorerController(api);
    await controller.start(decodeViewState('view=empty'));
    await controller.open(zhangzhouTiz.id, { expand: true });
    const shown = nodeIds(controller);
    const years: (number | null)[] = [];
    controller.on('year', (year) => years.push(year));
    api.asked.length = 0;

    await controller.setYear(2014);
    expect(api.asked[0]).toBe('asOf 2014-12-31');
    // the view's steps replayed, each walk asked again (the fake graph has no dates: the same view)
    expect(api.asked.filter((a) => a.startsWith('neighborhood'))).toHaveLength(2);
    expect(nodeIds(controller)).toEqual(shown);
    expect(controller.viewState().year).toBe(2014);
    expect(encodeViewState(controller.viewState())).toContain('year=2014');

    await controller.setYear(null);
    expect(api.asked).toContain('asOf null');
    expect(years).toEqual([2014, null]);
    expect(encodeViewState(controller.viewState())).not.toContain('year');
  });

  it('moves the side panel with the user: a chain to its tab, a selection to the details', async () => {
    controller = new ExplorerController(graphApi());
    const panels: Panel[] = [];
    controller.on('panel', (panel) => panels.push(panel));
    await controller.start(decodeViewState('view=chain&product=product:px'));
    expect(controller.panel).toBe('chain');
    expect(controller.chain?.gaps.map((g) => g.link.id)).toEqual(['product:resin', 'product:pta']);
    expect(controller.chain?.products).toBe(5);
    controller.focus('product:pta');
    expect(controller.panel).toBe('details');
    controller.openTool('paths');
    expect(panels).toEqual(['chain', 'details', 'paths']);
  });

  it('reports a failed operation with a retry that runs it again', async () => {
    const api = graphApi();
    controller = new ExplorerController(api);
    await controller.start(decodeViewState('view=empty'));
    const errors: { error: unknown; retry?: () => void }[] = [];
    const busy: boolean[] = [];
    controller.on('error', (error, retry) => errors.push({ error, retry }));
    controller.on('busy', (b) => busy.push(b));
    api.failNext();
    await controller.open(gulei.id, { expand: false });
    expect(errors).toHaveLength(1);
    expect(String(errors[0]!.error)).toContain('failed');
    expect(controller.canvas.has(gulei.id)).toBe(false);
    expect(controller.canUndo).toBe(false); // nothing half-done to undo
    errors[0]!.retry!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(controller.canvas.has(gulei.id)).toBe(true);
    expect(busy).toEqual([true, false, true, false]);
  });

  it('draws a chain before its gaps, and shows more of a chain that was cut, up to what the canvas draws', async () => {
    const api = graphApi({}, { chainEntities: 600 });
    controller = new ExplorerController(api);
    await controller.showChain('product:px', 'DOWNSTREAM', 3);
    expect(api.asked.slice(-2)).toEqual(['supplyChain product:px depth 3 limit 250', 'chainGaps product:px']);
    expect(controller.chain).toMatchObject({ truncated: true, more: true, limit: 250, gapsPending: false });
    expect(controller.chain?.gaps.length).toBeGreaterThan(0);
    await controller.showMoreChain();
    expect(api.asked).toContain('supplyChain product:px depth 3 limit 500');
    await controller.showMoreChain();
    expect(api.asked).toContain('supplyChain product:px depth 3 limit 750');
    expect(controller.chain).toMatchObject({ truncated: false, more: false, limit: 750 });
    await controller.showMoreChain(); // nothing more to show: nothing asked
    expect(api.asked.filter((a) => a.startsWith('supplyChain'))).toHaveLength(3);
    // the gaps depend on the product, not on how much of its chain is drawn: asked once
    expect(api.asked.filter((a) => a.startsWith('chainGaps'))).toHaveLength(1);
  });

  it('reads the API’s limits first and keeps its requests within them', async () => {
    const api = graphApi({ neighborhoodLimit: 12, supplyChainDepth: 4 });
    controller = new ExplorerController(api);
    await controller.start(decodeViewState('view=chain&product=product:px&depth=9'));
    expect(api.asked[0]).toBe('limits');
    expect(controller.limits?.supplyChainDepth).toBe(4);
    expect(api.asked).toContain('supplyChain product:px depth 4 limit 250');
    expect(api.asked).toContain('chainGaps product:px');
    expect(controller.viewState().base).toMatchObject({ depth: 4 });
    await controller.open(zhangzhouTiz.id, { expand: true });
    expect(api.asked).toContain(`neighborhood ${zhangzhouTiz.id} limit 12`);
    expect(api.asked.filter((a) => a === 'limits')).toHaveLength(1);
  });

  it('asks the API once for the details of an entity, and again after a failure', async () => {
    const api = graphApi();
    controller = new ExplorerController(api);
    api.failNext();
    await expect(controller.record(gulei.id)).rejects.toThrow('failed');
    const record = await controller.record(gulei.id);
    expect(record?.name).toBe('古雷台湾石化工业园');
    await controller.record(gulei.id);
    expect(api.asked.filter((a) => a === `entity ${gulei.id}`)).toHaveLength(2);
  });

  it('asks again in the reading language: details per language, and every request says it', async () => {
    const api = graphApi();
    controller = new ExplorerController(api);
    await controller.start(decodeViewState('view=empty'));
    await controller.record(gulei.id);
    await controller.setLanguage('zh-Hant');
    await controller.record(gulei.id);
    await controller.record(gulei.id);
    expect(api.asked.filter((a) => a === `entity ${gulei.id}`)).toHaveLength(2);
    expect(api.languages).toEqual(['zh-Hans', 'zh-Hant']);
    expect(controller.viewState().lang).toBe('zh-Hant');
    expect(encodeViewState(controller.viewState())).toContain('lang=zh-Hant');
  });

  it('lays the canvas out on the map, asking once what lies in what, and keeps it in the URL', async () => {
    const api = graphApi();
    controller = new ExplorerController(api);
    await controller.start(decodeViewState('view=empty'));
    await controller.open(gulei.id, { expand: false });
    await controller.open(zhangzhou.id, { expand: false });
    await controller.open(gulieTown.id, { expand: false });
    await controller.toggleMap();
    expect(controller.canvas.layoutName).toBe('map');
    const map = controller.canvas.map!;
    // the park lies in 古雷, which lies in 漳州: both go to 漳州's seat, the city itself on it
    expect(map.placements.get(gulei.id)?.region).toBe(zhangzhou.id);
    expect(map.placements.get(gulei.id)?.via).toEqual([gulei.id, gulieTown.id, zhangzhou.id]);
    const at = (id: string) => controller.canvas.cy.getElementById(id).position();
    expect(at(zhangzhou.id)).toEqual(map.positions.get(zhangzhou.id));
    expect(Math.hypot(at(gulei.id).x - at(zhangzhou.id).x, at(gulei.id).y - at(zhangzhou.id).y)).toBeLessThan(
      60,
    );
    const url = encodeViewState(controller.viewState());
    expect(url).toContain('layout=map');

    // expanding keeps the map, and the geography is not asked again
    await controller.expand(zhangzhouTiz.id).catch(() => undefined);
    await controller.toggleMap();
    expect(controller.canvas.layoutName).toBe('fcose');
    await controller.toggleMap();
    expect(api.asked.filter((a) => a === 'geography')).toHaveLength(1);

    // a shared link opens on the map
    const again = new ExplorerController(graphApi());
    await again.start(decodeViewState(url));
    expect(again.canvas.layoutName).toBe('map');
    expect(again.canvas.map?.placements.get(gulei.id)?.region).toBe(zhangzhou.id);
    again.destroy();
  });
});
