// Time in the graph (docs/graph-model.md, "Time"): the `asOf` date every walk and analysis takes, the
// filter that keeps the facts known on that date, the status steps of data/later as rows, and the status of
// an entity on a date — the last dated step on or before it, else what the plan said — with what that
// means for the plan's intention (its outcome). Shared by the walks, the timeline, the scorecard and the
// GraphQL field Entity.status, so they all read time the same way.
import {
  LATER_STATUS_OUTCOMES,
  PLAN_PROJECT_STATUSES,
  isPartialDate,
  type LaterStatus,
  type Outcome,
} from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { BadInputError } from '../infra/errors.ts';

/**
 * `asOf` as given to an analysis: a full date (YYYY-MM-DD), or null for "everything known today". A date
 * that is not a real day is a BAD_USER_INPUT error naming the argument.
 */
export function asOfArgument(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isPartialDate(value)) {
    throw new BadInputError(
      `${name}: ${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD, e.g. 2014-12-31.`,
    );
  }
  return value;
}

/**
 * Whether the fact `r` was known on `$asOf` (null: always): it holds from its `validFrom` (a later fact) or
 * from when it was stated (the plan's date), and not after its `validTo`. Dates of any precision compare as
 * text, a partial date as its first day ("2013" <= "2013-01-01"). A fact with no date at all is seen only
 * without asOf.
 */
export const knownAsOf = (r: string) =>
  /* Cypher */ `($asOf IS NULL OR (coalesce(${r}.validFrom, ${r}.stated) <= $asOf AND (${r}.validTo IS NULL OR ${r}.validTo > $asOf)))`;

/** A status step with the pages it cites (`source` first). `s` is a variable name chosen by the caller. */
export const stepProjection = (s: string) =>
  /* Cypher */ `{ props: properties(${s}), pages: COLLECT { MATCH (${s})-[c:CITES]->(p:Source) RETURN { role: c.role, props: properties(p) } AS page ORDER BY c.role DESC, p.id } }`;

/**
 * The last dated step of the entity `e` on or before `$asOf` (every dated step when it is null), as
 * stepProjection: the status on that date. One expansion of the entity's few STEP_OF links.
 */
export const lastStepOf = (e: string) =>
  /* Cypher */ `COLLECT { MATCH (s:StatusStep)-[:STEP_OF]->(${e}) WHERE s.validFrom IS NOT NULL AND ($asOf IS NULL OR s.validFrom <= $asOf) RETURN ${stepProjection('s')} AS step ORDER BY s.validFrom DESC, s.ordinal DESC LIMIT 1 }[0]`;

/** A page read for data/later. */
export interface SourceRow {
  readonly id: string;
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  /** as precise as the page gives it; null for an undated page */
  readonly date: string | null;
  readonly dateBasis: string;
  readonly language: string;
  readonly kind: string;
  readonly accessed: string;
  readonly copyOf: string | null;
  readonly note: string | null;
}

export type StepBasis = 'plan' | 'later';

/** A step of an entity's timeline: what the plan said of it, or what a later page says became of it. */
export interface StepRow {
  readonly id: string;
  readonly entity: string;
  readonly basis: StepBasis;
  /** null for an undated fact (and for the plan's step of an entity the plan gives no status) */
  readonly status: LaterStatus | null;
  readonly outcome: Outcome | null;
  /** as the source gives it; null for an undated fact */
  readonly date: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** the date of the page (or of the plan) that states it */
  readonly stated: string | null;
  readonly summary: string;
  readonly summaryZh: string;
  /** where on the page; null for the plan's step (its evidence is the entity's quotes) */
  readonly where: string | null;
  /** figures, owners and shares the page reports */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly source: SourceRow | null;
  readonly seeAlso: readonly SourceRow[];
}

export type ResearchFound = 'dated' | 'undated' | 'none' | 'not-researched';

/** What data/later says of an entity as a whole. */
export interface ResearchRow {
  readonly found: ResearchFound;
  readonly status: LaterStatus | null;
  readonly date: string | null;
  readonly source: string | null;
  readonly note: string | null;
  readonly caveats: readonly string[];
  readonly searched: readonly string[];
}

