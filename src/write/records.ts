// The rows the loader writes, exactly as they become node and relationship properties
// (docs/graph-model.md), and their construction from what the validator resolved. Both inputs, the
// curated YAML (a ResolvedGraph) and the streamed NDJSON (stream.ts), end up as these rows, so one writer
// serves both and the graph does not depend on which format a fact was written in.
import { cypherInteger } from '../infra/database.ts';
import { LATER_STATUS_OUTCOMES, type EntityType, type RelationType } from '../data/model.ts';
import type {
  LaterResearch,
  ResolvedCitation,
  ResolvedLater,
  ResolvedLaterRelation,
  ResolvedLaterSource,
  ResolvedStatusStep,
} from '../data/later.ts';
import type { CaveatTranslations } from '../data/caveats.ts';
import { foldForSearch } from '../data/language.ts';
import type { Evidence, PropertyValue, ResolvedEntity, ResolvedRelation } from '../data/validate.ts';
import type { Passage } from '../sources/types.ts';

/** Property values as sent to the driver (integers wrapped by cypherInteger). */
export type NodeProperties = Record<string, PropertyValue | readonly string[] | unknown>;

/**
 * The properties stored as INTEGER (the model's z.number().int()); every other number is a FLOAT.
 * The export writes typed columns from this table too.
 */
export const INTEGER_PROPERTIES: Readonly<
  Partial<Record<EntityType | 'Passage' | 'Meta' | 'StatusStep' | 'Chain' | 'ChainLink', readonly string[]>>
> = {
  Sector: ['level'],
  Policy: ['baseYear'],
  Indicator: ['year'],
  Passage: ['ordinal', 'start', 'end', 'factCount'],
  Meta: ['entityCount', 'relationCount', 'passageCount', 'sourceCount', 'statusStepCount'],
  StatusStep: ['ordinal'],
  // what derive.ts computes at load time
  Chain: ['productCount', 'linkCount', 'gapCount'],
  ChainLink: [
    'position',
    'covers',
    'fujianCovers',
    'fujianExisting',
    'fujianFirms',
    'fujianTaiwanFirms',
    'gapRank',
    'singleRank',
  ],
};

function withIntegers(
  owner: EntityType | 'Passage' | 'StatusStep',
  props: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of INTEGER_PROPERTIES[owner] ?? []) {
    const value = props[key];
    if (typeof value === 'number') props[key] = cypherInteger(value);
  }
  return props;
}

/** An entity node: its properties (id and type among them). */
export interface EntityNodeRow {
  readonly id: string;
  readonly type: EntityType;
  readonly props: NodeProperties;
}

/** A fact: `(from)-[:type {props}]->(to)`. */
export interface RelationRow {
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly props: NodeProperties;
}

/** `(:Entity {id: entity})-[:EVIDENCED_BY {quote}]->(:Passage {id: passage})` */
export interface EvidenceRow {
  readonly entity: string;
  readonly passage: string;
  readonly quote: string;
}

export type PassageNodeRow = NodeProperties & { readonly id: string; readonly documentId: string };

/**
 * The names a search finds an entity by (name, English name, aliases), folded (foldForSearch: Traditional
 * to Simplified, lower case): `searchNames` in that order, for ranking, and `searchText`, them joined, for
 * the full-text index `entitySearch`.
 */
export function searchNamesOf(entity: { name: string; nameEn: string; aliases: readonly string[] }): {
  searchNames: string[];
  searchText: string;
} {
  const searchNames = [entity.name, entity.nameEn, ...entity.aliases].map(foldForSearch);
  return { searchNames, searchText: searchNames.join(' ') };
}

/** The Chinese of each caveat, aligned with them (a caveat the catalogue lacks keeps its English). */
export function caveatsZhOf(caveats: readonly string[], zh: CaveatTranslations): string[] {
  return caveats.map((caveat) => zh.get(caveat) ?? caveat);
}

export function entityRow(entity: ResolvedEntity, zh: CaveatTranslations): EntityNodeRow {
  return {
    id: entity.id,
    type: entity.type,
    props: withIntegers(entity.type, {
      ...entity.properties,
      id: entity.id,
      type: entity.type,
      name: entity.name,
      nameEn: entity.nameEn,
      aliases: [...entity.aliases],
      caveats: [...entity.caveats],
      caveatsZh: caveatsZhOf(entity.caveats, zh),
      ...searchNamesOf(entity),
      ...(entity.stated === undefined ? {} : { stated: entity.stated }),
    }),
  };
}

/** One evidence link per cited passage; a quote spanning two passages links to both. */
export function evidenceRows(entity: Pick<ResolvedEntity, 'id' | 'evidence'>): EvidenceRow[] {
  return entity.evidence.map((e) => ({ entity: entity.id, passage: e.passageId, quote: e.quote }));
}

export function relationRow(relation: ResolvedRelation, zh: CaveatTranslations): RelationRow {
  return {
    type: relation.type,
    from: relation.from,
    to: relation.to,
    props: {
      ...relation.properties,
      id: relation.id,
      status: relation.status,
      caveats: [...relation.caveats],
      caveatsZh: caveatsZhOf(relation.caveats, zh),
      ...evidenceLists(relation.evidence),
      ...(relation.key === undefined ? {} : { key: relation.key }),
      ...(relation.stated === undefined ? {} : { stated: relation.stated }),
    },
  };
}

