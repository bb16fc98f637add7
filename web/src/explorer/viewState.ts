// The view as a URL: enough to rebuild what someone saw (the base view, what they added, expanded, hid and
// pinned, in order; filters; layout; language; selection; the year it is seen as of) and short enough to paste in a message. Pure:
// encode and decode are inverse, and tested without a browser. A depth or a hop count beyond what the API
// allows is read as it is: the controller brings it within the API's limits.
import { DEFAULT_LANG, parseLang, type Lang } from '../i18n/index.ts';
import type { ChainDirection, RelationStatus } from '../model.ts';
import { STATUSES } from '../model.ts';
import { isLayoutName, type LayoutName } from '../canvas/layouts.ts';

/** A chain's depth and a path's hops when nobody chose them. */
export const DEFAULT_CHAIN_DEPTH = 6;
export const DEFAULT_MAX_HOPS = 4;
/** The first year the time control offers: the plan was published on 2011-10-29. */
export const FIRST_YEAR = 2011;

/** The day a year is seen as of: its last (null: today, everything known). */
export function asOfYear(year: number | null): string | null {
  return year === null ? null : `${year}-12-31`;
}

export type BaseView =
  | { readonly kind: 'overview' }
  | { readonly kind: 'map' }
  | { readonly kind: 'whole' }
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'chain';
      readonly product: string;
      readonly direction: ChainDirection;
      readonly depth: number;
    }
  | { readonly kind: 'paths'; readonly from: string; readonly to: string; readonly maxHops: number }
  /** what the failure of these entities would do */
  | { readonly kind: 'impact'; readonly entities: readonly string[] }
  /** the partnership network with each member's role */
  | { readonly kind: 'roles' };

/** One step the user took on top of the base view, replayed in order. */
export type Operation =
  | { readonly op: 'add'; readonly id: string }
  | { readonly op: 'expand'; readonly id: string }
  | { readonly op: 'more'; readonly id: string }
  | { readonly op: 'hide'; readonly id: string }
  | { readonly op: 'pin'; readonly id: string };

export interface ViewState {
  readonly base: BaseView;
  readonly ops: readonly Operation[];
  readonly lang: Lang;
  /** null: the base view's own layout */
  readonly layout: LayoutName | null;
  readonly selected: string | null;
  readonly hiddenTypes: readonly string[];
  readonly hiddenRelations: readonly string[];
  readonly hiddenStatuses: readonly RelationStatus[];
  /** the path highlighted in the paths view */
  readonly pathIndex: number;
  /** the year the graph is seen as of (its last day), FIRST_YEAR to this year; null: today */
  readonly year: number | null;
}

export const DEFAULT_STATE: ViewState = {
  base: { kind: 'overview' },
  ops: [],
  lang: DEFAULT_LANG,
  layout: null,
  selected: null,
  hiddenTypes: [],
  hiddenRelations: [],
  hiddenStatuses: [],
  pathIndex: 0,
  year: null,
};

const OP_CODES: Record<Operation['op'], string> = { add: 'a', expand: 'x', more: 'm', hide: 'h', pin: 'p' };
const CODE_OPS = Object.fromEntries(Object.entries(OP_CODES).map(([op, code]) => [code, op])) as Record<
  string,
  Operation['op']
>;
const DIRECTIONS: readonly ChainDirection[] = ['UPSTREAM', 'DOWNSTREAM', 'BOTH'];

/** The query string of a view (without "?"); defaults are left out. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  const base = state.base;
  params.set('view', base.kind);
  if (base.kind === 'chain') {
    params.set('product', base.product);
    if (base.direction !== 'BOTH') params.set('dir', base.direction.toLowerCase());
    params.set('depth', String(base.depth));
  } else if (base.kind === 'paths') {
    params.set('from', base.from);
    params.set('to', base.to);
    params.set('hops', String(base.maxHops));
    if (state.pathIndex > 0) params.set('path', String(state.pathIndex));
  } else if (base.kind === 'impact') {
    params.set('fail', base.entities.join(','));
  }
  if (state.ops.length > 0) params.set('ops', state.ops.map((o) => `${OP_CODES[o.op]}.${o.id}`).join(','));
  if (state.hiddenTypes.length > 0) params.set('types', state.hiddenTypes.map((t) => `-${t}`).join(','));
  if (state.hiddenRelations.length > 0)
    params.set('rels', state.hiddenRelations.map((t) => `-${t}`).join(','));
  if (state.hiddenStatuses.length > 0)
    params.set('status', state.hiddenStatuses.map((t) => `-${t}`).join(','));
  if (state.layout) params.set('layout', state.layout);
  if (state.lang !== DEFAULT_LANG) params.set('lang', state.lang);
  if (state.selected) params.set('sel', state.selected);
  if (state.year !== null) params.set('year', String(state.year));
  return params.toString().replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%7C', '|');
}

/** Reads a query string; anything malformed falls back to the default rather than failing. */
export function decodeViewState(search: string): ViewState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const list = (key: string) =>
    (params.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const negated = (key: string) =>
    list(key)
      .filter((s) => s.startsWith('-'))
      .map((s) => s.slice(1));
  const int = (key: string, fallback: number, min: number, max: number) => {
    const value = Number.parseInt(params.get(key) ?? '', 10);
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };

  let base: BaseView = DEFAULT_STATE.base;
  const view = params.get('view');
  if (view === 'empty') base = { kind: 'empty' };
  else if (view === 'map') base = { kind: 'map' };
  else if (view === 'roles') base = { kind: 'roles' };
  else if (view === 'impact' && list('fail').length > 0) base = { kind: 'impact', entities: list('fail') };
  else if (view === 'whole') base = { kind: 'whole' };
  else if (view === 'chain' && params.get('product')) {
    const dir = (params.get('dir') ?? 'both').toUpperCase() as ChainDirection;
    base = {
      kind: 'chain',
      product: params.get('product') ?? '',
      direction: DIRECTIONS.includes(dir) ? dir : 'BOTH',
      depth: int('depth', DEFAULT_CHAIN_DEPTH, 1, Number.MAX_SAFE_INTEGER),
    };
  } else if (view === 'paths' && params.get('from') && params.get('to')) {
    base = {
      kind: 'paths',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      maxHops: int('hops', DEFAULT_MAX_HOPS, 1, Number.MAX_SAFE_INTEGER),
    };
  }

  const ops: Operation[] = [];
  for (const entry of list('ops')) {
    const dot = entry.indexOf('.');
    const op = CODE_OPS[entry.slice(0, dot)];
    const id = entry.slice(dot + 1);
    if (dot > 0 && op && id) ops.push({ op, id });
  }
  const layout = params.get('layout');
  return {
    base,
    ops,
    lang: parseLang(params.get('lang')),
    layout: isLayoutName(layout) ? layout : null,
    selected: params.get('sel') || null,
    hiddenTypes: negated('types'),
    hiddenRelations: negated('rels'),
    hiddenStatuses: negated('status').filter((s): s is RelationStatus =>
      (STATUSES as readonly string[]).includes(s),
    ),
    pathIndex: base.kind === 'paths' ? int('path', 0, 0, Number.MAX_SAFE_INTEGER) : 0,
    year: params.has('year')
      ? int('year', new Date().getFullYear(), FIRST_YEAR, new Date().getFullYear())
      : null,
  };
}
