// The explorer page, composed: the controller (explorer/controller.ts) and the parts that show it — header,
// legend, toolbar, time control and caption, canvas, status line, the page's states, and the side panel with
// the details, chain, path and what-if tabs. Each part receives the controller, calls its operations and follows its events; no
// part calls another. The page also keeps the URL on the view, so it can be shared and reopened.
import type { ExplorerApi } from '../api/explorerApi.ts';
import type { CanvasController } from '../canvas/controller.ts';
import { layoutInWorker } from '../canvas/layoutClient.ts';
import { ExplorerController } from '../explorer/controller.ts';
import { decodeViewState, encodeViewState } from '../explorer/viewState.ts';
import { t, type Lang } from '../i18n/index.ts';
import { Caption } from './caption.ts';
import { ChainPanel } from './chainPanel.ts';
import { DetailsPanel } from './detailsPanel.ts';
import { h } from './dom.ts';
import { EmptyState, ErrorBanner, LoadingIndicator, Notices } from './feedback.ts';
import { Header } from './header.ts';
import { bindKeys } from './keys.ts';
import { Legend } from './legend.ts';
import { MapBackdrop } from './mapBackdrop.ts';
import { PathPanel } from './pathPanel.ts';
import { SidePanel } from './sidePanel.ts';
import { StatusLine } from './statusLine.ts';
import { TimeControl } from './timeControl.ts';
import { Toolbar } from './toolbar.ts';
import { WhatIfPanel } from './whatIfPanel.ts';

export class ExplorerApp {
  readonly controller: ExplorerController;

  constructor(root: HTMLElement, api: ExplorerApi, options: { webgl?: boolean } = {}) {
    const initial = decodeViewState(location.search);
    // cytoscape measures its container when it starts: the canvas takes its place on the page first.
    const cyContainer = h('div', { class: 'cy', id: 'cy' });
    const canvasArea = h('main', { class: 'canvas-area' }, cyContainer);
    root.replaceChildren(canvasArea);
    const controller = new ExplorerController(api, {
      container: cyContainer,
      lang: initial.lang,
      animate: true,
      refineLayout: layoutInWorker,
      ...(options.webgl ? { webgl: true } : {}),
    });
    this.controller = controller;

    const legend = new Legend(controller);
    const side = new SidePanel(controller, {
      details: new DetailsPanel(controller).element,
      chain: new ChainPanel(controller).element,
      paths: new PathPanel(controller).element,
      whatif: new WhatIfPanel(controller).element,
    });
    const header = new Header(controller, { legend: () => legend.toggle(), side: () => side.toggle() });
    const loading = new LoadingIndicator(controller);
    canvasArea.prepend(
      h(
        'div',
        { class: 'canvas-top' },
        new Toolbar(controller).element,
        new TimeControl(controller).element,
        new Caption(controller).element,
      ),
    );
    canvasArea.append(
      new StatusLine(controller).element,
      new EmptyState(controller).element,
      loading.bar,
      loading.label,
      new ErrorBanner(controller).element,
    );
    new Notices(controller, canvasArea);
    new MapBackdrop(controller, cyContainer);
    root.prepend(header.element, legend.element);
    root.append(side.element);

    bindKeys(controller, () => header.focusSearch());
    this.keepUrlOnView();
    const language = (lang: Lang) => {
      document.documentElement.lang = lang;
      cyContainer.setAttribute('aria-label', t(lang, 'canvas'));
    };
    language(controller.lang);
    controller.on('language', language);
    root.setAttribute('aria-busy', 'true');
    void controller.start(initial).finally(() => root.setAttribute('aria-busy', 'false'));
  }

  /** For tests and the console: the canvas behind the page. */
  get graph(): CanvasController {
    return this.controller.canvas;
  }

  /** Every change of the view replaces the URL (no new history entry): it always holds the view. */
  private keepUrlOnView(): void {
    const sync = () => {
      if (this.controller.restoring) return;
      const url = `${location.pathname}?${encodeViewState(this.controller.viewState())}`;
      if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    };
    this.controller.on('change', sync);
    this.controller.on('select', sync);
  }
}
