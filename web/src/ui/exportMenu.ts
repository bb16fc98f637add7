// The export menu: the canvas as PNG (cytoscape's), SVG (drawn from the graph, labels as text) or JSON
// (every entity and fact shown), downloaded under a name that says which view and when. On the map, the SVG
// and the PNG have the map under the graph, with the note that it is schematic and where it comes from.
import { exportJson, exportSvg } from '../canvas/exportView.ts';
import type { ExplorerController } from '../explorer/controller.ts';
import { t } from '../i18n/index.ts';
import { mapDrawing, type MapDrawing } from '../map/drawing.ts';
import { h } from './dom.ts';

type Format = 'png' | 'svg' | 'json';

export class ExportMenu {
  readonly element = h('div', { class: 'menu' });
  private readonly button = h('button', {
    class: 'header-button',
    type: 'button',
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    id: 'export-button',
  });
  private readonly list = h('div', { class: 'menu-list', hidden: true, role: 'menu' });

  constructor(private readonly controller: ExplorerController) {
    this.button.addEventListener('click', () => {
      this.list.hidden = !this.list.hidden;
      this.button.setAttribute('aria-expanded', String(!this.list.hidden));
      if (!this.list.hidden) this.list.querySelector('button')?.focus();
    });
    this.list.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.close();
        this.button.focus();
      }
    });
    for (const [format, label] of [
      ['png', 'PNG'],
      ['svg', 'SVG'],
      ['json', 'JSON'],
    ] as const) {
      const onclick = () => (this.close(), void this.export(format));
      this.list.append(
        h('button', { type: 'button', role: 'menuitem', 'data-export': format, onclick }, label),
      );
    }
    this.element.append(this.button, this.list);
    controller.on('language', () => this.label());
    this.label();
  }

  private label(): void {
    this.button.textContent = `${t(this.controller.lang, 'export')} ▾`;
  }

  private close(): void {
    this.list.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  private async export(format: Format): Promise<void> {
    const kind = this.controller.baseView.kind;
    const name = `cskg-${kind}-${new Date().toISOString().slice(0, 10)}`;
    const cy = this.controller.canvas.cy;
    const map = this.controller.canvas.map;
    const lang = this.controller.lang;
    const underlay = map
      ? mapDrawing({
          unplacedBox: map.unplacedBox,
          unplacedTitle: t(lang, 'mapUnplaced'),
          wholeProvinces: map.wholeProvinces,
          wholeTitle: t(lang, 'mapWholeProvince'),
          note: t(lang, 'mapSources'),
        })
      : undefined;
    if (format === 'png') {
      const png = (await cy.png({
        output: 'blob-promise',
        bg: underlay ? 'rgba(0,0,0,0)' : '#ffffff',
        full: true,
        scale: 2,
        maxWidth: 8000,
        maxHeight: 8000,
      })) as Blob;
      download(
        underlay ? await onMap(png, cy.elements(':visible').boundingBox({}), underlay) : png,
        `${name}.png`,
      );
    } else if (format === 'svg') {
      const svg = exportSvg(cy, { title: document.title, ...(underlay ? { underlay } : {}) });
      download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
    } else {
      const json = exportJson(cy, { url: location.href, lang: this.controller.lang, kind });
      download(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), `${name}.json`);
    }
  }
}

/** The graph's PNG laid over the map drawn at the same scale, on white. */
async function onMap(
  graph: Blob,
  graphBox: { x1: number; y1: number; w: number; h: number },
  map: MapDrawing,
): Promise<Blob> {
  const image = async (blob: Blob) => {
    const url = URL.createObjectURL(blob);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      return img;
    } finally {
      URL.revokeObjectURL(url);
    }
  };
  const front = await image(graph);
  const x1 = Math.min(graphBox.x1, map.box.x1);
  const y1 = Math.min(graphBox.y1, map.box.y1);
  const x2 = Math.max(graphBox.x1 + graphBox.w, map.box.x2);
  const y2 = Math.max(graphBox.y1 + graphBox.h, map.box.y2);
  const scale = Math.min(front.width / Math.max(graphBox.w, 1), 8000 / (x2 - x1), 8000 / (y2 - y1));
  const canvas = h('canvas', {
    width: String(Math.ceil((x2 - x1) * scale)),
    height: String(Math.ceil((y2 - y1) * scale)),
  });
  const context = canvas.getContext('2d');
  if (!context) return graph;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x1} ${y1} ${x2 - x1} ${y2 - y1}" width="${canvas.width}" height="${canvas.height}" font-family="sans-serif">${map.svg}</svg>`;
  context.drawImage(await image(new Blob([svg], { type: 'image/svg+xml' })), 0, 0);
  context.drawImage(
    front,
    (graphBox.x1 - x1) * scale,
    (graphBox.y1 - y1) * scale,
    graphBox.w * scale,
    graphBox.h * scale,
  );
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? graph), 'image/png'));
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
