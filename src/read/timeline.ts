// The timeline of an entity (docs/graph-model.md, "Time"): the plan's step, the dated steps of later pages
// with their sources, the undated facts, its status on `asOf` and the research record. One statement,
// cypher/timeline.cypher; the GraphQL field timeline and `cskg query timeline` both call readTimeline, so they
// cannot disagree.
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import { entityRowsOn, type EntityRow } from './rows.ts';
import {
  planStep,
  toEntityStatusRow,
  toStepRow,
  type EntityStatusRow,
  type ResearchRow,
  type StepRow,
} from './time.ts';

export interface TimelineRequest {
  readonly entity: string;
  /** YYYY-MM-DD, checked by the caller (asOfArgument); null for everything known */
  readonly asOf: string | null;
  readonly first: number;
}

export interface TimelineRow {
  /** the entity, as of the timeline's day */
  readonly entity: EntityRow;
  readonly asOf: string | null;
  /** the plan's step, then the dated steps in time order */
  readonly steps: StepRow[];
  /** facts of pages without a date (only without asOf: they cannot be placed in time) */
  readonly undated: StepRow[];
  readonly status: EntityStatusRow;
  readonly research: ResearchRow;
  /** more than `first` later steps: the first ones are kept */
  readonly truncated: boolean;
}

export interface TimelineResult {
  /** the type of the entity asked for, null when there is none */
  readonly entityType: string | null;
  readonly timeline: TimelineRow | null;
}

export function timelineQuery(request: TimelineRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('timeline'), { ...request });
}

export async function readTimeline(db: Reader, request: TimelineRequest): Promise<TimelineResult> {
  const [row] = await db.read(timelineQuery(request));
  if (!row || row.type === null || row.type === undefined) return { entityType: null, timeline: null };
  const status = toEntityStatusRow(row, request.asOf);
  const later = ((row.steps ?? []) as unknown[]).map(toStepRow);
  const kept = later.slice(0, request.first);
  const plan = planStep({
    id: String(row.id),
    type: String(row.type),
    stated: (row.stated as string | null) ?? null,
    projectStatus: row.projectStatus,
  });
  const dated = kept.filter((s) => s.validFrom !== null);
  // The plan's step where its date falls (before a later step of the same day).
  const steps = plan
    ? [
        ...dated.filter((s) => (s.validFrom ?? '') < (plan.validFrom ?? '')),
        plan,
        ...dated.filter((s) => (s.validFrom ?? '') >= (plan.validFrom ?? '')),
      ]
    : dated;
  return {
    entityType: String(row.type),
    timeline: {
      entity: entityRowsOn(request.asOf)(row.entity),
      asOf: request.asOf,
      steps:
        request.asOf !== null && plan && (plan.validFrom ?? '') > request.asOf
          ? steps.filter((s) => s !== plan)
          : steps,
      undated: kept.filter((s) => s.validFrom === null),
      status,
      research: status.research,
      truncated: later.length > request.first,
    },
  };
}
