// The shapes every data-access module of src/read returns (entities, facts, passages), the Cypher
// projections that produce them, and the mapping from driver rows. One projection per shape, so the
// API returns the same fields whichever query found the node.
import type { EntityType, RelationStatus, RelationType } from '../data/model.ts';
import { degreeOf } from './fragments.ts';

export type PropertyValue = string | number | boolean | readonly string[] | readonly number[] | null;

/** An entity node: the common fields, and its type-specific properties (kind, areaKm2, origin, ...). */
export interface EntityRow {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly nameEn: string;
  readonly aliases: readonly string[];
  /** in English, as data/ writes them */
  readonly caveats: readonly string[];
  /** their Chinese (简体), aligned with `caveats` (data/caveats.zh.yaml; the English where it has none) */
  readonly caveatsZh: readonly string[];
  /** relations to other entities, both directions */
  readonly degree: number;
  /** type-specific properties only (the common ones and the loader's searchNames and searchText left out) */
  readonly properties: Readonly<Record<string, PropertyValue>>;
  /** when the source of its quotes was published (the plan's date), null when unknown */
  readonly stated: string | null;
  /**
   * the date of the walk or analysis that returned it (its asOf): Entity.status defaults to it; absent
   * (or null) when it was not asked as of a date
   */
  readonly asOf?: string | null;
}

/** Where a later fact comes from: a page of data/later, where on it, and the project's summary. */
export interface CitationRow {
  /** id of the page, a (:Source) */
  readonly source: string;
  readonly where: string;
  readonly summary: string;
  readonly summaryZh: string;
  readonly seeAlso: readonly string[];
}

/** A fact `(source)-[type]->(target)`. */
export interface EdgeRow {
  readonly id: string;
  readonly type: RelationType;
  readonly source: string;
  readonly target: string;
  readonly status: RelationStatus;
  readonly caveats: readonly string[];
  /** their Chinese (简体), aligned with `caveats` */
  readonly caveatsZh: readonly string[];
  /** passage ids, aligned with `quotes` */
  readonly evidence: readonly string[];
  readonly quotes: readonly string[];
  /** relation-specific scalar properties (share, key, ...) */
  readonly properties: Readonly<Record<string, PropertyValue>>;
  /** when it was stated: the plan's date, or the date of the later page that states it (null when unknown) */
  readonly stated: string | null;
  /** from when (and until when) it holds, as a later page says; null for the plan's facts */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** the page a later fact rests on; null for a fact of the plan (its provenance is its quotes) */
  readonly citation: CitationRow | null;
}

export interface PassageRow {
  readonly id: string;
  readonly documentId: string;
  readonly section: string;
  readonly sectionPath: readonly string[];
  readonly ordinal: number;
  readonly kind: string | null;
  readonly text: string;
  readonly start: number | null;
  readonly end: number | null;
  /** the words cited, when the passage is reached as the evidence of a fact */
  readonly quote: string | null;
}

const ENTITY_COMMON = new Set([
  'id',
  'type',
  'name',
  'nameEn',
  'aliases',
  'caveats',
  'caveatsZh',
  'searchNames',
  'searchText',
  'stated',
]);
const EDGE_COMMON = new Set([
  'id',
  'status',
  'caveats',
  'caveatsZh',
  'evidence',
  'quotes',
  'stated',
  'validFrom',
  'validTo',
  'source',
  'onPage',
  'summary',
  'summaryZh',
  'seeAlso',
]);

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/*
 * Projections. The argument is a Cypher variable name chosen by the calling module (a constant, never
 * input). Entities carry their degree, counted over facts only (passages are not entities).
 */
export const entityProjection = (n: string) =>
  /* Cypher */ `{ props: properties(${n}), degree: ${degreeOf(n)} }`;

export const edgeProjection = (r: string) =>
  /* Cypher */ `{ type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id, props: properties(${r}) }`;

export const passageProjection = (p: string) =>
  /* Cypher */ `${p} { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end }`;

interface RawEntity {
  props: Record<string, unknown>;
  degree: number;
}

