// Exports of the canvas, headless: SVG with real text and the status line styles, JSON with every
// entity and fact shown (and nothing the filters hide).
import { afterEach, describe, expect, it } from 'vitest';
import { CanvasController } from '../../web/src/canvas/controller.ts';
import { escapeXml, exportJson, exportSvg } from '../../web/src/canvas/exportView.ts';
import { NO_FILTERS, toggleFilter } from '../../web/src/canvas/filters.ts';
import { loadTraditional } from '../../web/src/i18n/index.ts';
import { pxChain, pxChainGaps } from './web-fixtures.ts';

let controller: CanvasController;
afterEach(() => controller?.destroy());

describe('exportSvg', () => {
  it('draws every node with its label as text, planned and sought edges dashed and dotted', async () => {
    controller = new CanvasController();
    await controller.showChain(pxChain, 'product:px', pxChainGaps);
    const svg = exportSvg(controller.cy, { title: 'PX <chain>' });
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<title>PX &lt;chain&gt;</title>');
    expect(svg).toContain('对二甲苯');
    expect(svg).toContain('腾龙芳烃');
    expect(svg.match(/data-type="/g)).toHaveLength(pxChain.nodes.length);
    expect(svg).toContain('stroke-dasharray="6 4"'); // planned
    expect(svg).toContain('stroke-dasharray="0.5 4"'); // sought
    expect(svg).toMatch(/stroke="#c1121f"[^>]*stroke-dasharray/); // a chain gap ring
    const size = svg.match(/width="(\d+)" height="(\d+)"/);
    expect(Number(size?.[1])).toBeGreaterThan(100);
  });

  it('leaves out what the filters hide', async () => {
    controller = new CanvasController();
    await controller.show(pxChain, { kind: 'explore' });
    controller.setFilters(toggleFilter(NO_FILTERS, 'hiddenTypes', 'Enterprise'));
    const svg = exportSvg(controller.cy);
    expect(svg).not.toContain('腾龙芳烃');
    expect(svg.match(/data-type="/g)).toHaveLength(pxChain.nodes.length - 3);
    const json = exportJson(controller.cy, {
      url: 'http://x/?view=empty',
      lang: 'zh-Hans',
      kind: 'explore',
    }) as {
      nodes: { id: string; attributes: Record<string, string> }[];
      edges: { id: string; status: string }[];
    };
    expect(json.nodes.map((n) => n.id)).not.toContain('enterprise:tenglong-aromatics');
    expect(json.nodes.find((n) => n.id === 'park:gulei-taiwan-petrochemical-park')?.attributes).toEqual({
      kind: 'specialised-park',
    });
    expect(json.edges.find((e) => e.id === 'product:px|INPUT_TO|product:pta')?.status).toBe('planned');
    expect(json.edges.every((e) => !e.id.startsWith('enterprise:'))).toBe(true);
  });

  it('labels entities and relations in the reading language, 繁體 included', async () => {
    await loadTraditional();
    controller = new CanvasController({ lang: 'zh-Hant' });
    await controller.showChain(pxChain, 'product:px', pxChainGaps);
    const json = exportJson(controller.cy, { url: 'http://x/', lang: 'zh-Hant', kind: 'chain' }) as {
      nodes: { id: string; name: string; label: string }[];
      edges: { id: string; label: string }[];
    };
    const px = json.nodes.find((n) => n.id === 'product:px');
    expect(px).toMatchObject({ name: '对二甲苯（PX）', label: '對二甲苯（PX）' });
    expect(json.edges.find((e) => e.id === 'product:px|INPUT_TO|product:pta')?.label).toBe('供給');
    const svg = exportSvg(controller.cy);
    expect(svg).toContain('對二甲苯');
  });

  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});
