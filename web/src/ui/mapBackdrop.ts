// The map behind the canvas while the map is the layout: the outlines of Fujian and Taiwan (map/drawing.ts)
// in an SVG under cytoscape's transparent canvas, moved with every pan and zoom, and the note that the map
// is schematic, with its sources. Hidden on every other layout.
import type { ExplorerController } from '../explorer/controller.ts';
import { t } from '../i18n/index.ts';
import { mapDrawing } from '../map/drawing.ts';
import { h } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

export class MapBackdrop {
  private readonly svg = document.createElementNS(SVG, 'svg');
  private readonly layer = document.createElementNS(SVG, 'g');
  readonly note = h('p', { class: 'map-note', id: 'map-note', hidden: true });
  private drawn = '';

  constructor(
    private readonly controller: ExplorerController,
    cyContainer: HTMLElement,
  ) {
    this.svg.setAttribute('class', 'map-backdrop');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.append(this.layer);
    this.svg.style.display = 'none';
    cyContainer.before(this.svg);
    cyContainer.after(this.note);
    for (const event of ['change', 'language'] as const) controller.on(event, () => this.render());
    controller.canvas.cy.on('viewport resize', () => this.follow());
    this.render();
  }

  private render(): void {
    const map = this.controller.canvas.map;
    const lang = this.controller.lang;
    this.svg.style.display = map ? '' : 'none';
    this.note.hidden = !map;
    if (!map) return;
    this.note.textContent = t(lang, 'mapSources');
    const drawing = mapDrawing({
      unplacedBox: map.unplacedBox,
      unplacedTitle: t(lang, 'mapUnplaced'),
      wholeProvinces: map.wholeProvinces,
      wholeTitle: t(lang, 'mapWholeProvince'),
      note: '',
    });
    if (drawing.svg !== this.drawn) {
      this.layer.innerHTML = drawing.svg;
      this.drawn = drawing.svg;
    }
    this.follow();
  }

  /** The canvas's pan and zoom, applied to the map. */
  private follow(): void {
    if (this.svg.style.display === 'none') return;
    const cy = this.controller.canvas.cy;
    const { x, y } = cy.pan();
    this.layer.setAttribute('transform', `translate(${x} ${y}) scale(${cy.zoom()})`);
  }
}