interface RawEdge {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The Chinese caveats, or the English ones where the graph has none aligned with them. */
function zhOf(props: Record<string, unknown>): string[] {
  const caveats = strings(props.caveats);
  const zh = strings(props.caveatsZh);
  return zh.length === caveats.length ? zh : caveats;
}

export function toEntityRow(raw: unknown): EntityRow {
  const { props, degree } = raw as RawEntity;
  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!ENTITY_COMMON.has(key)) properties[key] = value as PropertyValue;
  }
  return {
    id: String(props.id),
    type: props.type as EntityType,
    name: String(props.name ?? ''),
    nameEn: String(props.nameEn ?? ''),
    aliases: strings(props.aliases),
    caveats: strings(props.caveats),
    caveatsZh: zhOf(props),
    degree: Number(degree ?? 0),
    properties,
    stated: textOrNull(props.stated),
  };
}

/**
 * toEntityRow for the rows of a walk or analysis asked as of a day: each carries that day, so its
 * Entity.status is the status on it unless asked otherwise.
 */
export function entityRowsOn(asOf: string | null | undefined): (raw: unknown) => EntityRow {
  return asOf === null || asOf === undefined ? toEntityRow : (raw) => ({ ...toEntityRow(raw), asOf });
}

export function toEdgeRow(raw: unknown): EdgeRow {
  const { type, source, target, props } = raw as RawEdge;
  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!EDGE_COMMON.has(key)) properties[key] = value as PropertyValue;
  }
  return {
    id: String(props.id ?? `${source}|${type}|${target}`),
    type: type as RelationType,
    source,
    target,
    status: (props.status ?? 'existing') as RelationStatus,
    caveats: strings(props.caveats),
    caveatsZh: zhOf(props),
    evidence: strings(props.evidence),
    quotes: strings(props.quotes),
    properties,
    stated: textOrNull(props.stated),
    validFrom: textOrNull(props.validFrom),
    validTo: textOrNull(props.validTo),
    citation:
      typeof props.source === 'string'
        ? {
            source: props.source,
            where: String(props.onPage ?? ''),
            summary: String(props.summary ?? ''),
            summaryZh: String(props.summaryZh ?? ''),
            seeAlso: strings(props.seeAlso),
          }
        : null,
  };
}

export function toPassageRow(raw: unknown, quote: string | null = null): PassageRow {
  const p = raw as Record<string, unknown>;
  return {
    id: String(p.id),
    documentId: String(p.documentId ?? ''),
    section: String(p.section ?? ''),
    sectionPath: strings(p.sectionPath),
    ordinal: Number(p.ordinal ?? 0),
    kind: typeof p.kind === 'string' ? p.kind : null,
    text: String(p.text ?? ''),
    start: typeof p.start === 'number' ? p.start : null,
    end: typeof p.end === 'number' ? p.end : null,
    quote,
  };
}

/** A property as text: numbers in their shortest decimal form, lists joined with "; ". */
export function propertyText(value: PropertyValue): string {
  if (Array.isArray(value)) return value.map(String).join('; ');
  return String(value);
}

/** `[{key, value}]` sorted by key, for Entity.attributes and Edge.attributes. */
export function attributesOf(
  properties: Readonly<Record<string, PropertyValue>>,
): { key: string; value: string }[] {
  return Object.keys(properties)
    .filter((key) => properties[key] !== null && properties[key] !== undefined)
    .sort()
    .map((key) => ({ key, value: propertyText(properties[key] as PropertyValue) }));
}

/** The statuses in Chinese, as the explorer's Chinese interface names them. */
export const STATUS_ZH: Readonly<Record<RelationStatus, string>> = { existing: '已有', planned: '规划', sought: '争取' };

/** sought < planned < existing: the weakest status of several facts (a path is as sure as its weakest hop). */
export function weakestStatus(statuses: readonly RelationStatus[]): RelationStatus {
  if (statuses.includes('sought')) return 'sought';
  if (statuses.includes('planned')) return 'planned';
  return 'existing';
}
