// `cskg query NAME`: the rows a named query prints. The named queries that are also GraphQL analyses
// (chain-gaps, policy-reach, supply-chain, shortest-paths, impact, single-points, gap-partners,
// partner-roles) run through the data-access function the resolver calls, with the same argument checks,
// and their result is laid out here as one row per gap, policy, product, path, consequence, firm, partner
// or role; so the command line and the API cannot disagree. Every other named query
// prints the rows of its statement as they are. The sentences the analyses compose (a gap's or a reach's
// explanation, the notes) come in the language asked for (`--lang`), as the API's do.
import type { Reader, Row } from '../infra/database.ts';
import { BadInputError, NotFoundError, requireEntity } from '../infra/errors.ts';
import { readChainGaps, type ChainGapKindName, type CoverageRow } from '../read/chainGaps.ts';
import { readGapPartners } from '../read/gapPartners.ts';
import { readImpact } from '../read/impact.ts';
import { readPartnerRoles } from '../read/partnerRoles.ts';
import { readSinglePoints } from '../read/singlePoints.ts';
import { bindNamedQuery, loadNamedQuery } from '../read/namedQueries.ts';
import { readPaths } from '../read/paths.ts';
import { readPolicyReach } from '../read/policyReach.ts';
import type { EdgeRow, EntityRow, PassageRow } from '../read/rows.ts';
import { readScorecard } from '../read/scorecard.ts';
import { readSupplyChain, type ChainDirectionName } from '../read/supplyChain.ts';
import { inLanguage, type Language } from '../data/language.ts';
import { asOfArgument, type SourceRow, type StepRow } from '../read/time.ts';
import { readTimeline } from '../read/timeline.ts';
import type { RelationStatus, RelationType } from '../data/model.ts';

/** parameters checked and typed against the query's header (bindNamedQuery) */
type Params = Readonly<Record<string, unknown>>;

/** The table a named query prints, and what a reader must know about it (printed apart from the rows). */
export interface NamedQueryResult {
  readonly rows: Row[];
  /** e.g. that a chain goes on beyond the depth asked for */
  readonly notes: string[];
}

/** Runs the named query `name` with command-line (or typed) parameter values and returns its table rows. */
export async function runNamedQuery(
  db: Reader,
  name: string,
  values: Params,
  language: Language = 'EN',
): Promise<NamedQueryResult> {
  const query = bindNamedQuery(loadNamedQuery(name), values);
  const analysis = ANALYSES[name];
  if (analysis) return analysis(db, query.params ?? {}, language);
  return { rows: await db.read(query), notes: [] };
}

type Analysis = (db: Reader, params: Params, language: Language) => Promise<NamedQueryResult>;

const ANALYSES: Readonly<Record<string, Analysis>> = {
  'chain-gaps': chainGapRows,
  // the same analysis as of a day (chain-gaps with --param asOf= runs it too)
  'chain-gaps-as-of': chainGapRows,
  'policy-reach': policyReachRows,
  'supply-chain': supplyChainRows,
  'shortest-paths': pathRows,
  impact: impactRows,
  'single-points': singlePointRows,
  'gap-partners': gapPartnerRows,
  'partner-roles': partnerRoleRows,
  timeline: timelineRows,
  scorecard: scorecardRows,
};

/** The most rows a what-if analysis prints (the API's maximum of `first`). */
const ANALYSIS_ROWS = 500;

const text = (value: unknown) => value as string;
const optionalText = (value: unknown) => value as string | null;
const list = <T>(value: unknown) => value as readonly T[] | null;

async function chainGapRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const sector = optionalText(params.sector);
  const product = optionalText(params.product);
  const result = await readChainGaps(db, {
    sector,
    product,
    first: Number(params.first),
    asOf: asOfArgument('asOf', optionalText(params.asOf)),
    ...(params.visits === undefined ? {} : { visits: Number(params.visits) }),
    neighbours: 0, // the rows name no upstream or downstream product
  });
  if (sector !== null) requireEntity('sector', sector, result.sectorType, 'Sector');
  if (product !== null) requireEntity('product', product, result.productType, 'Product');
  const rows = result.gaps.map((gap) => ({
    id: gap.link.id,
    name: gap.link.name,
    nameEn: gap.link.nameEn,
    gaps: gap.kinds.map(gapName),
    coveredBy: gap.coverage.map(coverCell),
    outsideFujian: gap.coverageOutsideFujian.map(coverCell),
    chain: gap.chain.name,
    explanation: inLanguage(gap.explanation, language),
    passages: gap.evidence.map(passageCell),
  }));
  return { rows, notes: result.truncation ? [inLanguage(result.truncation.message, language)] : [] };
}

