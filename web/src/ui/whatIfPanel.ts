// The what-if tool: the entities to let fail (picked by search, or the one selected on the canvas), "what if
// these fail", and the consequences the API finds, each with why and the passages of its paths; choosing one
// highlights its paths on the canvas. Below, the partnership network: who bridges the two sides of the strait.
import type { ExplorerController } from '../explorer/controller.ts';
import { displayName, t, type Lang, type MessageKey } from '../i18n/index.ts';
import type { ImpactConsequence, PartnerRoles } from '../model.ts';
import { passageItem } from './details.ts';
import { h, render } from './dom.ts';
import { EntityPicker } from './search.ts';

/** Bridges the panel lists. */
const BRIDGES_LISTED = 10;

export class WhatIfPanel {
  readonly element = h('div', { class: 'analysis whatif-panel' });
  private readonly picker: EntityPicker;

  constructor(private readonly controller: ExplorerController) {
    this.picker = new EntityPicker({
      id: 'whatif-entity',
      label: (lang) => t(lang, 'whatIfAdd'),
      placeholder: (lang) => t(lang, 'whatIfPlaceholder'),
      search: (query, signal) => controller.search(query, signal),
      onPick: (entity) => controller.addFailing(entity),
    });
    controller.on('tool', (tool, selected) => {
      if (tool !== 'whatif') return;
      if (selected) controller.addFailing(selected);
      this.picker.focus();
    });
    for (const event of ['failing', 'impact', 'roles', 'language', 'select'] as const)
      controller.on(event, () => this.render());
    this.render();
  }

  private render(): void {
    const { controller } = this;
    const lang = controller.lang;
    this.picker.setLanguage(lang);
    const selected = controller.selectedNode();
    const selectedEntity = selected ? controller.canvas.entity(selected) : undefined;
    const shown = controller.impact;
    render(
      this.element,
      h('p', { class: 'hint' }, t(lang, 'whatIfHint')),
      h('div', { class: 'field' }, h('span', {}, t(lang, 'whatIfAdd')), this.picker.element),
      selectedEntity
        ? h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-action': 'fail-selected',
              onclick: () => controller.addFailing(selectedEntity),
            },
            t(lang, 'whatIfAddSelected', { name: displayName(selectedEntity, lang) }),
          )
        : null,
      h(
        'ul',
        { class: 'failing-list', 'aria-label': t(lang, 'whatIfFailing') },
        controller.failing.map((entity) =>
          h(
            'li',
            { 'data-failing': entity.id },
            displayName(entity, lang),
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                'aria-label': t(lang, 'whatIfRemove', { name: displayName(entity, lang) }),
                onclick: () => controller.removeFailing(entity.id),
              },
              '×',
            ),
          ),
        ),
      ),
      h(
        'button',
        {
          class: 'primary',
          type: 'button',
          'data-action': 'what-if',
          disabled: controller.failing.length === 0,
          onclick: () => void controller.showImpact(),
        },
        t(lang, 'whatIfRun'),
      ),
      shown ? this.renderImpact(lang, shown.impact.consequences, shown.index) : null,
      shown ? this.renderFailedWith(lang) : null,
      h('h2', {}, t(lang, 'rolesTitle')),
      h('p', { class: 'hint' }, t(lang, 'rolesHint')),
      h(
        'button',
        { type: 'button', 'data-action': 'show-roles', onclick: () => void controller.showRoles() },
        t(lang, 'rolesShow'),
      ),
      controller.roles ? this.renderBridges(lang, controller.roles) : null,
    );
  }

  private renderImpact(lang: Lang, consequences: readonly ImpactConsequence[], index: number): HTMLElement[] {
    const title = h('h2', {}, `${t(lang, 'whatIfConsequences')} (${consequences.length})`);
    if (consequences.length === 0) return [title, h('p', { class: 'hint' }, t(lang, 'whatIfNone'))];
    return [
      title,
      h(
        'ol',
        { class: 'consequence-list' },
        consequences.map((c, i) =>
          h(
            'li',
            {
              class: i === index ? 'consequence-item current' : 'consequence-item',
              'data-consequence': c.entity.id,
              'data-kind': c.kind,
            },
            h(
              'button',
              {
                class: 'link',
                type: 'button',
                'aria-pressed': String(i === index),
                onclick: () => this.controller.highlightConsequence(i === index ? -1 : i),
              },
              h('strong', {}, displayName(c.entity, lang)),
            ),
            h('div', { class: 'why' }, t(lang, `impact.${c.kind}` as MessageKey, { count: c.remaining })),
            h('p', { class: 'hint', lang: 'en' }, c.explanation),
            c.evidence.length > 0
              ? h(
                  'details',
                  {},
                  h('summary', {}, `${t(lang, 'evidence')} (${c.evidence.length})`),
                  h(
                    'ol',
                    { class: 'evidence' },
                    c.evidence.map((p) =>
                      passageItem(p, [c.entity.name, ...c.entity.aliases], lang, this.context),
                    ),
                  ),
                )
              : null,
          ),
        ),
      ),
    ];
  }

  private renderFailedWith(lang: Lang): HTMLElement | null {
    const failed = this.controller.impact?.impact.failedWith ?? [];
    if (failed.length === 0) return null;
    return h(
      'details',
      { class: 'failed-with' },
      h('summary', {}, t(lang, 'whatIfFailedWith', { count: failed.length })),
      h(
        'ul',
        {},
        failed.map((f) => h('li', {}, displayName(f.entity, lang))),
      ),
    );
  }

  private renderBridges(lang: Lang, roles: PartnerRoles): HTMLElement[] {
    const bridges = roles.roles.filter((r) => r.bridge).slice(0, BRIDGES_LISTED);
    return [
      h(
        'p',
        { class: 'hint' },
        t(lang, 'rolesSummary', { count: roles.roles.length, communities: roles.communities }),
      ),
      h(
        'ol',
        { class: 'bridge-list', 'aria-label': t(lang, 'rolesBridges') },
        bridges.map((role) =>
          h(
            'li',
            { 'data-bridge': role.entity.id },
            h(
              'button',
              { class: 'link', type: 'button', onclick: () => this.controller.focus(role.entity.id) },
              h('strong', {}, displayName(role.entity, lang)),
            ),
            ` · ${t(lang, `side.${role.side}` as MessageKey)} · ${(role.betweenness * 100).toFixed(1)}%`,
            h('p', { class: 'hint', lang: 'en' }, role.explanation),
          ),
        ),
      ),
    ];
  }

  private readonly context = { context: (id: string) => this.controller.passageContext(id) };
}
