// The view's record and the one undo history. The record is the base view (the overview, the whole graph,
// a chain, paths, or nothing) and the user's steps on it, in order: what the URL holds. Every entry of the
// history holds that record and the canvas as they were before a step, so undo takes both back together.
import type { CanvasSnapshot } from '../canvas/controller.ts';
import type { BaseView, Operation } from './viewState.ts';

/** Steps undo can go back. */
const HISTORY_LIMIT = 40;

interface Entry {
  readonly base: BaseView;
  readonly ops: readonly Operation[];
  readonly canvas: CanvasSnapshot;
}

/** What the history needs of the canvas: its content now, and putting content back. */
interface Snapshots {
  snapshot(): CanvasSnapshot;
  restore(snapshot: CanvasSnapshot): void;
}

export class ViewHistory {
  private currentBase: BaseView = { kind: 'empty' };
  private ops: Operation[] = [];
  private readonly entries: Entry[] = [];

  constructor(private readonly canvas: Snapshots) {}

  get base(): BaseView {
    return this.currentBase;
  }

  get steps(): readonly Operation[] {
    return this.ops;
  }

  get canUndo(): boolean {
    return this.entries.length > 0;
  }

  /** Before the canvas shows a new base view: undo comes back to what was there. */
  newBase(base: BaseView): void {
    this.remember();
    this.currentBase = base;
    this.ops = [];
  }

  /** Before the canvas takes a step on the base view. */
  step(op: Operation): void {
    this.remember();
    this.ops.push(op);
  }

  /** Starts from an empty canvas, with nothing to undo to. */
  reset(): void {
    this.currentBase = { kind: 'empty' };
    this.ops = [];
  }

  /** Goes back one step: the record and the canvas as they were. False when there is nothing to undo. */
  undo(): boolean {
    const previous = this.entries.pop();
    if (!previous) return false;
    this.currentBase = previous.base;
    this.ops = [...previous.ops];
    this.canvas.restore(previous.canvas);
    return true;
  }

  private remember(): void {
    this.entries.push({ base: this.currentBase, ops: [...this.ops], canvas: this.canvas.snapshot() });
    if (this.entries.length > HISTORY_LIMIT) this.entries.shift();
  }
}