/** UNCOVERED → uncovered, PLANNED_OR_SOUGHT_ONLY → planned-or-sought-only: the command line's spelling. */
export function gapName(kind: ChainGapKindName): string {
  return kind.toLowerCase().replaceAll('_', '-');
}

function coverCell({ entity, relation, taiwanInvested }: CoverageRow) {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    status: relation.status,
    ...(entity.type === 'Enterprise' ? { origin: entity.properties.origin } : {}),
    taiwanInvested,
  };
}

const passageCell = (p: PassageRow) => ({ id: p.id, section: p.section, text: p.text });

async function policyReachRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const entity = text(params.entity);
  const result = await readPolicyReach(db, {
    entity,
    first: Number(params.first),
    visits: Number(params.visits),
    asOf: asOfArgument('asOf', optionalText(params.asOf)),
  });
  requireEntity('entity', entity, result.entityType);
  const rows = result.reaches.map((reach) => ({
    id: reach.policy.id,
    name: reach.policy.name,
    type: reach.policy.type,
    relation: reach.relation.type,
    status: reach.status,
    via: reach.target.id,
    hops: reach.path.length - 1,
    // The path runs from the policy to the entity; the reason reads from the entity.
    reasonText: pathText([...reach.path.nodes].reverse(), [...reach.path.edges].reverse()),
    explanation: inLanguage(reach.explanation, language),
    passages: reach.evidence.map((p) => p.text),
  }));
  return { rows, notes: [] };
}

const DIRECTIONS: readonly ChainDirectionName[] = ['UPSTREAM', 'DOWNSTREAM', 'BOTH'];
const SIDE_ORDER = { upstream: 0, self: 1, downstream: 2 } as const;

async function supplyChainRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const product = text(params.product);
  const direction = text(params.direction).toUpperCase() as ChainDirectionName;
  if (!DIRECTIONS.includes(direction)) {
    throw new BadInputError(
      `supply-chain: direction must be upstream, downstream or both, not ${JSON.stringify(params.direction)}`,
    );
  }
  const result = await readSupplyChain(db, {
    product,
    direction,
    depth: Number(params.depth),
    statuses: list<RelationStatus>(params.statuses),
    limit: Number(params.limit),
    visits: Number(params.visits),
    asOf: asOfArgument('asOf', optionalText(params.asOf)),
  });
  requireEntity('product', product, result.productType, 'Product');
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const into = (id: string) => result.edges.filter((e) => e.target === id);
  const cell = (id: string, edge: EdgeRow, extra: Record<string, unknown> = {}) => {
    const node = nodes.get(id);
    return { id, name: node?.name ?? id, status: edge.status, ...extra };
  };
  const covering = (id: string, type: EntityRow['type']) =>
    into(id).filter((e) => e.type !== 'INPUT_TO' && nodes.get(e.source)?.type === type);
  const origin = (id: string) => ({ origin: nodes.get(id)?.properties.origin });
  const positions = [...result.products].sort(
    (a, b) =>
      SIDE_ORDER[a.side] - SIDE_ORDER[b.side] ||
      (a.side === 'upstream' ? b.distance - a.distance : a.distance - b.distance) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows = positions.map(({ id, side, distance }) => {
    const projects = covering(id, 'Project');
    return {
      side,
      distance,
      id,
      name: nodes.get(id)?.name ?? id,
      nameEn: nodes.get(id)?.nameEn ?? '',
      feeds: result.edges
        .filter((e) => e.type === 'INPUT_TO' && e.source === id)
        .map((e) => cell(e.target, e)),
      parks: covering(id, 'Park').map((e) => cell(e.source, e)),
      regions: covering(id, 'Region').map((e) => cell(e.source, e)),
      projects: projects.map((e) => cell(e.source, e)),
      // Firms that make it, directly or through a project they own (`via` names the project).
      enterprises: [
        ...covering(id, 'Enterprise').map((e) => cell(e.source, e, origin(e.source))),
        ...projects.flatMap((p) =>
          into(p.source)
            .filter((e) => e.type === 'OWNS')
            .map((e) => cell(e.source, p, { ...origin(e.source), via: nodes.get(p.source)?.name })),
        ),
      ],
    };
  });
  const notes = result.truncation.map((cut) =>
    inLanguage(
      cut.reason === 'DEPTH'
        ? {
            en:
              `The chain goes on beyond depth ${String(params.depth)}: the products shown stop there; ` +
              'raise --param depth (at most 10) to see further.',
            zh: `产业链超出深度 ${String(params.depth)} 还在延续，所列产品止于此；调大 --param depth（最多 10）可看得更远。`,
          }
        : cut.reason === 'NODE_LIMIT'
          ? {
              en: `${cut.message.en} (--param limit, at most 5000)`,
              zh: `${cut.message.zh}（--param limit，最多 5000）`,
            }
          : cut.message,
      language,
    ),
  );
  return { rows, notes };
}

