// The toolbar over the canvas: what can be done to the selected node (expand, show more, pin, hide) and to
// the canvas (undo, fit, lay out again), each with its shortcut in the tooltip.
import type { ExplorerController } from '../explorer/controller.ts';
import { t } from '../i18n/index.ts';
import { h, render } from './dom.ts';

export class Toolbar {
  readonly element = h('div', { class: 'toolbar', role: 'toolbar' });

  constructor(private readonly controller: ExplorerController) {
    for (const event of ['select', 'change', 'language'] as const) controller.on(event, () => this.render());
    this.render();
  }

  private render(): void {
    const { controller } = this;
    const lang = controller.lang;
    const node = controller.selectedNode();
    const remaining = node ? controller.canvas.remaining(node) : 0;
    const pinned = node ? controller.canvas.pinnedIds.includes(node) : false;
    const button = (label: string, action: string, enabled: boolean, onclick: () => void, title = label) =>
      h('button', { type: 'button', 'data-action': action, disabled: !enabled, onclick, title }, label);
    render(
      this.element,
      button(
        t(lang, 'expand'),
        'expand',
        !!node,
        () => node && void controller.expand(node),
        `${t(lang, 'expand')} (E)`,
      ),
      button(
        remaining > 0 ? `${t(lang, 'showMore')} (${remaining})` : t(lang, 'showMore'),
        'more',
        !!node && remaining > 0,
        () => node && void controller.showMore(node),
      ),
      button(
        pinned ? t(lang, 'unpin') : t(lang, 'pin'),
        'pin',
        !!node,
        () => node && controller.togglePin(node),
        `${t(lang, 'pin')} (P)`,
      ),
      button(
        t(lang, 'hide'),
        'hide',
        !!node,
        () => node && controller.hide(node),
        `${t(lang, 'hide')} (Del)`,
      ),
      h('span', { class: 'sep' }),
      button(
        t(lang, 'undo'),
        'undo',
        controller.canUndo,
        () => controller.undo(),
        `${t(lang, 'undo')} (Ctrl+Z)`,
      ),
      button(t(lang, 'fit'), 'fit', true, () => controller.fit()),
      button(t(lang, 'relayout'), 'relayout', true, () => void controller.relayout()),
    );
  }
}
