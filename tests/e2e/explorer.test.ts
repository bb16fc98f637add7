// The explorer end to end: the built page, served by the real HTTP server over the plan graph in Neo4j, in
// Chromium driven by playwright-core (tests/support/chromium.ts: CHROMIUM_PATH, a system Chromium or the
// packaged one). What only a browser shows: the page opens on 五区十园, the search is keyboard-driven,
// details show the plan's words, expansion, the PX chain, a path from a Taiwan association to an
// enterprise, the language switch, PNG export, a shared URL, and the loading, empty and error states.
// Screenshots go to test-results/ (look at them: Chinese must render, not boxes; that needs a CJK font
// such as Debian's fonts-noto-cjk, see README.md).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerCut, canvas, pick, settled, SHOTS, useExplorerInChromium } from '../support/explorer.ts';
import { LIMITS } from '../../src/api/graphql/limits.ts';
import { pathVisitLimit } from '../../src/read/truncation.ts';
import { anchorOfRegion } from '../../web/src/map/geography.ts';
import { project } from '../../web/src/map/mapLayout.ts';

const explorer = useExplorerInChromium();
const open = (url?: string) => explorer.open(url);

/** Screen position of a node, for real mouse events. */
async function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  const rendered = await page.evaluate((nodeId) => {
    const cy = (window as unknown as { cskg: { graph: { cy: import('cytoscape').Core } } }).cskg.graph.cy;
    return cy.getElementById(nodeId).renderedPosition();
  }, id);
  const box = await page.locator('#cy').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + rendered.x, y: box.y + rendered.y };
}