async function pathRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const from = text(params.from);
  const to = text(params.to);
  if (from === to) throw new BadInputError(`from and to are the same entity (${JSON.stringify(from)}).`);
  const result = await readPaths(db, {
    from,
    to,
    maxHops: Number(params.maxHops),
    first: Number(params.first),
    relationTypes: list<RelationType>(params.relationTypes),
    statuses: list<RelationStatus>(params.statuses),
    asOf: asOfArgument('asOf', optionalText(params.asOf)),
    visits: Number(params.visits),
  });
  requireEntity('from', from, result.fromType);
  requireEntity('to', to, result.toType);
  const rows = result.paths.map((path) => ({
    hops: path.length,
    path: pathText(path.nodes, path.edges),
    ids: path.nodes.map((n) => n.id),
    statuses: path.edges.map((e) => e.status),
  }));
  return { rows, notes: result.truncation ? [inLanguage(result.truncation.message, language)] : [] };
}

/** 友达光电 -ANCHORS-> 翔安组团 <-HOSTS- …: the names along a path, each fact in its own direction. */
export function pathText(nodes: readonly EntityRow[], edges: readonly EdgeRow[]): string {
  let out = nodes[0]?.name ?? '';
  edges.forEach((edge, i) => {
    const left = nodes[i];
    const right = nodes[i + 1];
    const arrow = edge.source === left?.id ? ` -${edge.type}-> ` : ` <-${edge.type}- `;
    out += arrow + (right?.name ?? '');
  });
  return out;
}

// ------------------------------------------------------------------------------------------ what if

async function impactRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const entities = [...new Set(list<string>(params.entities) ?? [])];
  if (entities.length === 0) throw new BadInputError('impact needs --param entities=<id>[,<id>…]');
  const result = await readImpact(db, { entities, first: ANALYSIS_ROWS, visits: Number(params.visits) });
  if (result.missing.length > 0)
    throw new NotFoundError(
      `entities: there is no entity with id ${result.missing.map((id) => JSON.stringify(id)).join(', ')}.`,
    );
  const rows = result.consequences.map((c) => ({
    kind: c.kind.toLowerCase().replaceAll('_', '-'),
    id: c.entity.id,
    name: c.entity.name,
    remaining: c.remaining,
    distance: c.distance,
    path: c.paths[0] ? pathText(c.paths[0].nodes, c.paths[0].edges) : '',
    explanation: inLanguage(c.explanation, language),
    passages: c.evidence.map((p) => p.id),
  }));
  const notes = [
    `Fails with them: ${result.failedWith.map((f) => f.entity.name).join('、') || 'nothing else'}.`,
    ...result.truncation.map((cut) => inLanguage(cut.message, language)),
  ];
  return { rows, notes };
}

async function singlePointRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const product = optionalText(params.product);
  const result = await readSinglePoints(db, { product, first: ANALYSIS_ROWS, visits: Number(params.visits) });
  if (product !== null) requireEntity('product', product, result.productType, 'Product');
  const rows = result.ranking.map((rank) => ({
    id: rank.entity.id,
    name: rank.entity.name,
    type: rank.entity.type,
    uncovers: rank.uncovers,
    links: rank.links.map((l) => l.name),
    explanation: inLanguage(rank.explanation, language),
    passages: rank.evidence.map((p) => p.id),
  }));
  const notes = [
    ...result.links.map((l) => `${l.chain.name}: ${inLanguage(l.explanation, language)}`),
    ...result.truncation.map((cut) => inLanguage(cut.message, language)),
  ];
  return { rows, notes };
}

async function gapPartnerRows(db: Reader, params: Params): Promise<NamedQueryResult> {
  const sector = optionalText(params.sector);
  const product = optionalText(params.product);
  const result = await readGapPartners(db, {
    sector,
    product,
    first: Number(params.first),
    partners: Number(params.partners),
  });
  if (sector !== null) requireEntity('sector', sector, result.sectorType, 'Sector');
  if (product !== null) requireEntity('product', product, result.productType, 'Product');
  const rows = result.gaps.flatMap((gap) =>
    gap.partners.map((partner, rank) => ({
      gap: gap.link.name,
      rank: rank + 1,
      id: partner.entity.id,
      name: partner.entity.name,
      taiwanSide: partner.taiwanSide,
      reasons: partner.reasons.map((r) => r.kind.toLowerCase().replaceAll('_', '-')),
      path: partner.reasons[0] ? pathText(partner.reasons[0].path.nodes, partner.reasons[0].path.edges) : '',
      passages: partner.evidence.map((p) => p.id),
    })),
  );
  return { rows, notes: [] };
}

