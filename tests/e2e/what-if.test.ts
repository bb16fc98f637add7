// What if in the explorer, end to end (issue 16): in Chromium over the plan graph, the analyst picks the
// entities that fail (腾龙芳烃 and the 古雷 park), asks "what if these fail", and reads the consequences
// (PX uncovered, PTA without its only source), each highlighting its paths on the canvas; the partnership
// network sized by who bridges the two sides, with its bridges listed; partners beside each chain gap; and
// the view survives a shared URL. Screenshots go to test-results/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvas, pick, settled, SHOTS, useExplorerInChromium } from '../support/explorer.ts';

const explorer = useExplorerInChromium();
const open = (url?: string) => explorer.open(url);

/** The what-if marks on the canvas. */
function marks(page: Page) {
  return page.evaluate(() => {
    const cy = (window as unknown as { cskg: { graph: { cy: import('cytoscape').Core } } }).cskg.graph.cy;
    return {
      failing: cy.nodes('.failing').map((n) => n.id()),
      impacted: cy.nodes('.impacted').map((n) => n.id()),
      bridges: cy.nodes('.bridge').map((n) => n.id()),
      size: Object.fromEntries(cy.nodes().map((n) => [n.id(), Number(n.data('size'))])),
      pathNodes: cy.nodes('.path').map((n) => n.id()),
    };
  });
}

describe('what if, in Chromium', () => {
  it('lets 腾龙芳烃 and the 古雷 park fail and shows PX uncovered and PTA without its source, each with its paths', async () => {
    const page = await open('/?view=empty');
    await page.locator('#tab-whatif').click();
    await pick(page, '加入失效实体', '腾龙芳烃', '腾龙芳烃（漳州）有限公司');
    await pick(page, '加入失效实体', '古雷', '古雷台湾石化工业园');
    expect(await page.locator('.failing-list li').count()).toBe(2);
    await page.locator('[data-action="what-if"]').click();
    await settled(page);
    const view = await canvas(page);
    const marked = await marks(page);
    expect(marked.failing.sort()).toEqual([
      'enterprise:tenglong-aromatics',
      'park:gulei-taiwan-petrochemical-park',
    ]);
    expect(marked.impacted).toEqual(expect.arrayContaining(['product:px', 'product:pta']));
    expect(view.edges).toEqual(expect.arrayContaining(['product:px|INPUT_TO|product:pta']));
    // the consequences, PX among the uncovered links, PTA among what loses its source
    const px = page.locator('.consequence-item[data-consequence="product:px"]');
    expect(await px.getAttribute('data-kind')).toBe('LINK_UNCOVERED');
    const pta = page.locator('.consequence-item[data-consequence="product:pta"]');
    expect(await pta.getAttribute('data-kind')).toBe('SOURCE_LOST');
    // choosing one highlights its paths, from the failing entities to it
    await pta.locator('button').first().click();
    const highlighted = await marks(page);
    expect(highlighted.pathNodes).toEqual(expect.arrayContaining(['product:px', 'product:pta']));
    expect(
      highlighted.pathNodes.some((id) => marked.failing.includes(id)),
      'a path starts at a failing entity',
    ).toBe(true);
    expect((await canvas(page)).pathEdges).toContain('product:px|INPUT_TO|product:pta');
    // with the plan's words
    await pta.locator('details summary').click();
    expect(await pta.locator('.passage').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('view=impact');
    expect(page.url()).toContain('fail=');
    await page.screenshot({ path: path.join(SHOTS, 'what-if-1-px.png') });
    expect(page.errors).toEqual([]);

    // the shared link opens the same consequences
    const shared = await open(new URL(page.url()).search);
    expect((await marks(shared)).failing.sort()).toEqual(marked.failing.sort());
    expect(await shared.locator('.consequence-item').count()).toBe(
      await page.locator('.consequence-item').count(),
    );
    expect(shared.errors).toEqual([]);
    await shared.close();
    await page.close();
  });

  it('sizes the partnership network by who bridges it, lists the bridges, and lists partners beside each gap', async () => {
    const page = await open('/?view=empty');
    await page.locator('#tab-whatif').click();
    await page.locator('[data-action="show-roles"]').click();
    await settled(page);
    const marked = await marks(page);
    expect(marked.bridges).toEqual(expect.arrayContaining(['region:taiwan', 'region:fujian']));
    const others = Object.entries(marked.size).filter(([id]) => id !== 'region:taiwan');
    for (const [id, size] of others) expect(marked.size['region:taiwan'], id).toBeGreaterThanOrEqual(size);
    const bridges = page.locator('.bridge-list li');
    expect(await bridges.first().getAttribute('data-bridge')).toBe('region:taiwan');
    await page.screenshot({ path: path.join(SHOTS, 'what-if-2-roles.png') });
    expect(page.errors).toEqual([]);
    await page.close();

    const chain = await open('/?view=chain&product=product:complete-vehicle');
    const gap = chain.locator('.gap-item[data-gap="product:complete-vehicle"]');
    const partners = await gap
      .locator('.partner-list li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-partner')));
    expect(partners.slice(0, 3).sort()).toEqual([
      'association:automotive-electronics-alliance',
      'association:teema',
      'association:ttvma',
    ]);
    await gap.scrollIntoViewIfNeeded();
    await chain.screenshot({ path: path.join(SHOTS, 'what-if-3-partners.png') });
    expect(chain.errors).toEqual([]);
    await chain.close();
  });
});