describe('the explorer in Chromium', () => {
  it('opens on the plan’s five zones and ten parks, readable without a click', async () => {
    const page = await open();
    const view = await canvas(page);
    expect(view.kind).toBe('overview');
    expect(view.layout).toBe('columns');
    expect(view.hubs).toHaveLength(15);
    expect(view.hubs).toEqual(
      expect.arrayContaining([
        'park:pingtan-comprehensive-zone',
        'park:xiamen-tiz',
        'park:gulei-taiwan-petrochemical-park',
        'park:wuyi-new-area-specialty-park',
      ]),
    );
    // regions and focus sectors are there too, with their labels
    expect(view.nodes.some((id) => id.startsWith('region:'))).toBe(true);
    expect(view.nodes.some((id) => id.startsWith('sector:'))).toBe(true);
    expect(view.labels['park:gulei-taiwan-petrochemical-park']).toContain('古雷');
    // the same structure in words beside the graph
    const summary = page.locator('#details');
    await expect.poll(() => summary.locator('[data-overview]').count()).toBe(15);
    await expect.poll(() => summary.textContent()).toContain('平潭综合实验区');
    // the legend doubles as the filter
    expect(await page.locator('#legend input[type=checkbox]').count()).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-1-overview.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('searches 古雷 from the keyboard and shows the details with the plan’s words', async () => {
    const page = await open();
    const search = page.getByRole('combobox', { name: '搜索' });
    expect(await search.getAttribute('type')).toBe('search');
    await search.focus();
    await search.fill('古雷');
    const listbox = page.getByRole('listbox');
    await listbox.getByRole('option', { name: /古雷台湾石化工业园/ }).waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-2-search.png') });
    // Escape closes the suggestions, ArrowDown brings them back
    await search.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await pick(page, '搜索', '古雷', '古雷台湾石化工业园');
    // English names and aliases find entities too
    await search.fill('AUO');
    await listbox.getByRole('option', { name: /友达光电/ }).waitFor();
    await search.fill('Gulei');
    await listbox.getByRole('option', { name: /古雷/ }).first().waitFor();
    await search.press('Escape');
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');

    const details = page.locator('#details');
    await expect.poll(() => details.locator('.entity-name').textContent()).toBe('古雷台湾石化工业园');
    expect(await details.locator('.entity-name-other').textContent()).toBe(
      'Gulei Taiwan Petrochemical Industrial Park',
    );
    expect(await details.textContent()).toContain('园区');
    // evidence: section path and the cited words marked
    const passages = details.locator('.passage');
    expect(await passages.count()).toBeGreaterThan(0);
    expect(await passages.first().locator('.section-path').textContent()).toMatch(/第.章/);
    expect(await passages.locator('mark').count()).toBeGreaterThan(0);
    // read the surrounding section of the plan
    await passages.first().locator('[data-action="read-section"]').click();
    const context = passages.first().locator('.context');
    await context.waitFor({ state: 'visible' });
    expect(await context.locator('p').count()).toBeGreaterThan(1);
    expect(await context.locator('p.current mark').count()).toBeGreaterThan(0);
    // the policies and measures that reach it, each opening as a path with evidence
    await details.locator('.reach-list li').first().waitFor();
    expect(await details.locator('.reach-list li').count()).toBeGreaterThan(0);
    const view = await canvas(page);
    expect(view.selected).toEqual(['park:gulei-taiwan-petrochemical-park']);
    expect(page.url()).toContain('sel=park:gulei-taiwan-petrochemical-park');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-3-details.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('expands by double-click and by button, with a cap and "show more"; hides and undoes', async () => {
    const page = await open('/?view=empty');
    await pick(page, '搜索', '福州台商投资区', '福州台商投资区');
    // picking from the search puts the entity on the canvas with its first neighbours
    let view = await canvas(page);
    const zone = 'park:fuzhou-tiz';
    expect(view.nodes).toContain(zone);
    const firstCount = view.nodes.length;
    expect(firstCount).toBe(26); // the zone and the cap of 25 neighbours: it has more
    const more = page.locator('.toolbar [data-action="more"]');
    expect(await more.isEnabled()).toBe(true);
    await more.click();
    await settled(page);
    view = await canvas(page);
    expect(view.nodes.length).toBeGreaterThan(firstCount);

    // double-click a neighbour to expand it
    const neighbour =
      view.nodes.find((id) => id.startsWith('region:')) ?? view.nodes.find((id) => id !== zone)!;
    const before = view.nodes.length;
    const at = await nodeOnScreen(page, neighbour);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForTimeout(300);
    await settled(page);
    view = await canvas(page);
    expect(view.nodes.length).toBeGreaterThan(before);
    expect(page.url()).toContain(`x.${neighbour}`);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-4-expanded.png') });

    // pin it: it keeps its place through a new layout, and the URL says so
    await page.locator('.toolbar [data-action="pin"]').click();
    const pinnedAt = await nodeOnScreen(page, neighbour);
    await page.locator('.toolbar [data-action="relayout"]').click();
    await settled(page);
    const stillAt = await nodeOnScreen(page, neighbour);
    expect(page.url()).toContain(`p.${neighbour}`);
    expect(Math.abs(stillAt.x - pinnedAt.x) + Math.abs(stillAt.y - pinnedAt.y)).toBeLessThan(400);
    await page.locator('.toolbar [data-action="pin"]').click();

    // hide the selected node, then undo
    const count = view.nodes.length;
    await page.locator('.toolbar [data-action="hide"]').click();
    view = await canvas(page);
    expect(view.nodes).not.toContain(neighbour);
    await page.locator('.toolbar [data-action="undo"]').click();
    view = await canvas(page);
    expect(view.nodes).toContain(neighbour);
    expect(view.nodes).toHaveLength(count);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows the PX chain (对二甲苯 → PTA) left to right in tiers, with chain gaps', async () => {
    const page = await open();
    await page.locator('#view-chain').click();
    await pick(page, '产品', '对二甲苯', '对二甲苯');
    const view = await canvas(page);
    expect(view.kind).toBe('chain');
    expect(view.nodes).toEqual(expect.arrayContaining(['product:px', 'product:pta']));
    expect(view.edges).toContain('product:px|INPUT_TO|product:pta');
    expect(view.x['product:px']).toBeLessThan(view.x['product:pta']!);
    // the gaps the API found are marked on the canvas and listed with their reasons
    const gaps = page.locator('.gap-item');
    expect(await gaps.count()).toBe(view.gaps.length);
    expect(page.url()).toContain('view=chain');
    expect(page.url()).toContain('product=product:px');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-5-px-chain.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('finds the shortest paths from a Taiwan association to an enterprise, each hop with its evidence', async () => {
    const page = await open();
    await page.locator('#view-paths').click();
    await pick(page, '起点', '台湾车辆', '台湾车辆同业公会');
    await pick(page, '终点', '东南汽车', '东南汽车');
    const view = await canvas(page);
    expect(view.kind).toBe('paths');
    expect(view.pathEdges.length).toBeGreaterThan(0);
    const items = page.locator('.path-item');
    expect(await items.count()).toBeGreaterThan(0);
    const hops = items.first().locator('.hops > li');
    expect(await hops.count()).toBe(view.pathEdges.length);
    expect(await hops.first().locator('.passage').count()).toBeGreaterThan(0);
    expect(await hops.locator('mark').count()).toBeGreaterThan(0);
    // the start sits left of the end
    const url = new URL(page.url());
    expect(view.x[url.searchParams.get('from')!]).toBeLessThan(view.x[url.searchParams.get('to')!]!);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-6-paths.png') });
    // a search the server stopped at its limit of facts per side (a hub on a graph of a million facts; the
    // plan is too small to reach it, so the server's real answer gets the notice it would add there): the
    // paths found stay listed, and the panel says why longer ones may be missing
    const notice = pathVisitLimit(LIMITS.pathFacts, view.pathEdges.length).message.zh;
    await answerCut(page, 'Paths', {
      path: 'paths',
      reason: 'VISIT_LIMIT',
      limit: LIMITS.pathFacts,
      message: notice,
    });
    await page.locator('[data-action="find-paths"]').click();
    const cut = page.locator('.paths-cut');
    await cut.waitFor();
    expect(await cut.textContent()).toBe(notice);
    expect(await items.count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-6b-paths-cut.png') });
    await page.unroute('**/graphql');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows a relation’s type, status and evidence', async () => {
    const page = await open('/?view=chain&product=product:px&sel=product:px|INPUT_TO|product:pta');
    const details = page.locator('#details');
    await details.locator('[data-edge]').waitFor();
    expect(await details.locator('.chip').first().textContent()).toContain('供给');
    expect(await details.textContent()).toContain('规划');
    expect(await details.locator('.entity-name').textContent()).toContain('对二甲苯');
    expect(await details.locator('.passage mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-12-edge.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('draws the whole plan graph', async () => {
    const page = await open();
    await page.locator('#view-whole').click();
    await page.waitForTimeout(200);
    await settled(page);
    const stats = await explorer.server.graphql<{ stats: { entities: number; relations: number } }>(
      '{ stats { entities relations } }',
    );
    const view = await canvas(page);
    expect(view.nodes).toHaveLength(stats.body.data!.stats.entities);
    expect(view.edges).toHaveLength(stats.body.data!.stats.relations);
    expect(page.url()).toContain('view=whole');
    await page.waitForFunction(
      () => !document.getElementById('statusline')?.textContent?.includes('优化'),
      null,
      { timeout: 60_000 },
    );
    await page.screenshot({ path: path.join(SHOTS, 'explorer-13-whole.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('switches labels and interface to English and back', async () => {
    const page = await open();
    await page.locator('#lang-switch [data-lang="en"]').click();
    await settled(page);
    let view = await canvas(page);
    expect(view.labels['park:gulei-taiwan-petrochemical-park']).toMatch(/Gulei/);
    expect(await page.locator('#view-overview').textContent()).toBe('Zones & parks');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(page.url()).toContain('lang=en');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-7-english.png') });
    await page.locator('#lang-switch [data-lang="zh-Hans"]').click();
    await settled(page);
    view = await canvas(page);
    expect(view.labels['park:gulei-taiwan-petrochemical-park']).toContain('古雷');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('exports the view as PNG, SVG and JSON', async () => {
    const page = await open();
    const save = async (format: string) => {
      await page.locator('#export-button').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-export="${format}"]`).click(),
      ]);
      const file = path.join(SHOTS, `explorer-export.${format}`);
      await download.saveAs(file);
      return fs.readFileSync(file);
    };
    const png = await save('png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    const svg = (await save('svg')).toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('古雷台湾');
    const json = JSON.parse((await save('json')).toString('utf8')) as {
      nodes: { id: string }[];
      edges: unknown[];
    };
    expect(json.nodes.map((n) => n.id)).toContain('park:xiamen-tiz');
    expect(json.edges.length).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('restores a shared URL: expansions, filters, layout, language and selection', async () => {
    const page = await open('/?view=empty');
    await pick(page, '搜索', '古雷台湾石化', '古雷台湾石化工业园');
    await page.locator('#legend [data-filter="hiddenTypes:Region"]').uncheck();
    await page.locator('#layout-select').selectOption('concentric');
    await settled(page);
    await page.locator('#lang-switch [data-lang="en"]').click();
    await settled(page);
    const view = await canvas(page);
    const shared = page.url();
    expect(shared).toContain('lang=en');
    expect(shared).toContain('layout=concentric');
    expect(shared).toContain('types=-Region');
    await page.close();

    const again = await open(shared.replace(explorer.server.url, ''));
    const restored = await canvas(again);
    expect(restored.nodes.sort()).toEqual(view.nodes.sort());
    expect(restored.selected).toEqual(view.selected);
    expect(restored.filtered.sort()).toEqual(view.filtered.sort());
    expect(restored.layout).toBe('concentric');
    expect(restored.labels['park:gulei-taiwan-petrochemical-park']).toMatch(/Gulei/);
    expect(await again.locator('#legend [data-filter="hiddenTypes:Region"]').isChecked()).toBe(false);
    expect(again.url()).toBe(shared);
    await again.screenshot({ path: path.join(SHOTS, 'explorer-8-shared-url.png') });
    expect(again.errors).toEqual([]);
    await again.close();
  });

  it('shows an empty-state hint, a loading indicator and an error banner when the API fails', async () => {
    const page = await open('/?view=empty');
    expect(await page.locator('#empty-state').isVisible()).toBe(true);
    expect(await page.locator('#empty-state').textContent()).toContain('搜索');
    // a slow, then failing, API
    await page.route('**/graphql', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'Neo4j is not reachable', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
        }),
      });
    });
    await page.locator('#view-overview').click();
    await page.locator('#loading').waitFor({ state: 'visible' });
    const banner = page.locator('#error-banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain('not reachable');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-9-error.png') });
    // the API is back: retry works
    await page.unroute('**/graphql');
    await banner.getByRole('button', { name: '重试' }).click();
    await settled(page);
    expect(await banner.isVisible()).toBe(false);
    expect((await canvas(page)).hubs).toHaveLength(15);
    await page.close();
  });

  it('names what failed and what to try when the server refuses an operation', async () => {
    const page = await open();
    const banner = page.locator('#error-banner');
    const controller = (code: string) =>
      page.evaluate(`(async () => { const c = window.cskg.controller; ${code} })()`);
    // a park is no product: the server refuses the chain (BAD_USER_INPUT), the banner names the chain asked for
    await controller(`await c.showChain('park:gulei-taiwan-petrochemical-park', 'DOWNSTREAM', 3);`);
    await banner.waitFor({ state: 'visible' });
    const chain = (await banner.locator('.message').textContent()) ?? '';
    expect(chain).toContain('古雷台湾石化工业园的产业链（下游，深度 3）未能显示');
    expect(chain).toContain('Product'); // the server's own words
    expect(chain).not.toContain('可减小深度'); // asking for less would not help
    await page.screenshot({ path: path.join(SHOTS, 'explorer-9b-chain-refused.png') });
    // an unknown end (NOT_FOUND): the paths asked for, with its ends and hops
    await controller(`await c.findPaths('park:gulei-taiwan-petrochemical-park', 'region:nowhere', 3);`);
    await banner.waitFor({ state: 'visible' });
    const paths = (await banner.locator('.message').textContent()) ?? '';
    expect(paths).toContain('古雷台湾石化工业园 → region:nowhere 的路径（最多 3 跳）未能显示');
    expect(paths).toContain('there is no entity with id');
    // the server failing for the size of the work (its answer at 1M facts before the chain was bounded,
    // word for word): what to try instead, in English too; retry runs the same operation again
    await page.locator('#lang-switch [data-lang="en"]').click();
    await settled(page);
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('query SupplyChain')) return route.fallback();
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              message: 'Unexpected error.',
              path: ['supplyChain'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
          data: null,
        }),
      });
    });
    await page.locator('#view-chain').click();
    await pick(page, 'Product', 'PX', 'Paraxylene');
    await banner.waitFor({ state: 'visible' });
    const failed = (await banner.locator('.message').textContent()) ?? '';
    expect(failed).toContain('The supply chain of Paraxylene (PX) (Both, depth 6) could not be shown');
    expect(failed).toContain('the server failed while answering (Unexpected error.)');
    expect(failed).toContain('Try a smaller depth, or upstream or downstream alone.');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-9c-chain-failed.png') });
    await page.unroute('**/graphql');
    await banner.getByRole('button', { name: 'Retry' }).click();
    await settled(page);
    expect(await banner.isVisible()).toBe(false);
    expect((await canvas(page)).nodes).toContain('product:pta');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stays usable in a narrow window', async () => {
    const narrow = await explorer.browser.newContext({ viewport: { width: 600, height: 860 } });
    const page = await narrow.newPage();
    await page.goto(explorer.server.url + '/?view=chain&product=product:px');
    await settled(page);
    const cy = await page.locator('#cy').boundingBox();
    expect(cy!.width).toBeGreaterThan(550);
    expect(cy!.height).toBeGreaterThan(400);
    expect(await page.getByRole('combobox', { name: '搜索' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-10-narrow.png') });
    await page.getByRole('button', { name: '详情' }).click();
    expect(await page.locator('#side').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-11-narrow-panel.png') });
    await narrow.close();
  });
});

describe('across the strait: 繁體 and the map', () => {
  it('reads in Traditional Chinese: interface, names, and the URL', async () => {
    const page = await open();
    await page.locator('#lang-switch [data-lang="zh-Hant"]').click();
    await settled(page);
    const view = await canvas(page);
    expect(view.labels['park:gulei-taiwan-petrochemical-park']?.replaceAll('\n', '')).toBe(
      '古雷臺灣石化工業園',
    );
    expect(await page.locator('#view-overview').textContent()).toBe('五區十園');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(page.url()).toContain('lang=zh-Hant');
    expect(await page.locator('#lang-switch [data-lang="zh-Hant"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.screenshot({ path: path.join(SHOTS, 'explorer-14-traditional.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('finds an entity searched in Traditional characters, as a reader in Taiwan writes it', async () => {
    const page = await open('/?view=empty&lang=zh-Hant');
    await pick(page, '搜尋', '友達光電', '友達光電');
    expect((await canvas(page)).selected).toEqual(['enterprise:auo']);
    await pick(page, '搜尋', '臺塑', '臺塑');
    expect((await canvas(page)).selected).toEqual(['enterprise:formosa-plastics']);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-15-traditional-search.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows a caveat and a chain gap’s explanation in Traditional Chinese once 繁體 is chosen', async () => {
    const page = await open('/?view=empty');
    await pick(page, '搜索', '古雷台湾石化', '古雷台湾石化工业园');
    await page.locator('#lang-switch [data-lang="zh-Hant"]').click();
    await settled(page);
    const caveats = page.locator('#side .caveats li');
    await caveats.first().waitFor();
    const caveat = (await caveats.allTextContents()).join(' ');
    expect(caveat).toContain('古雷臺灣石化工業園');
    expect(caveat).not.toMatch(/园|台湾/);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-16-traditional-caveat.png') });

    await page.goto(`${explorer.server.url}/?view=chain&product=product:px&lang=zh-Hant`);
    await settled(page);
    const gaps = page.locator('#side [data-gap] .gap-explanation');
    await gaps.first().waitFor();
    const explanations = (await gaps.allTextContents()).join(' ');
    expect(explanations).toContain('煉油');
    expect(explanations).not.toContain('炼油');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-17-traditional-gaps.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  /** Where a node is on the canvas (model coordinates) and which classes its edges carry. */
  const onMap = (page: Page) =>
    page.evaluate(() => {
      const cy = (window as unknown as { cskg: { graph: { cy: import('cytoscape').Core } } }).cskg.graph.cy;
      return {
        positions: Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()])),
        crossStrait: cy.edges('.cross-strait').map((e) => e.id()),
        offMap: cy.nodes('.off-map').map((n) => n.id()),
      };
    });

  const city = (name: string) =>
    project(anchorOfRegion({ name, nameEn: '', attributes: [{ key: 'level', value: 'city' }] })!.point);

  it('places the ten parks in their cities on a schematic map of Fujian and Taiwan', async () => {
    const page = await open('/?layout=map');
    const view = await canvas(page);
    expect(view.kind).toBe('overview');
    expect(view.layout).toBe('map');
    const { positions, offMap } = await onMap(page);
    const tenParks: Record<string, string> = {
      'park:gulei-taiwan-petrochemical-park': '漳州',
      'park:fuzhou-qingkou-auto-park': '福州',
      'park:fuqing-hongkuan-taiwan-park': '福州',
      'park:quanzhou-high-end-equipment-park': '泉州',
      'park:nanjing-taiwan-precision-equipment-park': '漳州',
      'park:fuan-teco-motor-park': '宁德',
      'park:putian-taiwan-high-tech-park': '莆田',
      'park:longyan-machinery-park': '龙岩',
      'park:sanming-taiwan-eco-park': '三明',
      'park:wuyi-new-area-specialty-park': '南平',
    };
    for (const [park, cityName] of Object.entries(tenParks)) {
      const at = positions[park]!;
      const seat = city(cityName);
      expect(Math.hypot(at.x - seat.x, at.y - seat.y), `${park} near ${cityName}`).toBeLessThan(100);
    }
    // the sectors of 专栏三 lie nowhere: they stand beside the map, not in a city
    expect(offMap.some((id) => id.startsWith('sector:'))).toBe(true);
    expect(offMap.some((id) => id.startsWith('park:'))).toBe(false);
    // the map is drawn, and says it is schematic
    expect(await page.locator('.map-backdrop').isVisible()).toBe(true);
    expect(await page.locator('.map-backdrop path').count()).toBe(10);
    expect(await page.locator('#map-note').textContent()).toContain('示意图');
    expect(await page.locator('#view-caption').textContent()).toContain('示意');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-18-map.png') });

    // the exports have the map under the graph
    const save = async (format: string) => {
      await page.locator('#export-button').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-export="${format}"]`).click(),
      ]);
      const file = path.join(SHOTS, `explorer-map-export.${format}`);
      await download.saveAs(file);
      return fs.readFileSync(file);
    };
    const svg = (await save('svg')).toString('utf8');
    expect(svg).toContain('<g class="underlay">');
    expect(svg).toContain('<title>漳州市</title>');
    expect(svg).toContain('示意图');
    const png = await save('png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // selection, filters and the URL work on the map as on any layout
    await page.mouse.click(
      ...(Object.values(await nodeOnScreen(page, 'park:gulei-taiwan-petrochemical-park')) as [
        number,
        number,
      ]),
    );
    await settled(page);
    expect(await page.locator('#side .entity-name').first().textContent()).toContain('古雷');
    await page.locator('#legend [data-filter="hiddenTypes:Sector"]').uncheck();
    await settled(page);
    const shared = page.url();
    expect(shared).toContain('layout=map');
    expect(shared).toContain('types=-Sector');
    expect(shared).toContain('sel=park');
    expect(page.errors).toEqual([]);
    await page.close();

    const again = await open(shared.replace(explorer.server.url, ''));
    const restored = await canvas(again);
    expect(restored.layout).toBe('map');
    expect(restored.selected).toEqual(['park:gulei-taiwan-petrochemical-park']);
    expect((await onMap(again)).positions['park:gulei-taiwan-petrochemical-park']).toEqual(
      positions['park:gulei-taiwan-petrochemical-park'],
    );
    // back to the view's own layout
    await again.locator('#layout-select').selectOption('columns');
    await settled(again);
    expect((await canvas(again)).layout).toBe('columns');
    expect(await again.locator('.map-backdrop').isVisible()).toBe(false);
    expect(again.errors).toEqual([]);
    await again.close();
  });

  it('opens the map: 五区十园, the places in Taiwan and the relations across the strait', async () => {
    const page = await open('/?lang=zh-Hant');
    await page.locator('#view-map').click();
    await settled(page);
    expect(page.url()).toContain('view=map');
    expect(await page.locator('#view-map').getAttribute('aria-pressed')).toBe('true');
    const view = await canvas(page);
    expect(view.layout).toBe('map');
    expect(view.hubs).toHaveLength(15);
    expect(view.nodes.some((id) => id.startsWith('sector:'))).toBe(false);
    const { positions, crossStrait } = await onMap(page);
    const taiwan: Record<string, [number, number]> = {
      'region:taipei': [121.526, 25.053],
      'region:taichung': [120.684, 24.147],
      'region:kaohsiung': [120.313, 22.616],
    };
    for (const [id, point] of Object.entries(taiwan)) expect(positions[id]).toEqual(project(point));
    // the Hongkuan park's counterparts in Taichung, across the strait
    expect(crossStrait).toEqual(
      expect.arrayContaining([
        'park:taichung-industrial-park|COUNTERPART_OF|park:fuqing-hongkuan-taiwan-park',
        'park:fuqing-hongkuan-taiwan-park|COOPERATES_WITH|park:central-taiwan-science-park',
      ]),
    );
    expect(await page.locator('#view-caption').textContent()).toContain('示意地圖');
    expect(await page.locator('#map-note').textContent()).toContain('示意圖');
    await page.screenshot({ path: path.join(SHOTS, 'explorer-20-map-view.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('draws the cross-strait relations across the strait', async () => {
    const hongkuan = 'park:fuqing-hongkuan-taiwan-park';
    const page = await open(`/?view=empty&ops=a.${hongkuan},x.${hongkuan}&layout=map&lang=zh-Hant`);
    const { positions, crossStrait } = await onMap(page);
    expect(crossStrait.length).toBeGreaterThanOrEqual(3);
    expect(crossStrait).toContain(`park:taichung-industrial-park|COUNTERPART_OF|${hongkuan}`);
    const taichung = project([120.684, 24.147]);
    const at = positions['park:taichung-industrial-park']!;
    expect(Math.hypot(at.x - taichung.x, at.y - taichung.y)).toBeLessThan(100);
    expect(positions[hongkuan]!.x).toBeLessThan(at.x - 200);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-19-map-cross-strait.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
