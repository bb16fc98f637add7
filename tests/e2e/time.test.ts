// What became of the plan, in the explorer (issue 15, point 5), end to end: the built page served by the
// real HTTP server over the plan graph with data/later in Neo4j, in Chromium (tests/support/chromium.ts).
// The 古雷 PX plant's timeline in the details, each later step with its page as a link that opens it; the
// time control moved to 2014 redraws the view as known then (the ethylene project pending instead of
// realised, 华映's provincial owner not yet there) and keeps the year in the URL; the scorecard of the 古雷
// park in 2014 and today; a chain's gaps as of 2014 with the server's notice of a walk cut at its limit.
// Screenshots in test-results/time-*.png (Chinese must render).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerCut, settled, SHOTS, useExplorerInChromium } from '../support/explorer.ts';
import { CHAIN_AS_OF_VISITS, chainVisitLimit } from '../../src/read/truncation.ts';

const PARK = 'park:gulei-taiwan-petrochemical-park';
const PX = 'project:tenglong-px';
const ETHYLENE = 'project:gulei-ethylene';
const OWNER_OF_CPT = 'enterprise:fujian-electronics-group|OWNS|enterprise:cpt';

const explorer = useExplorerInChromium();

beforeAll(async () => {
  // The pages data/later cites are outside this machine's reach: a link opened from the page gets a stand-in.
  await explorer.context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>page read later</title>' }),
  );
});

/** What the canvas holds: its edges, and the outcome each node is coloured by. */
function canvas(page: Page) {
  return page.evaluate(() => {
    const cy = (window as unknown as { cskg: { graph: { cy: import('cytoscape').Core } } }).cskg.graph.cy;
    return {
      edges: cy.edges().map((e) => e.id()),
      outcomes: Object.fromEntries(cy.nodes().map((n) => [n.id(), String(n.data('outcome') ?? '')])),
    };
  });
}

/** Moves the time control to a year as a user lets go of it (its last step is today). */
async function moveTimeTo(page: Page, year: number | 'today'): Promise<void> {
  const slider = page.getByRole('slider', { name: '年份' });
  const value = year === 'today' ? await slider.getAttribute('max') : String(year);
  await slider.evaluate((input: HTMLInputElement, to: string) => {
    input.value = to;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value as string);
  await page.waitForTimeout(200);
  await settled(page);
}

describe('what became of the plan, in the explorer', () => {
  it('shows the PX plant’s timeline with its pages, redraws as of 2014, and scores the 古雷 park', async () => {
    const page = await explorer.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(
      `${explorer.server.url}/?view=empty&ops=a.${PARK},a.${ETHYLENE},a.${PX},a.enterprise:cpt,x.enterprise:cpt&sel=${PX}`,
    );
    await settled(page);

    // The timeline: the plan's step, then the later pages' steps in time order, each page a link.
    const timeline = page.locator('#details section.later');
    await timeline.locator('ol.timeline > li').first().waitFor();
    await expect.poll(() => timeline.getAttribute('aria-busy')).toBeNull();
    const steps = timeline.locator('ol.timeline > li[data-basis="later"]');
    const dates = await steps.locator('time').allTextContents();
    expect(dates.length).toBeGreaterThanOrEqual(3);
    // in time order, with the 2013 and 2015 fires and the 2017 reorganisation among them
    const years = dates.map((d) => d.slice(0, 4));
    expect(years).toEqual([...years].sort());
    expect(years).toEqual(expect.arrayContaining(['2013', '2015', '2017']));
    const links = steps.locator('a.source');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    for (const link of await links.all()) {
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    expect(await timeline.locator('ol.timeline > li[data-basis="plan"]').count()).toBe(1);
    const href = (await links.first().getAttribute('href')) as string;
    const [opened] = await Promise.all([page.waitForEvent('popup'), links.first().click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(href);
    await opened.close();
    await page.screenshot({ path: path.join(SHOTS, 'time-px-timeline.png') });

    // Today: the ethylene project began operating (realised), the provincial group owns 华映.
    const today = await canvas(page);
    expect(today.outcomes[ETHYLENE]).toBe('realised');
    expect(today.edges).toContain(OWNER_OF_CPT);

    // As of 2014: pending, no owner yet; the year in the URL; the PX plant's timeline stops at 2014.
    await moveTimeTo(page, 2014);
    const in2014 = await canvas(page);
    expect(in2014.outcomes[ETHYLENE]).toBe('pending');
    expect(in2014.outcomes[PX]).toBe('realised');
    expect(in2014.edges).not.toContain(OWNER_OF_CPT);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2014');
    expect(await page.locator('.time-label').textContent()).toContain('2014');
    await page.locator('#details section.later ol.timeline > li').first().waitFor();
    await expect.poll(() => page.locator('#details section.later').getAttribute('aria-busy')).toBeNull();
    const dates2014 = await page
      .locator('#details section.later ol.timeline > li[data-basis="later"] time')
      .allTextContents();
    expect(dates2014.length).toBeGreaterThan(0);
    for (const date of dates2014) expect(date.slice(0, 4) <= '2014').toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'time-2014.png') });

    // The scorecard of the 古雷 park in 2014: one realised (the PX plant), five pending, two unknown.
    const scorecard = async () => {
      await page.evaluate(
        (id) =>
          (window as unknown as { cskg: { controller: { focus(id: string): void } } }).cskg.controller.focus(
            id,
          ),
        PARK,
      );
      await page.locator('#details button[data-action="scorecard"]').click();
      const section = page.locator('#details section.scorecard-section');
      await section.locator('ol.scorecard > li').first().waitFor();
      const counts = Object.fromEntries(
        await section
          .locator('ul.outcome-counts > li')
          .evaluateAll((items) =>
            items.map((li) => [li.getAttribute('data-outcome'), Number(li.textContent?.match(/\d+$/)?.[0])]),
          ),
      );
      return { counts, members: await section.locator('ol.scorecard > li').count() };
    };
    expect(await scorecard()).toEqual({ counts: { realised: 1, pending: 5, unknown: 2 }, members: 8 });
    await page.screenshot({ path: path.join(SHOTS, 'time-scorecard-2014.png') });

    // Back to today: five realised, one transformed (腾龙芳烃, reorganised), two pending.
    await moveTimeTo(page, 'today');
    expect(new URL(page.url()).searchParams.get('year')).toBeNull();
    expect(await scorecard()).toEqual({ counts: { realised: 5, transformed: 1, pending: 2 }, members: 8 });
    await page.screenshot({ path: path.join(SHOTS, 'time-scorecard-today.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('says above a chain’s gaps as of a year when the server stopped its walk at a limit', async () => {
    // The plan's chains are far shorter than the walk's budget of links, so the server's real answer as of
    // 2014 gets the notice the server writes when the walk stops there (src/read/truncation.ts).
    const notice = chainVisitLimit(CHAIN_AS_OF_VISITS).message.zh;
    const page = await explorer.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const asked = await answerCut(page, 'ChainGaps', {
      path: 'chainGaps',
      reason: 'VISIT_LIMIT',
      limit: CHAIN_AS_OF_VISITS,
      message: notice,
    });
    await page.goto(`${explorer.server.url}/?view=chain&product=product:px&year=2014`);
    await settled(page);
    const cut = page.locator('.gaps-cut');
    await cut.waitFor();
    expect(await cut.textContent()).toBe(notice);
    expect(asked.length).toBeGreaterThan(0);
    for (const variables of asked) expect(String(variables.asOf)).toMatch(/^2014-/);
    // the gaps found before the stop are still listed
    expect(await page.locator('.gap-item').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'time-chain-gaps-cut.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
