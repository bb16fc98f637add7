// The scorecard of a zone, park or sector (docs/graph-model.md, "Time"): for every project, park and
// enterprise the plan ties to it, what the plan intended (the status of the tying facts), its status on
// `asOf` and what that means (realised, transformed, pending, suspended, abandoned, unknown), with the
// step and page that say so; and the counts over all of them. One statement, cypher/scorecard.cypher; the
// GraphQL field scorecard and `cskg query scorecard` both call readScorecard, so they cannot disagree.
import type { Outcome, RelationStatus } from '../data/model.ts';
import type { CypherQuery, Reader } from '../infra/database.ts';
import { bindNamedQuery, loadNamedQuery } from './namedQueries.ts';
import { toEdgeRow, toEntityRow, type EdgeRow, type EntityRow } from './rows.ts';
import {
  OUTCOME_ORDER,
  statusOf,
  toEntityStatusRow,
  toResearchRow,
  type EntityStatusRow,
  type StepRow,
} from './time.ts';
import { WALK_VISITS, visitLimit, type TruncationRow } from './truncation.ts';

export interface ScorecardRequest {
  readonly scope: string;
  /** YYYY-MM-DD, checked by the caller (asOfArgument); null for everything known */
  readonly asOf: string | null;
  /** most members returned with their evidence */
  readonly first: number;
  /** most parks or sectors the walk visits, and most members (WALK_VISITS unless a test asks for fewer) */
  readonly visits?: number;
}

export interface ScorecardMemberRow {
  readonly entity: EntityRow;
  /** the plan's facts (or later ones) that tie it to the scope; empty for the scope itself */
  readonly via: EdgeRow[];
  /** what the plan intended: the surest status of those facts (existing, then planned, then sought) */
  readonly intended: RelationStatus | null;
  readonly status: EntityStatusRow;
  /** one sentence: what the plan had, what became of it and who says so */
  readonly explanation: string;
}

export interface ScorecardCountRow {
  /** null for the scope itself, which nothing ties to itself */
  readonly intended: RelationStatus | null;
  readonly outcome: Outcome;
  readonly count: number;
}

export interface OutcomeCountRow {
  readonly outcome: Outcome;
  readonly count: number;
}

export interface ScorecardRow {
  readonly scope: string;
  readonly asOf: string | null;
  /** members in all (every one counted, not only those returned) */
  readonly total: number;
  /** per outcome, in OUTCOME_ORDER, zeros included */
  readonly outcomes: OutcomeCountRow[];
  /** per intended status and outcome, non-zero only */
  readonly counts: ScorecardCountRow[];
  /** the first `first` members: the scope, its parks, then projects and enterprises, each by id */
  readonly members: ScorecardMemberRow[];
  readonly truncated: boolean;
  readonly truncation: TruncationRow[];
}

export interface ScorecardResult {
  /** the type of the entity asked for, null when there is none */
  readonly scopeType: string | null;
  readonly scorecard: ScorecardRow;
}

export function scorecardQuery(request: ScorecardRequest): CypherQuery {
  return bindNamedQuery(loadNamedQuery('scorecard'), {
    scope: request.scope,
    asOf: request.asOf,
    first: request.first,
    visits: request.visits ?? WALK_VISITS,
  });
}

const STATUS_ORDER: readonly RelationStatus[] = ['existing', 'planned', 'sought'];

/** existing before planned before sought: the surest of several facts. */
function surest(statuses: readonly RelationStatus[]): RelationStatus | null {
  return STATUS_ORDER.find((s) => statuses.includes(s)) ?? null;
}

interface SlimMember {
  id: string;
  type: string;
  stated: string | null;
  projectStatus: unknown;
  intended: RelationStatus[];
  research: unknown;
  lastStatus: { status: string; date: string | null } | null;
}

