// What the explorer's controller announces, and the views it hands the panels with its events: the page's
// parts subscribe to these and never call each other.
import type { Selection } from '../canvas/controller.ts';
import type { Lang, MessageKey } from '../i18n/index.ts';
import type { ChainDirection, ChainGap, EntitySummary, Impact, PathWithEvidence } from '../model.ts';

/** The side panel's tabs. */
export type Panel = 'details' | 'chain' | 'paths' | 'whatif';

/** The chain on the canvas, as the chain panel lists it. */
export interface ChainView {
  readonly product: EntitySummary | null;
  readonly direction: ChainDirection;
  readonly depth: number;
  /** the gaps of the products on the canvas */
  readonly gaps: readonly ChainGap[];
  /** the gaps are still being asked for (the chain is drawn before them) */
  readonly gapsPending: boolean;
  /** the server's word when a limit stopped its search for the gaps early (ChainGapsAnswer), else null */
  readonly gapsCut: string | null;
  /** products on the chain */
  readonly products: number;
  /** entities on the canvas: products and who covers them */
  readonly entities: number;
  /** the chain goes on beyond what the canvas shows (deeper, or more than it can draw) */
  readonly truncated: boolean;
  /** the most entities asked for */
  readonly limit: number;
  /** "show more" can ask for more of it */
  readonly more: boolean;
}

/** The paths on the canvas, as the path panel lists them. */
export interface PathsView {
  readonly from: EntitySummary | null;
  readonly to: EntitySummary | null;
  readonly maxHops: number | undefined;
  readonly paths: readonly PathWithEvidence[];
  /** the path highlighted */
  readonly index: number;
  /** the server's word when a limit stopped the search early (PathsAnswer), else null */
  readonly cut: string | null;
}

/** A failure's consequences on the canvas, as the what-if panel lists them. */
export interface ImpactView {
  readonly impact: Impact;
  /** the consequence highlighted (-1: none) */
  readonly index: number;
}

/**
 * What an operation was, in a reading language, for the banner when it fails: what could not be shown (the
 * chain of which product, which way, how deep) and, where there is one, what to try instead.
 */
export type OperationLabel = (lang: Lang) => { readonly what: string; readonly advice?: string };

export interface ExplorerEvents {
  /** a node or an edge was selected, or nothing (null); also when what the details show may have changed */
  select(selection: Selection): void;
  /** the canvas, the filters, the layout or the view changed: lists, counts, captions and the URL follow */
  change(): void;
  /** a new base view (overview, whole graph, chain, paths, empty) */
  view(): void;
  language(lang: Lang): void;
  /** the year the view is seen as of changed (controller.year; null: today) */
  year(year: number | null): void;
  /** the side panel should show this tab; `reveal`: open it where it is a drawer */
  panel(panel: Panel, reveal: boolean): void;
  /** the user opened the chain or path tool; `selected` is the entity selected on the canvas, if any */
  tool(tool: 'chain' | 'paths' | 'whatif', selected: EntitySummary | undefined): void;
  /** an entity was chosen as one end of a path */
  pathEnd(end: 'from' | 'to', entity: EntitySummary): void;
  /** a chain was shown (controller.chain holds it) */
  chain(): void;
  /** paths were shown (controller.paths holds them) */
  paths(): void;
  /** the entities the what-if lets fail changed (controller.failing) */
  failing(): void;
  /** a failure's consequences were shown, or another one highlighted (controller.impact) */
  impact(): void;
  /** the partnership network was shown (controller.roles) */
  roles(): void;
  /** the figures of the whole graph arrived (controller.stats) */
  stats(): void;
  /** the API's limits arrived (controller.limits): the forms offer what they allow */
  limits(): void;
  /** an operation started (true) or the last one running ended (false) */
  busy(busy: boolean): void;
  /** an operation failed; `retry` runs it again; `label` says which operation it was and what to try */
  error(error: unknown, retry?: () => void, label?: OperationLabel): void;
  /** something to tell the user in passing */
  notice(message: MessageKey): void;
}