/** The status of an entity on a date, and what it means for the plan's intention. */
export interface EntityStatusRow {
  readonly entity: string;
  /** the date asked for; null for "everything known" */
  readonly asOf: string | null;
  readonly status: LaterStatus | null;
  /** the date of the step that says so (null for an undated page) */
  readonly date: string | null;
  /** whether the status is the plan's or a later page's; null when neither says anything */
  readonly basis: StepBasis | null;
  readonly outcome: Outcome;
  /** the step that says so, with its pages; null when it is the plan's or nothing is known */
  readonly step: StepRow | null;
  readonly research: ResearchRow;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function toSourceRow(props: Record<string, unknown>): SourceRow {
  return {
    id: String(props.id),
    url: String(props.url ?? ''),
    publisher: String(props.publisher ?? ''),
    title: String(props.title ?? ''),
    date: text(props.date),
    dateBasis: String(props.dateBasis ?? 'none'),
    language: String(props.language ?? ''),
    kind: String(props.kind ?? ''),
    accessed: String(props.accessed ?? ''),
    copyOf: text(props.copyOf),
    note: text(props.note),
  };
}

export function toSourceRowFromRaw(raw: unknown): SourceRow {
  return toSourceRow(raw as Record<string, unknown>);
}

/** A row of stepProjection. */
export function toStepRow(raw: unknown): StepRow {
  const { props, pages } = raw as {
    props: Record<string, unknown>;
    pages: { role: string; props: Record<string, unknown> }[];
  };
  const status = text(props.status) as LaterStatus | null;
  let facts: Record<string, unknown> = {};
  try {
    facts = JSON.parse(String(props.facts ?? '{}')) as Record<string, unknown>;
  } catch {
    facts = {};
  }
  return {
    id: String(props.id),
    entity: String(props.entity),
    basis: 'later',
    status,
    outcome: status === null ? null : LATER_STATUS_OUTCOMES[status],
    date: text(props.date),
    validFrom: text(props.validFrom),
    validTo: text(props.validTo),
    stated: text(props.stated),
    summary: String(props.summary ?? ''),
    summaryZh: String(props.summaryZh ?? ''),
    where: text(props.onPage),
    facts,
    source: pages.filter((p) => p.role === 'source').map((p) => toSourceRow(p.props))[0] ?? null,
    seeAlso: pages.filter((p) => p.role !== 'source').map((p) => toSourceRow(p.props)),
  };
}

export function toResearchRow(raw: unknown): ResearchRow {
  if (raw === null || raw === undefined) {
    return {
      found: 'not-researched',
      status: null,
      date: null,
      source: null,
      note: null,
      caveats: [],
      searched: [],
    };
  }
  const props = raw as Record<string, unknown>;
  return {
    found: (text(props.found) ?? 'none') as ResearchFound,
    status: text(props.status) as LaterStatus | null,
    date: text(props.date),
    source: text(props.source),
    note: text(props.note),
    caveats: texts(props.caveats),
    searched: texts(props.searched),
  };
}

/** What the plan says of an entity, as the first step of its timeline (null for an entity the plan gives no date). */
export function planStep(entity: {
  id: string;
  type: string;
  stated: string | null;
  projectStatus?: unknown;
}): StepRow | null {
  if (entity.stated === null) return null;
  const planned =
    typeof entity.projectStatus === 'string'
      ? (entity.projectStatus as keyof typeof PLAN_PROJECT_STATUSES)
      : null;
  const status = planned ? (PLAN_PROJECT_STATUSES[planned] ?? null) : null;
  return {
    id: `${entity.id}#plan`,
    entity: entity.id,
    basis: 'plan',
    status,
    // The plan states intentions: what became of them is for later pages to say.
    outcome: status === null ? null : 'unknown',
    date: entity.stated,
    validFrom: entity.stated,
    validTo: null,
    stated: entity.stated,
    summary: planned
      ? `The plan lists it as ${PLAN_WORDS[planned].en}.`
      : 'The plan names it; what it says of it is in its relations and their quotes.',
    summaryZh: planned
      ? `规划将其列为${PLAN_WORDS[planned].zh}。`
      : '规划提及该实体；规划对它的表述见其关系及引文。',
    where: null,
    facts: planned ? { projectStatus: planned } : {},
    source: null,
    seeAlso: [],
  };
}

const PLAN_WORDS: Readonly<Record<keyof typeof PLAN_PROJECT_STATUSES, { en: string; zh: string }>> = {
  existing: { en: 'existing', zh: '已有项目' },
  'under-construction': { en: 'under construction (在建)', zh: '在建项目' },
  preparatory: { en: 'in preparation (前期)', zh: '前期项目' },
  planned: { en: 'planned', zh: '规划项目' },
};

/**
 * The status on `asOf` from the last dated step on or before it and the research record: with no date,
 * everything known (an undated page may show a later state than the dated steps, as `latest` says); else
 * the last step, else what the plan said once it was published. The outcome comes from later pages only: a
 * status that is only the plan's is an intention whose fate is unknown.
 */
export function statusOf(input: {
  entity: { id: string; type: string; stated: string | null; projectStatus?: unknown };
  asOf: string | null;
  last: StepRow | null;
  undatedLatest: StepRow | null;
  research: ResearchRow;
}): EntityStatusRow {
  const { entity, asOf, last, undatedLatest, research } = input;
  const base = { entity: entity.id, asOf, research };
  if (asOf === null && research.status !== null && research.date === null) {
    return {
      ...base,
      status: research.status,
      date: null,
      basis: 'later',
      outcome: LATER_STATUS_OUTCOMES[research.status],
      step: undatedLatest,
    };
  }
  if (last && last.status !== null) {
    return {
      ...base,
      status: last.status,
      date: last.date,
      basis: 'later',
      outcome: LATER_STATUS_OUTCOMES[last.status],
      step: last,
    };
  }
  const plan = planStep(entity);
  if (plan && (asOf === null || (plan.validFrom ?? '') <= asOf)) {
    return {
      ...base,
      status: plan.status,
      date: plan.date,
      basis: plan.status === null ? null : 'plan',
      outcome: 'unknown',
      step: null,
    };
  }
  return { ...base, status: null, date: null, basis: null, outcome: 'unknown', step: null };
}

/**
 * For each entity, its status on `asOf`: one statement for all of them (the GraphQL layer batches every
 * Entity.status of a request with the same asOf into one call).
 */
export function entityStatusQuery(ids: readonly string[], asOf: string | null): CypherQuery {
  return {
    cypher: /* Cypher */ `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      OPTIONAL MATCH (r:Research)-[:RESEARCH_OF]->(e)
      RETURN e.id AS id, e.type AS type, e.stated AS stated, e.projectStatus AS projectStatus,
        properties(r) AS research,
        ${lastStepOf('e')} AS last,
        CASE WHEN $asOf IS NULL AND r.status IS NOT NULL AND r.date IS NULL THEN COLLECT {
          MATCH (s:StatusStep)-[:STEP_OF]->(e) WHERE s.validFrom IS NULL AND s.source = r.source
          RETURN ${stepProjection('s')} AS step ORDER BY s.ordinal LIMIT 1
        }[0] END AS undatedLatest`,
    params: { ids: [...new Set(ids)], asOf },
  };
}

/** Turns a row of a statement that returns id, type, stated, projectStatus, research, last, undatedLatest. */
export function toEntityStatusRow(row: Record<string, unknown>, asOf: string | null): EntityStatusRow {
  return statusOf({
    entity: {
      id: String(row.id),
      type: String(row.type),
      stated: text(row.stated),
      projectStatus: row.projectStatus,
    },
    asOf,
    last: row.last ? toStepRow(row.last) : null,
    undatedLatest: row.undatedLatest ? toStepRow(row.undatedLatest) : null,
    research: toResearchRow(row.research),
  });
}

export async function readEntityStatuses(
  db: Reader,
  ids: readonly string[],
  asOf: string | null,
): Promise<Map<string, EntityStatusRow>> {
  const rows = await db.read(entityStatusQuery(ids, asOf));
  return new Map(rows.map((row) => [String(row.id), toEntityStatusRow(row, asOf)]));
}

/** The outcome that says most for the plan: realised before transformed, pending, suspended, abandoned, unknown. */
export const OUTCOME_ORDER: readonly Outcome[] = [
  'realised',
  'transformed',
  'pending',
  'suspended',
  'abandoned',
  'unknown',
];

/** Pages by id (the citation of a later fact names its page by id): one statement for all of them. */
export async function readSourcesById(db: Reader, ids: readonly string[]): Promise<Map<string, SourceRow>> {
  const rows = await db.read({
    cypher: /* Cypher */ `UNWIND $ids AS id MATCH (p:Source {id: id}) RETURN properties(p) AS page`,
    params: { ids: [...new Set(ids)] },
  });
  return new Map(rows.map((row) => toSourceRowFromRaw(row.page)).map((page) => [page.id, page]));
}