export async function readScorecard(db: Reader, request: ScorecardRequest): Promise<ScorecardResult> {
  const { asOf } = request;
  const [row] = await db.read(scorecardQuery(request));
  const all = (row?.all ?? []) as SlimMember[];
  const tally = new Map<string, ScorecardCountRow>();
  for (const member of all) {
    // The outcome from the slim row: the same rule as the members' full status (statusOf).
    const last = member.lastStatus
      ? ({ status: member.lastStatus.status, date: member.lastStatus.date } as unknown as StepRow)
      : null;
    const { outcome } = statusOf({
      entity: {
        id: member.id,
        type: member.type,
        stated: member.stated,
        projectStatus: member.projectStatus,
      },
      asOf,
      last,
      undatedLatest: null,
      research: toResearchRow(member.research),
    });
    const intended = member.id === request.scope ? null : surest(member.intended);
    const key = `${intended}|${outcome}`;
    const count = tally.get(key);
    tally.set(key, { intended, outcome, count: (count?.count ?? 0) + 1 });
  }
  const counts = [...tally.values()].sort(
    (a, b) =>
      (a.intended === null ? -1 : STATUS_ORDER.indexOf(a.intended)) -
        (b.intended === null ? -1 : STATUS_ORDER.indexOf(b.intended)) ||
      OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome),
  );
  const outcomes = OUTCOME_ORDER.map((outcome) => ({
    outcome,
    count: counts.filter((c) => c.outcome === outcome).reduce((n, c) => n + c.count, 0),
  }));
  const members = ((row?.details ?? []) as Record<string, unknown>[]).map((detail): ScorecardMemberRow => {
    const entity = toEntityRow(detail.entity);
    const via = ((detail.via ?? []) as unknown[]).map(toEdgeRow);
    const intended = entity.id === request.scope ? null : surest(via.map((e) => e.status));
    const status = toEntityStatusRow(detail, asOf);
    return {
      entity: { ...entity, asOf },
      via,
      intended,
      status,
      explanation: explain(entity, via, intended, status),
    };
  });
  const truncation: TruncationRow[] = [];
  if (row?.visitsCut) truncation.push(visitLimit(request.visits ?? WALK_VISITS));
  return {
    scopeType: (row?.scopeType as string | null | undefined) ?? null,
    scorecard: {
      scope: request.scope,
      asOf,
      total: all.length,
      outcomes,
      counts,
      members,
      truncated: truncation.length > 0 || members.length < all.length,
      truncation,
    },
  };
}

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  realised: 'realised',
  transformed: 'carried on under another owner or name',
  pending: 'still pending',
  suspended: 'suspended',
  abandoned: 'abandoned',
  unknown: 'unknown',
};

/** "古雷石化120万吨/年乙烯项目: the plan has it (planned); by 2022-12-19 it was operating (realised), says 中国新闻网." */
function explain(
  entity: EntityRow,
  via: readonly EdgeRow[],
  intended: RelationStatus | null,
  status: EntityStatusRow,
): string {
  const plan =
    intended === null
      ? 'the scope itself'
      : `the plan ties it here ${via.map((e) => `(${e.type}, ${e.status})`).join(' ')}`;
  const page = status.step?.source ? `, says ${status.step.source.publisher}` : '';
  let became: string;
  if (status.basis === 'later') {
    const when = status.date ? `by ${status.date}` : 'on an undated page';
    became = `${when} it was ${status.status?.replaceAll('-', ' ')} (${OUTCOME_WORDS[status.outcome]})${page}`;
  } else if (status.research.found === 'none') {
    became =
      'no later page was found (searched: ' +
      status.research.searched.length +
      ' queries); its outcome is unknown';
  } else if (status.research.found === 'not-researched') {
    became = 'no later page has been looked for; its outcome is unknown';
  } else {
    became = `no later page dates it${status.asOf ? ` by ${status.asOf}` : ''}; its outcome is unknown`;
  }
  return `${entity.name} (${entity.nameEn}): ${plan}; ${became}.`;
}
