// The header: the title, the search, the views (五区十园, the whole graph, the map, the chain and path tools),
// the language switch (简体 / 繁體 / EN), export, "copy link", and on narrow windows the buttons that open
// the two drawers.
import type { ExplorerController } from '../explorer/controller.ts';
import { LANGUAGE_NAMES, LANGUAGES, t, type MessageKey } from '../i18n/index.ts';
import { h, render } from './dom.ts';
import { ExportMenu } from './exportMenu.ts';
import { EntityPicker } from './search.ts';

export interface Drawers {
  /** opens or closes the legend */
  legend(): void;
  /** opens or closes the side panel */
  side(): void;
}

export class Header {
  readonly element = h('header', { class: 'header' });
  private readonly search: EntityPicker;
  private readonly exportMenu: ExportMenu;

  constructor(
    private readonly controller: ExplorerController,
    private readonly drawers: Drawers,
  ) {
    this.search = new EntityPicker({
      id: 'search',
      label: (lang) => t(lang, 'searchLabel'),
      placeholder: (lang) => t(lang, 'searchPlaceholder'),
      search: (query, signal) => controller.search(query, signal),
      onPick: (entity) => void controller.open(entity.id, { expand: true }),
      onError: (error) => controller.report(error),
    });
    this.exportMenu = new ExportMenu(controller);
    controller.on('language', () => this.render());
    controller.on('change', () => this.pressed());
    controller.on('panel', () => this.pressed());
    this.render();
  }

  focusSearch(): void {
    this.search.focus();
  }

  private render(): void {
    const { controller } = this;
    const lang = controller.lang;
    this.search.setLanguage(lang);
    const button = (key: MessageKey, attrs: Record<string, string>, onclick: () => void) =>
      h('button', { type: 'button', ...attrs, onclick }, t(lang, key));
    const view = (key: MessageKey, id: string, onclick: () => void) =>
      button(key, { id, 'aria-pressed': 'false' }, onclick);
    render(
      this.element,
      button('legend', { class: 'header-button panel-toggle', 'aria-controls': 'legend' }, () =>
        this.drawers.legend(),
      ),
      h('div', { class: 'brand' }, h('strong', {}, t(lang, 'title')), h('small', {}, t(lang, 'subtitle'))),
      this.search.element,
      h(
        'div',
        { class: 'views' },
        view('overview', 'view-overview', () => void controller.showOverview()),
        view('whole', 'view-whole', () => void controller.showWholeGraph()),
        view('map', 'view-map', () => void controller.showMap()),
        view('chain', 'view-chain', () => controller.openTool('chain')),
        view('paths', 'view-paths', () => controller.openTool('paths')),
      ),
      h(
        'div',
        { class: 'header-actions' },
        h(
          'div',
          { class: 'language-switch', role: 'group', 'aria-label': t(lang, 'language'), id: 'lang-switch' },
          LANGUAGES.map((option) =>
            h(
              'button',
              {
                type: 'button',
                class: 'header-button',
                lang: option,
                'data-lang': option,
                'aria-pressed': String(option === lang),
                onclick: () => void controller.setLanguage(option),
              },
              LANGUAGE_NAMES[option],
            ),
          ),
        ),
        this.exportMenu.element,
        button('share', { class: 'header-button', id: 'share' }, () => void this.share()),
        button('details', { class: 'header-button panel-toggle', 'aria-controls': 'side' }, () =>
          this.drawers.side(),
        ),
      ),
    );
    this.pressed();
  }

  /** Which view and which tool are on. */
  private pressed(): void {
    const kind = this.controller.baseView.kind;
    const panel = this.controller.panel;
    const on: Record<string, boolean> = {
      'view-overview': kind === 'overview',
      'view-whole': kind === 'whole',
      'view-map': kind === 'map',
      'view-chain': panel === 'chain',
      'view-paths': panel === 'paths',
    };
    for (const [id, pressed] of Object.entries(on))
      this.element.querySelector(`#${id}`)?.setAttribute('aria-pressed', String(pressed));
  }

  /** Copies the URL, which always holds the view. */
  private async share(): Promise<void> {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.controller.notify('shareDone');
    } catch {
      window.prompt(t(this.controller.lang, 'share'), url);
    }
  }
}
