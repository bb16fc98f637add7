// What became of the plan, in the details panel: an entity's timeline (the plan's step, then each dated
// step of a later page, with the page as a link that opens it, then the undated facts) and, for a park,
// zone or sector, its scorecard (what the plan intended there and what became of each member). Both as the
// API knows them in the year the view is seen as of. Pure drawing: the details panel fetches and calls.
import { displayName, laterStatusName, outcomeName, t, type Lang } from '../i18n/index.ts';
import { OUTCOME_COLORS } from '../canvas/palette.ts';
import type { Outcome, Scorecard, SourcePage, Timeline, TimelineStep } from '../model.ts';
import { h, render } from './dom.ts';

/** A coloured dot and the outcome's name: what the canvas's halo says, in words. */
export function outcomeBadge(outcome: Outcome, lang: Lang): HTMLElement {
  return h(
    'span',
    { class: 'outcome', 'data-outcome': outcome },
    h('span', { class: 'swatch', style: `background:${OUTCOME_COLORS[outcome]}` }),
    outcomeName(lang, outcome),
  );
}

/** A page read later, as a link that opens it in a new tab. */
function sourceLink(page: SourcePage, lang: Lang): HTMLElement {
  return h(
    'a',
    { class: 'source', href: page.url, target: '_blank', rel: 'noopener noreferrer', title: page.title },
    t(lang, 'stepSource', { publisher: page.publisher }),
    page.date ? ` · ${page.date}` : '',
  );
}

function stepItem(step: TimelineStep, lang: Lang): HTMLElement {
  const when = step.basis === 'PLAN' ? t(lang, 'stepPlan') : (step.date ?? t(lang, 'timelineUndated'));
  return h(
    'li',
    { 'data-step': step.id, 'data-basis': step.basis.toLowerCase() },
    h(
      'div',
      { class: 'step-head' },
      h('time', {}, when),
      step.status ? h('strong', {}, laterStatusName(lang, step.status)) : null,
      step.outcome && step.basis === 'LATER' ? outcomeBadge(step.outcome, lang) : null,
    ),
    h('p', {}, lang === 'en' ? step.summary : step.summaryZh),
    step.source
      ? h('div', { class: 'hint' }, sourceLink(step.source, lang), step.where ? ` · ${step.where}` : '')
      : null,
  );
}

export function renderTimeline(section: HTMLElement, timeline: Timeline, lang: Lang): void {
  const later = [...timeline.steps, ...timeline.undated].filter((s) => s.basis === 'LATER');
  section.removeAttribute('aria-busy');
  render(
    section,
    h('h2', {}, t(lang, 'timeline')),
    h(
      'p',
      { class: 'timeline-status' },
      t(lang, 'timelineStatus', {
        status: timeline.status.status ? laterStatusName(lang, timeline.status.status) : '—',
      }),
      ' ',
      outcomeBadge(timeline.status.outcome, lang),
    ),
    h(
      'ol',
      { class: 'timeline' },
      [...timeline.steps, ...timeline.undated].map((s) => stepItem(s, lang)),
    ),
    later.length === 0 ? h('p', { class: 'hint' }, t(lang, 'timelineNone')) : null,
  );
}

export function renderScorecard(
  section: HTMLElement,
  scorecard: Scorecard,
  lang: Lang,
  open: (id: string) => void,
): void {
  section.removeAttribute('aria-busy');
  render(
    section,
    h('h2', {}, `${t(lang, 'scorecard')} · ${t(lang, 'scorecardTotal', { count: scorecard.total })}`),
    scorecard.total === 0
      ? h('p', { class: 'hint' }, t(lang, 'scorecardEmpty'))
      : h(
          'ul',
          { class: 'outcome-counts' },
          scorecard.outcomes
            .filter((o) => o.count > 0)
            .map((o) => h('li', { 'data-outcome': o.outcome }, outcomeBadge(o.outcome, lang), ` ${o.count}`)),
        ),
    h(
      'ol',
      { class: 'scorecard' },
      scorecard.members.map((member) =>
        h(
          'li',
          { 'data-member': member.entity.id, 'data-outcome': member.status.outcome },
          h(
            'div',
            {},
            h(
              'button',
              {
                class: 'link',
                type: 'button',
                onclick: () => open(member.entity.id),
                title: member.explanation,
              },
              displayName(member.entity, lang),
            ),
            ' ',
            outcomeBadge(member.status.outcome, lang),
          ),
          h(
            'div',
            { class: 'hint' },
            [member.status.status ? laterStatusName(lang, member.status.status) : null, member.status.date]
              .filter(Boolean)
              .join(' · '),
            member.status.source ? [' · ', sourceLink(member.status.source, lang)] : null,
          ),
        ),
      ),
    ),
    scorecard.truncated ? h('p', { class: 'hint' }, t(lang, 'scorecardTruncated')) : null,
  );
}
