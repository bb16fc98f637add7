// The details tab: what is selected, read from the API (details.ts draws it), with the policies that reach
// an entity, what became of it (its timeline) and, for a park, zone or sector, a scorecard of what became of
// the plan there (timeline.ts draws both), added when they arrive, as known in the view's year; with nothing selected, how to read the view (五区十园 in words, or a
// hint). A selection that changes while its details load wins: the late answer is dropped.
import type { Selection } from '../canvas/controller.ts';
import type { ExplorerController } from '../explorer/controller.ts';
import { DEFAULT_CHAIN_DEPTH } from '../explorer/viewState.ts';
import { t } from '../i18n/index.ts';
import type { EntityRecord } from '../model.ts';
import { renderEdgeDetails, renderEntityDetails, renderPolicyReach, type DetailsActions } from './details.ts';
import { h, render } from './dom.ts';
import { describeError } from './errors.ts';
import { renderOverviewSummary } from './overviewPanel.ts';
import { renderScorecard, renderTimeline } from './timeline.ts';

/** Entities whose details list the policies and measures that reach them. */
const REACHABLE = new Set(['Park', 'Enterprise', 'Project', 'Region', 'Sector', 'Product']);
/** Entities later pages were read for (data/later): projects, parks and zones, enterprises. */
const TIMED = new Set(['Project', 'Park', 'Enterprise']);
/** Entities with a scorecard: a park or zone, a sector. */
const SCORED = new Set(['Park', 'Sector']);

export class DetailsPanel {
  readonly element = h('div', { class: 'details', id: 'details' });
  private readonly actions: DetailsActions;
  /** the selection being shown; an answer for an older one is dropped */
  private token = 0;

  constructor(private readonly controller: ExplorerController) {
    this.actions = {
      expand: (id) =>
        void (controller.canvas.has(id) ? controller.expand(id) : controller.open(id, { expand: true })),
      showMore: (id) => void controller.showMore(id),
      hide: (id) => controller.hide(id),
      pin: (id) => controller.togglePin(id),
      chain: (id) => void controller.showChain(id, 'BOTH', DEFAULT_CHAIN_DEPTH),
      pathFrom: (id) => void controller.usePathEnd(id, 'from'),
      pathTo: (id) => void controller.usePathEnd(id, 'to'),
      open: (id) => void controller.open(id, { expand: false }),
      context: (id) => controller.passageContext(id),
    };
    controller.on('select', (selection) => void this.show(selection));
    controller.on('view', () => {
      this.token++;
      this.hint();
    });
    this.hint();
  }

  private async show(selection: Selection): Promise<void> {
    const { controller } = this;
    const token = ++this.token;
    if (!selection) return this.hint();
    const lang = controller.lang;
    render(this.element, h('p', { class: 'hint' }, t(lang, 'loading')));
    try {
      if (selection.kind === 'node') {
        const record = await controller.record(selection.id);
        if (token !== this.token) return;
        if (!record) return this.hint();
        const state = {
          onCanvas: controller.canvas.has(record.id),
          pinned: controller.canvas.pinnedIds.includes(record.id),
          remaining: controller.canvas.remaining(record.id),
        };
        renderEntityDetails(this.element, record, state, lang, this.actions);
        if (TIMED.has(record.type)) void this.showTimeline(record, token);
        if (SCORED.has(record.type)) this.offerScorecard(record, token);
        if (REACHABLE.has(record.type)) void this.showPolicyReach(record, token);
      } else {
        const edge = await controller.relation(selection.id);
        if (token !== this.token) return;
        if (!edge) return this.hint();
        renderEdgeDetails(this.element, edge, lang, this.actions);
      }
    } catch (error) {
      if (token !== this.token) return;
      this.hint();
      controller.report(error);
    }
  }

  /** Appends the policies and measures reaching the entity, when they arrive. */
  private async showPolicyReach(record: EntityRecord, token: number): Promise<void> {
    const { controller } = this;
    const lang = controller.lang;
    const section = h(
      'section',
      { class: 'reach', 'aria-busy': 'true' },
      h('h2', {}, t(lang, 'policyReach')),
      h('p', { class: 'hint' }, t(lang, 'loading')),
    );
    this.element.append(section);
    try {
      const items = await controller.policyReach(record.id);
      if (token !== this.token) return;
      renderPolicyReach(section, items, lang, (item) => void controller.showReach(item, record.id));
    } catch (error) {
      if (token === this.token) render(section, h('p', { class: 'hint' }, describeError(error, lang)));
    }
  }

  /** Appends what became of the entity (the plan's step, then the later pages' steps), when it arrives. */
  private async showTimeline(record: EntityRecord, token: number): Promise<void> {
    const { controller } = this;
    const lang = controller.lang;
    const section = h(
      'section',
      { class: 'later', 'aria-busy': 'true' },
      h('h2', {}, t(lang, 'timeline')),
      h('p', { class: 'hint' }, t(lang, 'loading')),
    );
    this.element.append(section);
    try {
      const timeline = await controller.timeline(record.id);
      if (token === this.token) renderTimeline(section, timeline, lang);
    } catch (error) {
      if (token === this.token) render(section, h('p', { class: 'hint' }, describeError(error, lang)));
    }
  }

  /** A button that shows the scorecard of a park, zone or sector in place (it walks all its members). */
  private offerScorecard(record: EntityRecord, token: number): void {
    const { controller } = this;
    const lang = controller.lang;
    const section = h('section', { class: 'scorecard-section' });
    const show = async () => {
      section.setAttribute('aria-busy', 'true');
      render(section, h('h2', {}, t(lang, 'scorecard')), h('p', { class: 'hint' }, t(lang, 'loading')));
      try {
        const scorecard = await controller.scorecard(record.id);
        if (token === this.token)
          renderScorecard(section, scorecard, lang, (id) => void controller.open(id, { expand: false }));
      } catch (error) {
        if (token === this.token) render(section, h('p', { class: 'hint' }, describeError(error, lang)));
      }
    };
    render(
      section,
      h(
        'button',
        { type: 'button', 'data-action': 'scorecard', onclick: () => void show() },
        t(lang, 'scorecardShow'),
      ),
    );
    this.element.append(section);
  }

  private hint(): void {
    const { controller } = this;
    const kind = controller.baseView.kind;
    if ((kind === 'overview' || kind === 'map') && controller.overview) {
      renderOverviewSummary(this.element, controller.overview, controller.lang, (id) => controller.focus(id));
    } else render(this.element, h('p', { class: 'hint' }, t(controller.lang, 'detailsHint')));
  }
}
