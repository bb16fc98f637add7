// What the page says about itself over the canvas: a progress bar while an operation runs (and a label when
// it is slow), the hint on an empty canvas, the error banner with retry, and passing notices.
import type { ExplorerController } from '../explorer/controller.ts';
import type { OperationLabel } from '../explorer/events.ts';
import { t } from '../i18n/index.ts';
import { h, render } from './dom.ts';
import { describeError, lessMayHelp } from './errors.ts';

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
    // A graph without the plan's layout (五区十园) opens empty: the whole graph is the way in.
    const noOverview = controller.baseView.kind === 'overview' && controller.overview?.zones.length === 0;
    render(
      this.element,
      h('p', {}, t(controller.lang, noOverview ? 'emptyHintNoOverview' : 'emptyHint')),
      h(
        'button',
        {
          class: 'primary',
          type: 'button',
          onclick: () => void (noOverview ? controller.showWholeGraph() : controller.showOverview()),
        },
        t(controller.lang, noOverview ? 'whole' : 'overview'),
      ),
    );
  }
}

export class ErrorBanner {
  readonly element = h('div', { class: 'banner', role: 'alert', hidden: true, id: 'error-banner' });

  constructor(private readonly controller: ExplorerController) {
    controller.on('error', (error, retry, label) => this.show(error, retry, label));
    controller.on('busy', (busy) => {
      if (busy) this.element.hidden = true;
    });
  }

  /** What failed (the operation, when it is known), why, and what to try instead when less may help. */
  private show(error: unknown, retry?: () => void, label?: OperationLabel): void {
    const lang = this.controller.lang;
    const close = () => (this.element.hidden = true);
    const detail = describeError(error, lang);
    const operation = label?.(lang);
    render(
      this.element,
      h(
        'span',
        { class: 'message' },
        operation
          ? t(lang, 'operationFailed', { what: operation.what, detail })
          : `${t(lang, 'errorPrefix')}${detail}`,
        operation?.advice && lessMayHelp(error)
          ? h('span', { class: 'advice' }, ` ${operation.advice}`)
          : null,
      ),
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