// ------------------------------------------------------------------------- later sources and time

/** A page read for data/later: `(:Source)`. */
export type SourceNodeRow = NodeProperties & { readonly id: string };

/** A status step or undated fact: `(:StatusStep)-[:STEP_OF]->(:Entity)`, with its citations. */
export type StatusStepNodeRow = NodeProperties & { readonly id: string; readonly entity: string };

/** `(:StatusStep {id: step})-[:CITES {role}]->(:Source {id: source})`: `source` for the page it rests on, `see-also` for the others. */
export interface CitesRow {
  readonly step: string;
  readonly source: string;
  readonly role: 'source' | 'see-also';
}

/** What data/later says about an entity as a whole: `(:Research {id: '<entity>#research'})-[:RESEARCH_OF]->(:Entity)`. */
export type ResearchNodeRow = NodeProperties & { readonly id: string; readonly entity: string };

/** Drops the keys whose value is null or undefined: an absent property, in both load paths. */
function present(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== null && value !== undefined),
  );
}

export function sourceRow(source: ResolvedLaterSource): SourceNodeRow {
  return present({
    id: source.id,
    url: source.url,
    publisher: source.publisher,
    title: source.title,
    date: source.date,
    dateBasis: source.dateBasis,
    language: source.language,
    kind: source.kind,
    accessed: source.accessed,
    copyOf: source.copyOf,
    note: source.note,
  }) as SourceNodeRow;
}

/** The citation of a later fact as properties: the page's id, where on it, the summaries, the other pages. */
function citationProperties(citation: ResolvedCitation): Record<string, unknown> {
  return {
    source: citation.source,
    onPage: citation.where,
    summary: citation.summary,
    summaryZh: citation.summaryZh,
    seeAlso: [...citation.seeAlso],
  };
}

export function statusStepRow(step: ResolvedStatusStep): StatusStepNodeRow {
  return withIntegers(
    'StatusStep',
    present({
      id: step.id,
      entity: step.entity,
      ordinal: step.ordinal,
      status: step.status,
      date: step.date,
      validFrom: step.validFrom,
      validTo: step.validTo,
      stated: step.stated,
      facts: step.facts,
      ...citationProperties(step.citation),
    }),
  ) as StatusStepNodeRow;
}

export function citesRows(step: ResolvedStatusStep): CitesRow[] {
  return [
    { step: step.id, source: step.citation.source, role: 'source' },
    ...step.citation.seeAlso.map((source) => ({ step: step.id, source, role: 'see-also' as const })),
  ];
}

export function researchRow(
  entity: string,
  research: LaterResearch,
  zh: CaveatTranslations,
): ResearchNodeRow {
  return present({
    id: `${entity}#research`,
    entity,
    found: research.found,
    status: research.status,
    // what became of it by the latest page: unknown when nothing dates it (LATER_STATUS_OUTCOMES)
    outcome: research.status === null ? 'unknown' : LATER_STATUS_OUTCOMES[research.status],
    date: research.date,
    source: research.source,
    note: research.note,
    caveats: [...research.caveats],
    caveatsZh: caveatsZhOf(research.caveats, zh),
    searched: [...research.searched],
  }) as ResearchNodeRow;
}

/** A fact a later page states: no quotes, its citation and the dates it holds between instead. */
export function laterRelationRow(relation: ResolvedLaterRelation, zh: CaveatTranslations): RelationRow {
  return {
    type: relation.type,
    from: relation.from,
    to: relation.to,
    props: present({
      ...relation.properties,
      id: relation.id,
      status: relation.status,
      caveats: [...relation.caveats],
      caveatsZh: caveatsZhOf(relation.caveats, zh),
      evidence: [],
      quotes: [],
      ...(relation.key === undefined ? {} : { key: relation.key }),
      stated: relation.stated,
      validFrom: relation.validFrom,
      validTo: relation.validTo,
      ...citationProperties(relation.citation),
    }),
  };
}

/** `evidence` (passage ids) and `quotes` (the cited words), aligned index by index. */
export function evidenceLists(evidence: readonly Evidence[]): { evidence: string[]; quotes: string[] } {
  return { evidence: evidence.map((e) => e.passageId), quotes: evidence.map((e) => e.quote) };
}

export function passageRow(passage: Passage): PassageNodeRow {
  return withIntegers('Passage', {
    id: passage.id,
    documentId: passage.documentId,
    ordinal: passage.index,
    section: passage.section,
    sectionPath: [...passage.sectionPath],
    kind: passage.kind,
    text: passage.text,
    // the text folded for search (foldForSearch), for the full-text index passageSearch
    searchText: foldForSearch(passage.text),
    start: passage.start,
    end: passage.end,
  }) as PassageNodeRow;
}

/** Every row of data/later, as both load paths write them. */
export function laterRows(
  later: ResolvedLater,
  zh: CaveatTranslations,
): {
  sources: SourceNodeRow[];
  steps: StatusStepNodeRow[];
  cites: CitesRow[];
  research: ResearchNodeRow[];
  relations: RelationRow[];
} {
  return {
    sources: later.sources.map(sourceRow),
    steps: later.steps.map(statusStepRow),
    cites: later.steps.flatMap(citesRows),
    research: [...later.research].map(([entity, research]) => researchRow(entity, research, zh)),
    relations: later.relations.map((relation) => laterRelationRow(relation, zh)),
  };
}
