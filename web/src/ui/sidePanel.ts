// The side panel: tabs for the details, the chain tool and the path tool, showing the tab the controller
// asks for. On narrow windows it is a drawer, opened when something is selected or a tool is opened.
import type { ExplorerController } from '../explorer/controller.ts';
import type { Panel } from '../explorer/events.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { h, render } from './dom.ts';

/** Below this width the side panel is a drawer (styles.css). */
const DRAWER_QUERY = '(max-width: 900px)';
const TABS: readonly (readonly [Panel, MessageKey])[] = [
  ['details', 'details'],
  ['chain', 'chain'],
  ['paths', 'paths'],
  ['whatif', 'whatif'],
];

export class SidePanel {
  readonly element = h('aside', { class: 'panel right', id: 'side' });
  private readonly tabs = h('div', { class: 'tabs', role: 'tablist' });
  private readonly body = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'tab-panel' });

  constructor(
    private readonly controller: ExplorerController,
    private readonly panels: Readonly<Record<Panel, HTMLElement>>,
  ) {
    this.element.append(this.tabs, this.body);
    controller.on('panel', (_panel, reveal) => {
      this.render();
      if (reveal && window.matchMedia(DRAWER_QUERY).matches) this.element.classList.add('open');
    });
    controller.on('language', () => this.render());
    this.render();
  }

  /** Opens or closes the drawer. */
  toggle(): void {
    this.element.classList.toggle('open');
  }

  private render(): void {
    const lang = this.controller.lang;
    const current = this.controller.panel;
    render(
      this.tabs,
      TABS.map(([panel, key]) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${panel}`,
            'aria-selected': String(panel === current),
            'aria-controls': 'tab-panel',
            onclick: () => this.controller.showPanel(panel),
          },
          t(lang, key),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'sheet-close',
          'aria-label': t(lang, 'close'),
          onclick: () => this.element.classList.remove('open'),
        },
        '×',
      ),
    );
    const shown = this.panels[current];
    if (this.body.firstChild !== shown) this.body.replaceChildren(shown);
    this.body.setAttribute('aria-labelledby', `tab-${current}`);
  }
}
