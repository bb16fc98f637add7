// The time control over the canvas: a slider from 2011, the year the plan was published, to today, that
// sees the view as of the end of a year (the controller draws it again from its record, each walk asking
// for the facts known by then and what became of each entity by then). The last step is today: everything
// known. The year is kept in the URL (viewState.ts).
import type { ExplorerController } from '../explorer/controller.ts';
import { FIRST_YEAR } from '../explorer/viewState.ts';
import { t } from '../i18n/index.ts';
import { h, render } from './dom.ts';

export class TimeControl {
  readonly element = h('div', { class: 'time-control' });
  /** the slider's last step, which stands for today */
  private readonly today = new Date().getFullYear();

  constructor(private readonly controller: ExplorerController) {
    for (const event of ['year', 'language', 'busy'] as const) controller.on(event, () => this.render());
    this.render();
  }

  private render(): void {
    const { controller, today } = this;
    const lang = controller.lang;
    const year = controller.year;
    const shown = year === null ? t(lang, 'timeToday') : t(lang, 'timeYear', { year });
    const slider = h('input', {
      type: 'range',
      min: FIRST_YEAR,
      max: today,
      step: 1,
      value: year ?? today,
      'aria-label': t(lang, 'time'),
      'aria-valuetext': shown,
      title: t(lang, 'timeHint'),
      disabled: controller.busy,
    });
    // Asked when the slider is let go (or a key moves it), not at every pixel of a drag.
    slider.addEventListener('change', () => {
      const picked = Number(slider.value);
      void controller.setYear(picked >= today ? null : picked);
    });
    render(
      this.element,
      h('label', {}, slider, h('span', { class: 'time-label' }, t(lang, 'timeLabel', { year: shown }))),
    );
  }
}
