// The export menu: the canvas as PNG (cytoscape's), SVG (drawn from the graph, labels as text) or JSON
// (every entity and fact shown), downloaded under a name that says which view and when. On the map, the SVG
// has the map under the graph, with the note that it is schematic and where it comes from.
import { exportJson, exportSvg } from '../canvas/exportView.ts';
import type { ExplorerController } from '../explorer/controller.ts';
import { t } from '../i18n/index.ts';
import { mapDrawing } from '../map/drawing.ts';
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
    if (format === 'png') {
      const png = (await cy.png({
        output: 'blob-promise',
        bg: '#ffffff',
        full: true,
        scale: 2,
        maxWidth: 8000,
        maxHeight: 8000,
      })) as Blob;
      download(png, `${name}.png`);
    } else if (format === 'svg') {
      const map = this.controller.canvas.map;
      const lang = this.controller.lang;
      const underlay = map
        ? mapDrawing({
            unplacedBox: map.unplacedBox,
            unplacedTitle: t(lang, 'mapUnplaced'),
            note: t(lang, 'mapSources'),
          })
        : undefined;
      const svg = exportSvg(cy, { title: document.title, ...(underlay ? { underlay } : {}) });
      download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
    } else {
      const json = exportJson(cy, { url: location.href, lang: this.controller.lang, kind });
      download(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), `${name}.json`);
    }
  }
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
