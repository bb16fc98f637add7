// The data model of data/graph as code: entity types and their properties, relation types with the
// endpoint labels each allows, statuses, the id pattern, and zod schemas for every file. This module is
// the single source of truth: the validator, the loader and the GraphQL layer import these constants
// rather than repeating them. docs/data-format.md is the same contract in prose; change both together.
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------- entities

export const ENTITY_TYPES = [
  'Region',
  'Park',
  'Sector',
  'Product',
  'Enterprise',
  'Project',
  'Association',
  'Agency',
  'Policy',
  'Measure',
  'Event',
  'Indicator',
  'Document',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

/** "<type in lower case>:<ascii kebab slug>", e.g. enterprise:auo, park:xiamen-xiang-an */
export const ENTITY_ID_PATTERN = new RegExp(`^(${ENTITY_TYPES.map((t) => t.toLowerCase()).join('|')}):[a-z0-9]+(?:-[a-z0-9]+)*$`);

/** The id prefix an entity of this type must carry: "enterprise" for Enterprise. */
export function idPrefixOf(type: EntityType): string {
  return type.toLowerCase();
}

export const REGION_LEVELS = ['province', 'city', 'county', 'district', 'town', 'island', 'taiwan-place', 'area'] as const;
export const PARK_KINDS = [
  'comprehensive-zone',
  'taiwan-investment-zone',
  'specialised-park',
  'sub-area',
  'farmer-park',
  'software-park',
  'port-area',
  'industrial-park',
  'base',
  'centre',
  'port',
  'airport',
] as const;
export const PARK_LEVELS = ['national', 'provincial'] as const;
export const ENTERPRISE_ORIGINS = ['taiwan', 'mainland', 'foreign', 'unknown'] as const;
export const PROJECT_STATUSES = ['existing', 'under-construction', 'preparatory', 'planned'] as const;
export const ASSOCIATION_SIDES = ['taiwan', 'mainland', 'cross-strait'] as const;
export const POLICY_KINDS = ['plan', 'layout', 'opinion', 'agreement', 'catalogue', 'regulation', 'measure-set'] as const;
export const MEASURE_KINDS = ['land', 'tax', 'finance', 'approval', 'market-access', 'service', 'talent', 'other'] as const;
export const INDICATOR_KINDS = ['actual', 'target'] as const;
/**
 * Where a sector stands in the tree of 三次产业: `three-sector` is one of the three roots (第一、二、三产业), an
 * `industry` has one parent in the tree, a `grouping` (先进制造业, 战略性新兴产业, 现代海洋产业 ...) gathers
 * industries across the tree without being part of it.
 */
export const SECTOR_KINDS = ['three-sector', 'industry', 'grouping'] as const;
/** A `good` is made and sold; a `process` is a production step, service or technique (炼油, 晶圆代工, 萃取技术). */
export const PRODUCT_KINDS = ['good', 'process'] as const;
/** How a figure of the plan bounds the quantity: 700多家 is at least 700, 10%左右 about 10%, 5亿美元以下 at most. */
export const NUMBER_BOUNDS = ['exact', 'at-least', 'at-most', 'about'] as const;

const text = z.string();
const year = z.number().int().min(1900).max(2100);
/** "2011–2015" (en dash, as the plan's metadata writes it) or "2011-2015" */
const period = z.string().regex(/^\d{4}[–-]\d{4}$/, 'a period is written "2011–2015"');
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date is written "2011-10-29" (or "2011-10")');
/** A figure that qualifies a measure or what an indicator counts: 5亿美元以下, 投资总额千万美元以上, 下降20%. */
const threshold = { threshold: z.number(), thresholdUnit: text, thresholdBound: z.enum(NUMBER_BOUNDS) };

/**
 * Type-specific properties, written at the top level of an entity (see the table in docs/data-format.md).
 * Every one is optional: the plan does not always state it. A property not listed here is an error, so a
 * misspelt key cannot silently drop data.
 */
export const ENTITY_PROPERTIES = {
  Region: { level: z.enum(REGION_LEVELS) },
  Park: { kind: z.enum(PARK_KINDS), areaKm2: z.number().positive(), level: z.enum(PARK_LEVELS) },
  Sector: { kind: z.enum(SECTOR_KINDS), level: z.number().int().min(1) },
  Product: { kind: z.enum(PRODUCT_KINDS) },
  Enterprise: { origin: z.enum(ENTERPRISE_ORIGINS) },
  Project: { capacity: z.number().positive(), unit: text, projectStatus: z.enum(PROJECT_STATUSES) },
  Association: { side: z.enum(ASSOCIATION_SIDES) },
  Agency: {},
  Policy: { kind: z.enum(POLICY_KINDS), issuer: text, baseYear: year, period },
  Measure: { kind: z.enum(MEASURE_KINDS), ...threshold },
  Event: { city: text },
  Indicator: {
    value: z.number(),
    unit: text,
    bound: z.enum(NUMBER_BOUNDS),
    year,
    period,
    kind: z.enum(INDICATOR_KINDS),
    subject: text,
    ...threshold,
    enumerates: z.boolean(),
  },
  Document: { documentId: text, published: isoDate, circulated: isoDate, drafted: isoDate },
} as const satisfies Record<EntityType, Record<string, z.ZodType>>;

/** A quote: the words as the source writes them, or { text, occurrence } to pick the N-th (1-based) of several. */
export const quoteSchema = z.union([
  z.string(),
  z.strictObject({ text: z.string(), occurrence: z.number().int().positive().optional() }),
]);

/** Properties every entity has, whatever its type. */
export const ENTITY_COMMON_PROPERTIES = ['id', 'type', 'name', 'nameEn', 'aliases', 'caveats', 'quotes', 'homonyms'] as const;

function entitySchemaFor<T extends EntityType>(type: T) {
  return z.strictObject({
    id: z.string(),
    type: z.literal(type),
    name: z.string(),
    nameEn: z.string(),
    aliases: z.array(z.string()).default([]),
    caveats: z.array(z.string()).default([]),
    quotes: z.array(quoteSchema),
    /** ids of the other entities the plan calls by one of this entity's names (checked by the validator, not loaded) */
    homonyms: z.array(z.string()).default([]),
    ...optionalShape(ENTITY_PROPERTIES[type]),
  });
}

/** One strict schema per entity type; an entity is checked against the one its `type` names. */
export const ENTITY_SCHEMAS = Object.fromEntries(ENTITY_TYPES.map((t) => [t, entitySchemaFor(t)])) as {
  [T in EntityType]: ReturnType<typeof entitySchemaFor<T>>;
};

// --------------------------------------------------------------------------------------------- relations

export const RELATION_TYPES = [
  'LOCATED_IN',
  'PART_OF',
  'FOCUSES_ON',
  'IN_SECTOR',
  'PRODUCES',
  'INPUT_TO',
  'SUPPORTS',
  'COOPERATES_WITH',
  'PARTNERS_WITH',
  'INVESTS_IN',
  'OWNS',
  'ANCHORS',
  'TARGETS',
  'APPLIES_TO',
  'BASED_ON',
  'MEASURES',
  'HOSTS',
  'COUNTERPART_OF',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && (RELATION_TYPES as readonly string[]).includes(value);
}

export interface RelationRule {
  /** labels allowed at the start of the relation (the direction docs/data-format.md's table gives) */
  readonly from: readonly EntityType[];
  /** labels allowed at its end */
  readonly to: readonly EntityType[];
  /** one line, for schema.graphql and the docs */
  readonly description: string;
}

const ANY: readonly EntityType[] = ENTITY_TYPES;

/** The relation types and the endpoint labels each allows (docs/data-format.md, "Relationship types"). */
export const RELATION_RULES: Readonly<Record<RelationType, RelationRule>> = {
  LOCATED_IN: {
    from: ['Park', 'Enterprise', 'Project', 'Region', 'Event', 'Association', 'Agency'],
    to: ['Region'],
    description: 'lies in, or is seated in, a region',
  },
  PART_OF: {
    from: ['Park', 'Region', 'Sector', 'Policy', 'Measure'],
    to: ['Park', 'Region', 'Sector', 'Policy'],
    description: 'is a sub-area, sub-region, sub-sector or part of a larger policy',
  },
  FOCUSES_ON: {
    from: ['Park', 'Region'],
    to: ['Sector', 'Product'],
    description: 'a park or region develops (重点发展, 布局) this sector or product',
  },
  IN_SECTOR: {
    from: ['Product', 'Enterprise', 'Project'],
    to: ['Sector'],
    description: 'belongs to a sector',
  },
  PRODUCES: {
    from: ['Enterprise', 'Project', 'Park'],
    to: ['Product'],
    description: 'makes or will make this product; for a product of kind process, runs the process (a refinery refines)',
  },
  INPUT_TO: {
    from: ['Product'],
    to: ['Product'],
    description: 'feeds the product it points to: one link of a supply chain, upstream to downstream',
  },
  SUPPORTS: {
    from: ['Park', 'Sector', 'Region', 'Enterprise', 'Agency', 'Association'],
    to: ['Park', 'Sector', 'Region', 'Enterprise', 'Project'],
    description: 'serves or supplies another (配套)',
  },
  COOPERATES_WITH: {
    from: ANY,
    to: ANY,
    description: 'cooperates with (合作, 对接, 交流); the direction is as the plan writes it',
  },
  PARTNERS_WITH: {
    from: ['Enterprise', 'Association', 'Agency'],
    to: ['Enterprise', 'Association', 'Agency', 'Park'],
    description: 'a named partnership between organisations, or with a park',
  },
  INVESTS_IN: {
    from: ['Enterprise'],
    to: ['Enterprise', 'Project', 'Region', 'Park'],
    description: 'invests in (with share when the plan gives one)',
  },
  OWNS: {
    from: ['Enterprise'],
    to: ['Project', 'Enterprise'],
    description: 'owns or carries out a project, or owns a company',
  },
  ANCHORS: {
    from: ['Enterprise'],
    to: ['Park', 'Sector'],
    description: 'is a leading enterprise (龙头企业) of a park or sector',
  },
  TARGETS: {
    from: ['Policy', 'Document', 'Measure'],
    to: ANY,
    description: 'a plan or policy sets out to grow or attract this',
  },
  APPLIES_TO: {
    from: ['Policy', 'Measure'],
    to: ANY,
    description: 'a policy or measure applies to this park, sector, region or kind of firm',
  },
  BASED_ON: {
    from: ['Policy', 'Document', 'Measure', 'Indicator'],
    to: ['Policy', 'Document', 'Indicator'],
    description:
      'rests on, implements or follows another policy or document; for an indicator, the figure it grows from or is a share or multiple of',
  },
  MEASURES: {
    from: ['Indicator'],
    to: ANY,
    description: 'a statistic or target about this subject',
  },
  HOSTS: {
    from: ['Region', 'Park', 'Agency'],
    to: ['Event', 'Project', 'Enterprise'],
    description: 'holds an event, or is home to a project or enterprise',
  },
  COUNTERPART_OF: {
    from: ['Park', 'Region', 'Association'],
    to: ['Park', 'Region', 'Association'],
    description: 'the Taiwan-side counterpart of a mainland park, region or association',
  },
};

export const RELATION_STATUSES = ['existing', 'planned', 'sought'] as const;
export type RelationStatus = (typeof RELATION_STATUSES)[number];

/**
 * Relations that state what something is rather than what the plan intends: a sector of a product, the owner of a
 * project, what an indicator measures, what a policy rests on, the parts of a sector tree or of a policy. They hold
 * as soon as the plan states them, so their status is always `existing`; the plan's intent is on its TARGETS,
 * APPLIES_TO and FOCUSES_ON relations, on Project.projectStatus and on Indicator.kind. (PART_OF between parks and
 * regions is spatial: a planned extension or sub-area is `planned`.)
 */
export function isStructuralRelation(type: RelationType, fromType: EntityType): boolean {
  if (type === 'PART_OF') return fromType === 'Sector' || fromType === 'Policy' || fromType === 'Measure';
  return type === 'IN_SECTOR' || type === 'MEASURES' || type === 'OWNS' || type === 'BASED_ON';
}

/** Relation-specific properties, written at the top level of a relation. */
export const RELATION_PROPERTIES = {
  INVESTS_IN: { share: z.number().gt(0).max(1) },
} as const satisfies Partial<Record<RelationType, Record<string, z.ZodType>>>;

export const RELATION_COMMON_PROPERTIES = ['type', 'from', 'to', 'status', 'quotes', 'caveats', 'key'] as const;

function relationSchemaFor<T extends RelationType>(type: T) {
  const extra: Record<string, z.ZodType> = (RELATION_PROPERTIES as Partial<Record<RelationType, Record<string, z.ZodType>>>)[type] ?? {};
  return z.strictObject({
    type: z.literal(type),
    from: z.string(),
    to: z.string(),
    status: z.enum(RELATION_STATUSES),
    quotes: z.array(quoteSchema),
    caveats: z.array(z.string()).default([]),
    key: z.string().optional(),
    ...optionalShape(extra),
  });
}

export const RELATION_SCHEMAS = Object.fromEntries(RELATION_TYPES.map((t) => [t, relationSchemaFor(t)])) as {
  [T in RelationType]: ReturnType<typeof relationSchemaFor<T>>;
};

/** `<from>|<TYPE>|<to>`, plus `|<key>` when given: the derived id of a relation. */
export function relationId(relation: { from: string; type: string; to: string; key?: string | undefined }): string {
  const base = `${relation.from}|${relation.type}|${relation.to}`;
  return relation.key === undefined ? base : `${base}|${relation.key}`;
}

// ------------------------------------------------------------------------------------------------ files

/** The source every quote of a graph file is resolved against when the file does not say. */
export const DEFAULT_DOCUMENT_ID = 'fujian-plan-2011';

/** The top level of data/graph/*.yaml; entries are checked one by one, so here they are only lists. */
export const graphFileSchema = z.strictObject({
  document: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
  relations: z.array(z.unknown()).optional(),
});

/** data/sources/<id>.yaml. Keys beyond these are kept (the metadata may say more than the code uses). */
export const sourceMetadataSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a document id is an ascii kebab slug, e.g. fujian-plan-2011'),
  file: z.string().optional(),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  issuer: z.string().min(1),
  issuerEn: z.string().optional(),
  published: isoDate,
  circulated: isoDate.optional(),
  planPeriod: period.optional(),
  baseYear: year.optional(),
  language: z.string().optional(),
});
export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;

