// An entity picker: a search box that suggests entities as you type (Chinese, English, aliases), driven
// from the keyboard the way the WAI-ARIA combobox pattern says: ArrowDown/ArrowUp move through the
// suggestions (aria-activedescendant follows), Enter picks, Escape closes and then clears. The header's
// search and the chain and path pickers are all one of these.
import { DEFAULT_LANG, displayName, entityTypeName, secondLanguage, t, type Lang } from '../i18n/index.ts';
import type { EntitySummary, SearchHit } from '../model.ts';
import { typeStyle } from '../canvas/palette.ts';
import { h, render } from './dom.ts';
import { highlighted } from './highlight.ts';

export interface EntityPickerOptions {
  /** unique prefix for element ids */
  readonly id: string;
  readonly label: (lang: Lang) => string;
  readonly placeholder: (lang: Lang) => string;
  readonly search: (query: string, signal: AbortSignal) => Promise<SearchHit[]>;
  readonly onPick: (entity: EntitySummary) => void;
  readonly onError?: (error: unknown) => void;
  /** keep the picked entity's name in the box (pickers) or empty it (the header search) */
  readonly keepValue?: boolean;
}

const DEBOUNCE_MS = 120;

export class EntityPicker {
  readonly element: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly labelElement: HTMLLabelElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | undefined;
  private lang: Lang = DEFAULT_LANG;
  private picked: EntitySummary | null = null;

  constructor(private readonly options: EntityPickerOptions) {
    const listId = `${options.id}-listbox`;
    this.labelElement = h('label', { for: `${options.id}-input`, class: 'visually-hidden' });
    this.input = h('input', {
      id: `${options.id}-input`,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'listbox', hidden: true });
    this.element = h('div', { class: 'search' }, this.labelElement, this.input, this.list);

    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 120));
    this.input.addEventListener('focus', () => {
      if (this.hits.length > 0 && this.input.value.trim() !== '' && !this.picked) this.open();
    });
    this.setLanguage(DEFAULT_LANG);
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.labelElement.textContent = this.options.label(lang);
    this.input.placeholder = this.options.placeholder(lang);
    this.list.setAttribute('aria-label', this.options.label(lang));
    if (this.picked && this.options.keepValue) this.input.value = displayName(this.picked, lang);
    if (!this.list.hidden) this.renderList();
  }

  /** The entity the picker holds (pickers only). */
  get value(): EntitySummary | null {
    return this.picked;
  }

  setValue(entity: EntitySummary | null): void {
    this.picked = entity;
    this.input.value = entity ? displayName(entity, this.lang) : '';
  }

  focus(): void {
    this.input.focus();
  }

  private onInput(): void {
    this.picked = null;
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query === '') {
      this.inflight?.abort();
      this.hits = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.runSearch(query), DEBOUNCE_MS);
  }

  private async runSearch(query: string): Promise<void> {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const hits = await this.options.search(query, controller.signal);
      if (controller.signal.aborted || this.input.value.trim() !== query) return;
      this.hits = hits;
      this.active = hits.length > 0 ? 0 : -1;
      this.renderList();
      this.open();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.options.onError?.(error);
    }
  }

  private onKey(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (this.list.hidden) {
          if (this.hits.length > 0) this.open();
          else if (this.input.value.trim() !== '') void this.runSearch(this.input.value.trim());
          return;
        }
        this.move(1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.list.hidden) this.move(-1);
        return;
      case 'Enter': {
        event.preventDefault();
        const query = this.input.value.trim();
        if (query === '') return;
        // Enter before the debounce fired: search now and pick the best hit.
        if (this.list.hidden || this.hits.length === 0) {
          clearTimeout(this.timer);
          void this.runSearch(query).then(() => {
            if (this.hits[0]) this.pick(this.hits[0].entity);
          });
          return;
        }
        const hit = this.hits[Math.max(this.active, 0)];
        if (hit) this.pick(hit.entity);
        return;
      }
      case 'Escape':
        if (!this.list.hidden) {
          event.preventDefault();
          this.close();
        } else if (this.input.value !== '') {
          event.preventDefault();
          this.input.value = '';
          this.picked = null;
          this.hits = [];
        }
        return;
      case 'Tab':
        this.close();
        return;
      default:
        return;
    }
  }

  private move(step: number): void {
    if (this.hits.length === 0) return;
    this.active = (this.active + step + this.hits.length) % this.hits.length;
    this.renderList();
    const option = this.list.querySelector<HTMLElement>(`#${CSS.escape(this.optionId(this.active))}`);
    option?.scrollIntoView({ block: 'nearest' });
  }

  private pick(entity: EntitySummary): void {
    this.close();
    if (this.options.keepValue) this.setValue(entity);
    else {
      this.input.value = '';
      this.hits = [];
    }
    this.options.onPick(entity);
  }

  private optionId(index: number): string {
    return `${this.options.id}-option-${index}`;
  }

  private renderList(): void {
    const query = this.input.value.trim();
    if (this.hits.length === 0) {
      render(
        this.list,
        h(
          'li',
          { class: 'option empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' },
          t(this.lang, 'noMatches'),
        ),
      );
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    render(
      this.list,
      this.hits.map((hit, i) => {
        const e = hit.entity;
        const primary = displayName(e, this.lang);
        const secondary = displayName(e, secondLanguage(this.lang));
        const matchedOther =
          hit.matched && hit.matched !== e.name && hit.matched !== e.nameEn ? hit.matched : null;
        const option = h(
          'li',
          {
            id: this.optionId(i),
            role: 'option',
            class: 'option',
            'aria-selected': i === this.active ? 'true' : 'false',
            'data-id': e.id,
          },
          h('span', { class: 'swatch', style: `background:${typeStyle(e.type).color}` }),
          h('span', { class: 'name' }, highlighted(primary, [query])),
          h('span', { class: 'type' }, entityTypeName(this.lang, e.type)),
          h(
            'span',
            { class: 'sub' },
            highlighted(matchedOther ? `${secondary} · ${matchedOther}` : secondary, [query]),
          ),
        );
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.pick(e);
        });
        option.addEventListener('mousemove', () => {
          if (this.active !== i) {
            this.active = i;
            for (const el of this.list.querySelectorAll('[aria-selected="true"]'))
              el.setAttribute('aria-selected', 'false');
            option.setAttribute('aria-selected', 'true');
            this.input.setAttribute('aria-activedescendant', option.id);
          }
        });
        return option;
      }),
    );
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', this.optionId(this.active));
    else this.input.removeAttribute('aria-activedescendant');
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