async function partnerRoleRows(db: Reader, _params: Params, language: Language): Promise<NamedQueryResult> {
  const result = await readPartnerRoles(db, { first: 1000 });
  const rows = result.roles.map((role) => ({
    id: role.entity.id,
    name: role.entity.name,
    side: role.side.toLowerCase().replaceAll('_', '-'),
    betweenness: Number(role.betweenness.toFixed(4)),
    partners: role.degree,
    crossSide: role.crossSideTies,
    community: role.community,
    bridge: role.bridge,
  }));
  const notes = [
    inLanguage(
      {
        en: `${result.nodeCount} entities, ${result.edgeCount} pairs of partners, ${result.communities.length} communities (modularity ${result.modularity.toFixed(3)}).`,
        zh: `${result.nodeCount}个实体、${result.edgeCount}对合作伙伴、${result.communities.length}个社群（模块度 ${result.modularity.toFixed(3)}）。`,
      },
      language,
    ),
    ...result.truncation.map((cut) => inLanguage(cut.message, language)),
  ];
  return { rows, notes };
}

/** A page as the command line shows it: publisher, date, title and address. */
const pageCell = (page: SourceRow | null) =>
  page ? { publisher: page.publisher, date: page.date, title: page.title, url: page.url } : null;

/** One row per step of the timeline: the plan's, the dated ones, then (without asOf) the undated facts. */
async function timelineRows(db: Reader, params: Params): Promise<NamedQueryResult> {
  const entity = text(params.entity);
  const asOf = asOfArgument('asOf', optionalText(params.asOf));
  const result = await readTimeline(db, { entity, asOf, first: Number(params.first) });
  requireEntity('entity', entity, result.entityType);
  const timeline = result.timeline;
  if (!timeline) return { rows: [], notes: [] };
  const row = (step: StepRow) => ({
    date: step.date,
    basis: step.basis,
    status: step.status,
    outcome: step.outcome,
    summary: step.summary,
    where: step.where,
    source: pageCell(step.source),
    seeAlso: step.seeAlso.map(pageCell),
  });
  const { status, research } = timeline;
  const notes = [
    `Status${asOf ? ` on ${asOf}` : ''}: ${status.status ?? 'none known'}${status.date ? ` (${status.date})` : ''}; outcome ${status.outcome}.`,
    ...(research.found === 'none'
      ? [`No later page was found; searched: ${research.searched.join(' | ')}`]
      : []),
    ...(research.found === 'not-researched' ? ['data/later does not describe this entity.'] : []),
    ...research.caveats.map((caveat) => `Caveat: ${caveat}`),
    ...(timeline.truncated
      ? [`More than ${String(params.first)} later steps: raise --param first (at most 500).`]
      : []),
  ];
  return { rows: [...timeline.steps.map(row), ...timeline.undated.map(row)], notes };
}

/** One row per member of the scorecard; the counts by outcome are the notes. */
async function scorecardRows(db: Reader, params: Params, language: Language): Promise<NamedQueryResult> {
  const scope = text(params.scope);
  const asOf = asOfArgument('asOf', optionalText(params.asOf));
  const result = await readScorecard(db, {
    scope,
    asOf,
    first: Number(params.first),
    visits: Number(params.visits),
  });
  requireEntity('scope', scope, result.scopeType, ['Park', 'Sector']);
  const { scorecard } = result;
  const rows = scorecard.members.map((member) => ({
    id: member.entity.id,
    name: member.entity.name,
    type: member.entity.type,
    intended: member.intended,
    status: member.status.status,
    date: member.status.date,
    outcome: member.status.outcome,
    source: pageCell(member.status.step?.source ?? null),
    explanation: member.explanation,
  }));
  const notes = [
    `${scorecard.total} members${asOf ? ` as of ${asOf}` : ''}: ` +
      scorecard.outcomes.map((o) => `${o.count} ${o.outcome}`).join(', ') +
      '.',
    ...scorecard.truncation.map((cut) => inLanguage(cut.message, language)),
    ...(scorecard.members.length < scorecard.total
      ? [`The first ${scorecard.members.length} members are listed: raise --param first (at most 500).`]
      : []),
  ];
  return { rows, notes };
}