function optionalShape(shape: Record<string, z.ZodType>): Record<string, z.ZodOptional<z.ZodType>> {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()]));
}

// ------------------------------------------------------------------------------- later sources and time

/**
 * What a later source says became of a project, park or enterprise (data/later, docs/data-format.md
 * "Later sources and status steps"): the vocabulary of a status step.
 */
export const LATER_STATUSES = [
  'planned',
  'under-construction',
  'operating',
  'expanded',
  'suspended',
  'cancelled',
  'reorganised',
  'renamed',
  'merged',
  'acquired',
  'bankrupt',
  'closed',
  'unknown',
] as const;
export type LaterStatus = (typeof LATER_STATUSES)[number];

/**
 * What became of an intention of the plan, read from the latest later status: `realised` (it runs),
 * `transformed` (it goes on under another owner or name), `pending` (still planned or being built),
 * `suspended`, `abandoned` (cancelled, closed, bankrupt) or `unknown` (no later source dates it).
 */
export const OUTCOMES = ['realised', 'transformed', 'pending', 'suspended', 'abandoned', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LATER_STATUS_OUTCOMES: Readonly<Record<LaterStatus, Outcome>> = {
  planned: 'pending',
  'under-construction': 'pending',
  operating: 'realised',
  expanded: 'realised',
  suspended: 'suspended',
  cancelled: 'abandoned',
  reorganised: 'transformed',
  renamed: 'transformed',
  merged: 'transformed',
  acquired: 'transformed',
  bankrupt: 'abandoned',
  closed: 'abandoned',
  unknown: 'unknown',
};

/** The plan's own status of a project (Project.projectStatus) in the vocabulary of status steps. */
export const PLAN_PROJECT_STATUSES: Readonly<Record<(typeof PROJECT_STATUSES)[number], LaterStatus>> = {
  existing: 'operating',
  'under-construction': 'under-construction',
  preparatory: 'planned',
  planned: 'planned',
};

/** A date as precise as its source gives it: "2013", "2013-07" or "2013-07-30". */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether `text` is a real date of one of the three precisions (2013-02-30 is not). */
export function isPartialDate(text: string): boolean {
  if (!PARTIAL_DATE_PATTERN.test(text)) return false;
  if (text.length < 10) return true;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The first day a partial date covers: "2013" → "2013-01-01", "2013-07" → "2013-07-01". */
export function firstDayOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/**
 * Two partial dates compared at the coarser precision of the two, so "2013" neither precedes nor follows
 * "2013-07-30" (the order of status steps, docs/data-format.md).
 */
export function compareCoarse(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

const partialDate = z.string().refine(isPartialDate, 'a date is written "2013", "2013-07" or "2013-07-30" (as a quoted string)');
const laterText = z.string().trim().min(1);
const sourceId = z.string().regex(/^web:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a source id is web:<publisher>-<date>-<slug>, e.g. web:163-2013-07-30-zhangzhou-px-blast');

/** One page read for data/later (data/later/sources.yaml). */
export const laterSourceSchema = z.strictObject({
  id: sourceId,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
  publisher: laterText,
  title: laterText,
  date: partialDate.nullable(),
  /** where the date comes from: stated on the page, encoded in the address, or none */
  dateBasis: z.enum(['page', 'url', 'none']),
  language: laterText,
  kind: laterText,
  accessed: partialDate,
  copyOf: laterText.optional(),
  note: laterText.optional(),
});
export type LaterSource = z.infer<typeof laterSourceSchema>;

/** Figures, owners and shares a step reports: a mapping of names to values (nested mappings and lists allowed). */
const laterFacts = z.record(z.string(), z.unknown());

/** The citation every later fact carries: a page, where on it, and a one-sentence summary in English and Chinese. */
const citationShape = {
  summary_en: laterText,
  summary_zh: laterText,
  source: sourceId,
  where: laterText,
  seeAlso: z.array(sourceId).optional(),
};

export const laterStepSchema = z.strictObject({
  date: partialDate,
  status: z.enum(LATER_STATUSES),
  ...citationShape,
  facts: laterFacts.default({}),
});

export const laterUndatedSchema = z.strictObject({ ...citationShape, facts: laterFacts.default({}) });

/**
 * A fact between two entities of data/graph that a later source states (who came to own what, from when):
 * a relation with an external citation instead of quotes, valid from a date and, when a source says so, to one.
 */
export const laterRelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  from: z.string(),
  to: z.string(),
  status: z.enum(RELATION_STATUSES),
  validFrom: partialDate,
  validTo: partialDate.optional(),
  key: z.string().optional(),
  share: z.number().gt(0).max(1).optional(),
  caveats: z.array(laterText).default([]),
  ...citationShape,
});

export const laterEntitySchema = z.strictObject({
  entity: z.string(),
  latest: z
    .strictObject({
      status: z.enum(LATER_STATUSES),
      date: partialDate.nullable(),
      source: sourceId,
      note: laterText.optional(),
    })
    .optional(),
  steps: z.array(z.unknown()).optional(),
  undated: z.array(z.unknown()).optional(),
  relations: z.array(z.unknown()).optional(),
  caveats: z.array(laterText).default([]),
  searched: z.array(laterText).default([]),
  found: z.literal('none').optional(),
});

/** The languages a name of an entity is written in (a later page's name: names.yaml). */
export const NAME_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;

/**
 * A name a page read later establishes for an entity of data/graph, where it differs from the plan's form:
 * a Taiwan firm's or association's own Traditional or English name (友達光電股份有限公司, AU Optronics Corp.).
 * It becomes an alias; the page is its provenance.
 */
export const laterNameSchema = z.strictObject({
  entity: z.string(),
  name: laterText,
  language: z.enum(NAME_LANGUAGES),
  source: sourceId,
  where: laterText,
});

/** A file of data/later: its pages (sources.yaml), its entities (projects.yaml, parks.yaml, ...), its names (names.yaml). */
export const laterFileSchema = z.strictObject({
  sources: z.array(z.unknown()).optional(),
  entities: z.array(z.unknown()).optional(),
  names: z.array(z.unknown()).optional(),
});
