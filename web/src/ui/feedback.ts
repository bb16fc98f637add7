// What the page says about itself over the canvas: a progress bar while an operation runs (and a label when
// it is slow), the hint on an empty canvas, the error banner with retry, and passing notices.
import type { ExplorerController } from '../explorer/controller.ts';
import { t } from '../i18n/index.ts';
import { h, render } from './dom.ts';
import { describeError } from './errors.ts';

/** An operation that takes longer than this gets a label besides the bar. */
const SLOW_MS = 250;
/** How long a notice stays. */
const NOTICE_MS = 2200;

export class LoadingIndicator {
  readonly bar = h('div', { class: 'loading', hidden: true, role: 'progressbar' });
  readonly label = h('div', { class: 'loading-label', hidden: true, id: 'loading' });
  private slow: ReturnType<typeof setTimeout> | undefined;

  constructor(controller: ExplorerController) {
    controller.on('busy', (busy) => {
      clearTimeout(this.slow);
      this.bar.hidden = !busy;
      this.bar.setAttribute('aria-label', t(controller.lang, 'loading'));
      if (!busy) this.label.hidden = true;
      else if (this.label.hidden)
        this.slow = setTimeout(() => {
          this.label.hidden = false;
          this.label.textContent = t(controller.lang, 'loading');
        }, SLOW_MS);
    });
  }
}

export class EmptyState {
  readonly element = h('div', { class: 'empty-state', hidden: true, id: 'empty-state' });

  constructor(private readonly controller: ExplorerController) {
    for (const event of ['change', 'busy', 'language'] as const) controller.on(event, () => this.render());
  }

  private render(): void {
    const { controller } = this;
    const empty = controller.canvas.cy.nodes().empty() && !controller.busy && !controller.restoring;
    this.element.hidden = !empty;
    if (!empty) return;
    render(
      this.element,
      h('p', {}, t(controller.lang, 'emptyHint')),
      h(
        'button',
        { class: 'primary', type: 'button', onclick: () => void controller.showOverview() },
        t(controller.lang, 'overview'),
      ),
    );
  }
}

export class ErrorBanner {
  readonly element = h('div', { class: 'banner', role: 'alert', hidden: true, id: 'error-banner' });

  constructor(private readonly controller: ExplorerController) {
    controller.on('error', (error, retry) => this.show(error, retry));
    controller.on('busy', (busy) => {
      if (busy) this.element.hidden = true;
    });
  }

  private show(error: unknown, retry?: () => void): void {
    const lang = this.controller.lang;
    const close = () => (this.element.hidden = true);
    render(
      this.element,
      h('span', { class: 'message' }, t(lang, 'errorPrefix'), describeError(error, lang)),
      retry ? h('button', { type: 'button', onclick: () => (close(), retry()) }, t(lang, 'retry')) : null,
      h('button', { type: 'button', onclick: close, 'aria-label': t(lang, 'dismiss') }, '×'),
    );
    this.element.hidden = false;
  }
}

/** Notices appear in `host` and go by themselves. */
export class Notices {
  constructor(controller: ExplorerController, host: HTMLElement) {
    controller.on('notice', (message) => {
      const notice = h('div', { class: 'toast', role: 'status' }, t(controller.lang, message));
      host.append(notice);
      setTimeout(() => notice.remove(), NOTICE_MS);
    });
  }
}
