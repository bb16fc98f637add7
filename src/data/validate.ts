// Checks data/ against docs/data-format.md ("Rules the validator enforces", plus the extra rules listed
// in RULES below) and resolves every quote to the passages of its source. It collects every problem
// rather than stopping at the first, each naming file, line, path and value. The result also carries
// the resolved graph: the loader writes exactly that, and only when there are no errors.
import type { ParsedDocument, Passage, Section } from '../sources/types.ts';
import { locateQuote, QuoteError, type QuoteErrorCode } from '../sources/quote.ts';
import { BOX_RULES, checkBoxComparison } from './boxes.ts';
import { CAVEAT_RULES, caveatsWrittenIn, checkCaveatCatalogue, type CaveatTranslations } from './caveats.ts';
import { checkConsistency, CONSISTENCY_RULES } from './consistency.ts';
import { checkLater, EMPTY_LATER, LATER_RULES, type LaterResearch, type ResolvedLater } from './later.ts';
import { compareIssues, formatPath, type RuleCode, type ValidationIssue } from './issues.ts';
import {
  DEFAULT_DOCUMENT_ID,
  ENTITY_COMMON_PROPERTIES,
  ENTITY_ID_PATTERN,
  ENTITY_PROPERTIES,
  ENTITY_SCHEMAS,
  ENTITY_TYPES,
  RELATION_COMMON_PROPERTIES,
  RELATION_PROPERTIES,
  RELATION_RULES,
  RELATION_SCHEMAS,
  RELATION_TYPES,
  graphFileSchema,
  idPrefixOf,
  isEntityType,
  isRelationType,
  relationId,
  type EntityType,
  type RelationStatus,
  type RelationType,
  type SourceMetadata,
} from './model.ts';
import { DEFAULT_DATA_DIR, isPlainObject, readDataSet, type DataSet, type GraphEntry, type GraphFile, type YamlPath } from './read.ts';

/** One quote of an entity or relation, resolved: a passage it lies in (a quote spanning two passages gives two). */
export interface Evidence {
  readonly passageId: string;
  readonly documentId: string;
  /** the quote as the curator wrote it */
  readonly quote: string;
  /** offsets of the whole quote in the source text */
  readonly start: number;
  readonly end: number;
}

/** Where an entity or relation is written, for messages and for the explorer's "edit this" links. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

export type PropertyValue = string | number | boolean;

export interface ResolvedEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly nameEn: string;
  readonly aliases: readonly string[];
  readonly caveats: readonly string[];
  /** the other entities this one shares a name or alias with, on purpose (validated, not loaded) */
  readonly homonyms: readonly string[];
  /** the type-specific properties that are present (ENTITY_PROPERTIES) */
  readonly properties: Readonly<Record<string, PropertyValue>>;
  readonly evidence: readonly Evidence[];
  readonly source: SourceRef;
  /** the date of the document its quotes resolve against (the plan's: 2011-10-29); absent when unknown */
  readonly stated?: string;
  /** what data/later says became of it (absent when data/later does not describe it) */
  readonly later?: LaterResearch;
}

export interface ResolvedRelation {
  /** `<from>|<TYPE>|<to>` (plus `|<key>`) */
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly status: RelationStatus;
  readonly key?: string;
  /** relation-specific properties that are present (RELATION_PROPERTIES), e.g. share */
  readonly properties: Readonly<Record<string, PropertyValue>>;
  readonly caveats: readonly string[];
  readonly evidence: readonly Evidence[];
  readonly source: SourceRef;
  /** the date of the document its quotes resolve against (the plan's: 2011-10-29); absent when unknown */
  readonly stated?: string;
}

export interface ResolvedDocument {
  readonly id: string;
  readonly metadata: SourceMetadata;
  readonly textFile: string;
  readonly sections: readonly Section[];
}

/** What the loader writes. Complete only when the validation that produced it found no errors. */
export interface ResolvedGraph {
  readonly documents: readonly ResolvedDocument[];
  readonly passages: readonly Passage[];
  readonly entities: readonly ResolvedEntity[];
  readonly relations: readonly ResolvedRelation[];
  /** data/later: the pages read, the status steps, the facts later pages state */
  readonly later: ResolvedLater;
  /** the Chinese of the caveats (data/caveats.zh.yaml); a caveat it lacks reads in English in every language */
  readonly caveatsZh: CaveatTranslations;
}

export interface ValidationResult {
  readonly valid: boolean;
  /** every problem found, ordered by file and line */
  readonly errors: readonly ValidationIssue[];
  readonly graph: ResolvedGraph;
  /** the parsed sources, for reports that need their passages and sections (coverage) */
  readonly sources: readonly ParsedDocument[];
}

/** The rules, one line each, as `cskg validate --rules` lists them and the docs describe them. */
export const RULES: Readonly<Record<RuleCode, string>> = {
  'yaml-syntax': 'every file is valid YAML (no duplicate keys)',
  'file-shape': 'a graph file is a mapping with only document, entities (a list) and relations (a list)',
  'source-metadata': 'every data/sources/<id>.yaml has id (= file name), title, titleEn, issuer, published',
  'source-text': 'every source names a text file that can be read',
  'unknown-document': "a file's document (and a Document entity's documentId) names a source in data/sources",
  'unknown-entity-type': 'an entity type is one of ' + ENTITY_TYPES.join(', '),
  schema: 'every entity and relation matches its schema (required properties, types, enumerations)',
  'unknown-property': 'no property beyond the common ones and those of its type (catches misspelt keys)',
  'id-pattern': 'ids follow <type in lower case>:<ascii kebab slug>',
  'id-type-mismatch': "an id's prefix is its entity's type",
  'duplicate-id': 'ids are unique across all files',
  'name-missing': 'every entity has a non-empty name',
  'name-en-missing': 'every entity has a non-empty nameEn',
  'alias-equals-name': 'no alias repeats the name',
  'duplicate-alias': 'no alias is listed twice',
  'empty-caveat': 'caveats (and aliases) are not empty strings',
  'no-quotes': 'every entity and relation cites at least one quote',
  'duplicate-quote': 'no quote is cited twice by the same entity or relation',
  'quote-empty': 'no quote is empty',
  'quote-not-found': 'every quote occurs in its document (whitespace aside)',
  'quote-ambiguous': 'a quote without occurrence occurs exactly once',
  'quote-occurrence': 'an occurrence is within the number of times the quote occurs',
  'indicator-year-and-period': 'an Indicator has a year or a period, not both',
  'unknown-relation-type': 'a relation type is one of ' + RELATION_TYPES.join(', '),
  'unknown-endpoint': 'every relation endpoint is an entity id',
  'endpoint-label': 'the endpoint labels are allowed for the relation type',
  'self-loop': 'a relation joins two different entities',
  'duplicate-relation': 'no relation (type, from, to, key) is written twice',
  'no-relation': 'every entity takes part in at least one relation',
  'coverage-ignore': 'data/coverage-ignore.yaml entries name a passage or quote and give a reason',
  ...CONSISTENCY_RULES,
  ...LATER_RULES,
  ...BOX_RULES,
  ...CAVEAT_RULES,
};

const QUOTE_RULES: Readonly<Record<QuoteErrorCode, RuleCode>> = {
  QUOTE_EMPTY: 'quote-empty',
  QUOTE_NOT_FOUND: 'quote-not-found',
  QUOTE_AMBIGUOUS: 'quote-ambiguous',
  QUOTE_OCCURRENCE_OUT_OF_RANGE: 'quote-occurrence',
};

/** Reads data/ and validates it. */
export async function validateDataDir(dataDir: string = DEFAULT_DATA_DIR): Promise<ValidationResult> {
  return validateDataSet(await readDataSet(dataDir));
}

/** Validates what the reader produced. Pure: tests pass sources and files built from strings. */
export function validateDataSet(data: DataSet): ValidationResult {
  return new GraphValidator(data).run();
}

interface EntityRecord {
  readonly type: EntityType | undefined;
  readonly file: string;
  readonly line: number;
}

/** Where in a file an entry stands, for issues about it. */
interface EntryContext {
  readonly file: GraphFile;
  readonly base: YamlPath;
  readonly subject: string | undefined;
}

class GraphValidator {
  private readonly errors: ValidationIssue[] = [];
  private readonly sources = new Map<string, ParsedDocument>();
  /** the publication date of each source: when the facts quoting it were stated */
  private readonly published = new Map<string, string>();
  private readonly entityIndex = new Map<string, EntityRecord>();
  private readonly relationIndex = new Map<string, SourceRef>();
  private readonly related = new Set<string>();
  private readonly entities: ResolvedEntity[] = [];
  /** where each resolved entity and relation stands, for issues raised after all files are read */
  private readonly entityPaths = new Map<string, string>();
  private readonly entryContexts = new Map<string, EntryContext>();
  private readonly relations: ResolvedRelation[] = [];

  constructor(private readonly data: DataSet) {
    for (const s of data.sources) {
      this.sources.set(s.id, s.parsed);
      this.published.set(s.id, s.metadata.published);
    }
    this.errors.push(...data.issues, ...data.files.flatMap((f) => f.syntaxIssues));
  }

  run(): ValidationResult {
    const documents = this.data.files.map((file) => this.checkFile(file));
    this.data.files.forEach((file, i) => file.entities.forEach((entry) => this.checkEntity(file, entry, documents[i])));
    this.data.files.forEach((file, i) => file.relations.forEach((entry) => this.checkRelation(file, entry, documents[i])));
    checkConsistency({ entities: this.entities, relations: this.relations }, {
      entity: (id, path, rule, message, value) => this.issueAtSubject(`entity:${id}`, path, rule, message, value),
      relation: (id, path, rule, message, value) => this.issueAtSubject(`relation:${id}`, path, rule, message, value),
    });
    // The boxes are compared with the text by whoever reads the whole plan: data that has the plan's Document.
    // Data that only quotes the plan (the synthetic graphs of tests and benchmarks) owes no comparison.
    const plan = this.sources.get(DEFAULT_DOCUMENT_ID);
    if (plan && this.entityIndex.has(`document:${DEFAULT_DOCUMENT_ID}`) && this.data.boxComparison !== undefined) {
      const caveats = new Map<string, readonly string[]>([...this.entities, ...this.relations].map((x) => [x.id, x.caveats]));
      this.errors.push(...checkBoxComparison(this.data.boxComparison, plan, (id) => caveats.get(id)));
    }
    const { later, issues: laterIssues } = checkLater(this.data.later ?? [], {
      entityTypes: new Map([...this.entityIndex].map(([id, record]) => [id, record.type])),
      relationIds: this.relationIndex,
      closestId: (id) => this.closestId(id),
    });
    this.errors.push(...laterIssues);
    const catalogue = this.checkCaveatCatalogue();
    for (const entity of this.entities) {
      if (!this.related.has(entity.id)) {
        this.report({ file: entity.source.file, line: entity.source.line, path: this.entityPaths.get(entity.id) ?? '', subject: entity.id, rule: 'no-relation',
          message: `takes part in no relation; relate it to what the plan says about it (a park, region, sector, policy...)` });
      }
    }
    const laterNames = this.checkLaterNames(later.names);
    const errors = [...this.errors].sort(compareIssues);
    const graph: ResolvedGraph = {
      documents: this.data.sources.map((s) => ({ id: s.id, metadata: s.metadata, textFile: s.textFile, sections: s.parsed.sections })),
      passages: this.data.sources.flatMap((s) => s.parsed.passages),
      entities: this.entities.map((entity) => {
        const research = later.research.get(entity.id);
        const names = laterNames.get(entity.id);
        const withNames = names ? { ...entity, aliases: [...entity.aliases, ...names] } : entity;
        return research ? { ...withNames, later: research } : withNames;
      }),
      relations: this.relations,
      later: later ?? EMPTY_LATER,
      caveatsZh: catalogue,
    };
    return { valid: errors.length === 0, errors, graph, sources: this.data.sources.map((s) => s.parsed) };
  }

  /**
   * The names later pages establish (data/later names:), by entity: they become aliases, so each must be new
   * to its entity and no other entity's name or alias (rule later-name, at the name's file:line).
   */
  private checkLaterNames(names: ResolvedLater['names']): Map<string, string[]> {
    const owners = new Map<string, Set<string>>();
    for (const e of this.entities) {
      for (const name of [e.name, e.nameEn, ...e.aliases]) owners.set(name, (owners.get(name) ?? new Set()).add(e.id));
    }
    const byEntity = new Map<string, string[]>();
    for (const n of names) {
      const owner = owners.get(n.name);
      const issue = (message: string) =>
        this.report({ file: n.file, line: n.line, path: n.path, subject: n.entity, rule: 'later-name', message, value: n.name });
      if (owner?.has(n.entity)) issue(`${n.entity} already has this name (its name, English name or an alias); remove the entry`);
      else if (owner) issue(`this is the name or an alias of ${[...owner].join(', ')}; a name names one entity`);
      else {
        byEntity.set(n.entity, [...(byEntity.get(n.entity) ?? []), n.name]);
        owners.set(n.name, new Set([n.entity]));
      }
    }
    return byEntity;
  }

  /**
   * The Chinese of the caveats. A catalogue that is there is always checked (shape, stale entries); that
   * every caveat has its Chinese is owed, like the box comparison, by data that has the plan's Document
   * and was read whole (synthetic graphs of tests and benchmarks keep English caveats).
   */
  private checkCaveatCatalogue(): CaveatTranslations {
    if (this.data.caveatCatalogue === undefined) return new Map();
    const written = [...this.data.files, ...(this.data.later ?? [])].flatMap(caveatsWrittenIn);
    const { translations, issues } = checkCaveatCatalogue(this.data.caveatCatalogue, written, {
      complete: this.entityIndex.has(`document:${DEFAULT_DOCUMENT_ID}`),
    });
    this.errors.push(...issues);
    return translations;
  }

  /** Checks the top level of a file; returns the source its quotes resolve against (undefined when unknown). */
  private checkFile(file: GraphFile): ParsedDocument | undefined {
    if (file.content === undefined || file.content === null) {
      if (file.syntaxIssues.length === 0) this.report({ file: file.file, line: 1, path: '', rule: 'file-shape', message: 'file is empty; write entities: and/or relations:' });
      return undefined;
    }
    const shape = graphFileSchema.safeParse(file.content);
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const p = key === undefined ? (issue.path as YamlPath) : [...(issue.path as YamlPath), key];
          this.report({ file: file.file, line: file.lineOf(p), path: formatPath(p), rule: 'file-shape',
            message: key === undefined ? `top level: ${issue.message}` : `unknown top-level key "${key}"; a graph file has only document, entities and relations` });
        }
      }
    }
    const documentId = isPlainObject(file.content) && typeof file.content.document === 'string' ? file.content.document : DEFAULT_DOCUMENT_ID;
    const doc = this.sources.get(documentId);
    if (!doc) {
      this.report({ file: file.file, line: file.lineOf(['document']), path: 'document', value: documentId, rule: 'unknown-document',
        message: `no source "${documentId}" in data/sources (known: ${[...this.sources.keys()].join(', ') || 'none'}); quotes of this file are not checked` });
    }
    return doc;
  }

  private checkEntity(file: GraphFile, entry: GraphEntry, doc: ParsedDocument | undefined): void {
    const base: YamlPath = ['entities', entry.index];
    const v = entry.value;
    if (!isPlainObject(v)) {
      this.report({ file: file.file, line: entry.line, path: formatPath(base), value: v, rule: 'schema',
        message: 'an entity is a mapping with id, type, name, nameEn and quotes' });
      return;
    }
    const id = typeof v.id === 'string' ? v.id : undefined;
    const ctx: EntryContext = { file, base, subject: id };
    const handled = new Set<string>();
    let duplicate = false;
    const type = isEntityType(v.type) ? v.type : undefined;
    if (!type) {
      handled.add('type');
      this.issueAt(ctx, ['type'], 'unknown-entity-type', v.type === undefined ? 'missing type' : `unknown entity type; use one of ${ENTITY_TYPES.join(', ')}`, v.type);
    }

    if (id !== undefined) {
      handled.add('id');
      if (!ENTITY_ID_PATTERN.test(id)) {
        this.issueAt(ctx, ['id'], 'id-pattern', 'id must be "<type in lower case>:<ascii kebab slug>", e.g. enterprise:auo', id);
      } else if (type && !id.startsWith(`${idPrefixOf(type)}:`)) {
        this.issueAt(ctx, ['id'], 'id-type-mismatch', `id prefix "${id.split(':')[0]}" does not match type ${type}; write ${idPrefixOf(type)}:${id.split(':')[1]}`, id);
      }
      const first = this.entityIndex.get(id);
      if (first) {
        duplicate = true;
        this.issueAt(ctx, ['id'], 'duplicate-id', `id ${id} is already defined at ${first.file}:${first.line}; ids are unique across all files`, id);
      } else {
        this.entityIndex.set(id, { type, file: file.file, line: entry.line });
      }
    }
    if (typeof v.name === 'string') {
      handled.add('name');
      if (v.name.trim() === '') this.issueAt(ctx, ['name'], 'name-missing', 'name is empty; write the canonical Chinese name as the plan writes it', v.name);
    }
    if (v.nameEn === undefined || (typeof v.nameEn === 'string' && v.nameEn.trim() === '')) {
      handled.add('nameEn');
      this.issueAt(ctx, ['nameEn'], 'name-en-missing', 'nameEn is missing or empty; every entity has an English name', v.nameEn);
    }
    this.checkAliases(ctx, v.aliases, typeof v.name === 'string' ? v.name : undefined);
    this.checkCaveats(ctx, v.caveats);
    if (type === 'Indicator' && v.year !== undefined && v.period !== undefined) {
      this.issueAt(ctx, ['period'], 'indicator-year-and-period', 'give an Indicator a year or a period, not both', v.period);
    }
    if (type === 'Document' && typeof v.documentId === 'string' && !this.sources.has(v.documentId)) {
      this.issueAt(ctx, ['documentId'], 'unknown-document', `no source "${v.documentId}" in data/sources`, v.documentId);
    }
    const evidence = this.resolveQuotes(ctx, v.quotes, doc);
    handled.add('quotes');

    if (!type) return;
    const parsed = ENTITY_SCHEMAS[type].safeParse(v);
    if (!parsed.success) {
      const allowed = [...ENTITY_COMMON_PROPERTIES, ...Object.keys(ENTITY_PROPERTIES[type])];
      this.reportSchemaIssues(ctx, parsed.error.issues, handled, `type ${type}`, allowed);
      return;
    }
    if (id === undefined || duplicate) return;
    const data = parsed.data as Record<string, unknown>;
    this.entityPaths.set(id, formatPath(base));
    this.entryContexts.set(`entity:${id}`, ctx);
    this.entities.push({
      id,
      type,
      name: String(data.name),
      nameEn: String(data.nameEn),
      aliases: data.aliases as string[],
      caveats: data.caveats as string[],
      homonyms: data.homonyms as string[],
      properties: pickProperties(data, Object.keys(ENTITY_PROPERTIES[type])),
      evidence,
      source: { file: file.file, line: entry.line },
      ...this.statedBy(doc),
    });
  }

  /** `{ stated }`: the date of the document a file's quotes resolve against, when it has one. */
  private statedBy(doc: ParsedDocument | undefined): { stated?: string } {
    const published = doc ? this.published.get(doc.documentId) : undefined;
    return published === undefined ? {} : { stated: published };
  }

  private checkRelation(file: GraphFile, entry: GraphEntry, doc: ParsedDocument | undefined): void {
    const base: YamlPath = ['relations', entry.index];
    const v = entry.value;
    if (!isPlainObject(v)) {
      this.report({ file: file.file, line: entry.line, path: formatPath(base), value: v, rule: 'schema',
        message: 'a relation is a mapping with type, from, to, status and quotes' });
      return;
    }
    const from = typeof v.from === 'string' ? v.from : undefined;
    const to = typeof v.to === 'string' ? v.to : undefined;
    const key = typeof v.key === 'string' ? v.key : undefined;
    const type = isRelationType(v.type) ? v.type : undefined;
    const id = from !== undefined && to !== undefined ? relationId({ from, to, type: String(v.type), key }) : undefined;
    const ctx: EntryContext = { file, base, subject: id };
    const handled = new Set<string>();
    if (from !== undefined) this.related.add(from);
    if (to !== undefined) this.related.add(to);

    if (!type) {
      handled.add('type');
      this.issueAt(ctx, ['type'], 'unknown-relation-type',
        v.type === undefined ? 'missing type' : `unknown relation type; use one of ${RELATION_TYPES.join(', ')} (or add one to src/data/model.ts and docs/data-format.md)`, v.type);
    }
    const endpointsExist = [['from', from], ['to', to]].every(([end, endpointId]) => {
      if (endpointId === undefined) return false;
      const known = this.entityIndex.get(endpointId as string);
      if (!known) {
        handled.add(end as string);
        const hint = this.closestId(endpointId as string);
        this.issueAt(ctx, [end as string], 'unknown-endpoint', `no entity has id ${endpointId}${hint ? `; did you mean ${hint}?` : ''}`, endpointId);
        return false;
      }
      const rule = type ? RELATION_RULES[type] : undefined;
      const allowed = end === 'from' ? rule?.from : rule?.to;
      if (allowed && known.type && !allowed.includes(known.type)) {
        this.issueAt(ctx, [end as string], 'endpoint-label',
          `${type} may ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(', ')}; ${endpointId} is a ${known.type}`, endpointId);
      }
      return true;
    });
    if (from !== undefined && from === to) this.issueAt(ctx, ['to'], 'self-loop', `relation from ${from} to itself`, to);
    if (id !== undefined && type) {
      const first = this.relationIndex.get(id);
      if (first) {
        this.issueAt(ctx, [], 'duplicate-relation',
          `relation ${id} is already written at ${first.file}:${first.line}; merge the quotes into one, or give both a distinct key`, id);
      } else {
        this.relationIndex.set(id, { file: file.file, line: entry.line });
      }
    }
    this.checkCaveats(ctx, v.caveats);
    const evidence = this.resolveQuotes(ctx, v.quotes, doc);
    handled.add('quotes');

    if (!type) return;
    const parsed = RELATION_SCHEMAS[type].safeParse(v);
    if (!parsed.success) {
      const extra = (RELATION_PROPERTIES as Partial<Record<RelationType, object>>)[type] ?? {};
      this.reportSchemaIssues(ctx, parsed.error.issues, handled, `relation type ${type}`, [...RELATION_COMMON_PROPERTIES, ...Object.keys(extra)]);
      return;
    }
    if (!endpointsExist || id === undefined || from === undefined || to === undefined) return;
    const data = parsed.data as Record<string, unknown>;
    this.entryContexts.set(`relation:${id}`, ctx);
    this.relations.push({
      id,
      type,
      from,
      to,
      status: data.status as RelationStatus,
      ...(key === undefined ? {} : { key }),
      properties: pickProperties(data, Object.keys((RELATION_PROPERTIES as Partial<Record<RelationType, object>>)[type] ?? {})),
      caveats: data.caveats as string[],
      evidence,
      source: { file: file.file, line: entry.line },
      ...this.statedBy(doc),
    });
  }

  private checkAliases(ctx: EntryContext, aliases: unknown, name: string | undefined): void {
    if (!Array.isArray(aliases)) return;
    const seen = new Set<string>();
    aliases.forEach((alias: unknown, i) => {
      if (typeof alias !== 'string') return; // the schema reports it
      if (alias.trim() === '') this.issueAt(ctx, ['aliases', i], 'empty-caveat', 'alias is empty; remove it', alias);
      else if (alias === name) this.issueAt(ctx, ['aliases', i], 'alias-equals-name', 'alias repeats the name; aliases are the other surface forms only', alias);
      else if (seen.has(alias)) this.issueAt(ctx, ['aliases', i], 'duplicate-alias', 'alias listed twice', alias);
      seen.add(alias);
    });
  }

  private checkCaveats(ctx: EntryContext, caveats: unknown): void {
    if (!Array.isArray(caveats)) return;
    caveats.forEach((caveat: unknown, i) => {
      if (typeof caveat === 'string' && caveat.trim() === '') {
        this.issueAt(ctx, ['caveats', i], 'empty-caveat', 'caveat is empty; write the inconsistency in one English sentence, or remove it', caveat);
      }
    });
  }

  /** Resolves each quote of an entry; reports the ones that fail and returns the evidence of the rest. */
  private resolveQuotes(ctx: EntryContext, quotes: unknown, doc: ParsedDocument | undefined): Evidence[] {
    if (quotes === undefined || (Array.isArray(quotes) && quotes.length === 0)) {
      this.issueAt(ctx, ['quotes'], 'no-quotes', 'no quotes; cite the words of the plan that state this (quotes: [...])', quotes);
      return [];
    }
    if (!Array.isArray(quotes)) return []; // the schema reports the type
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    quotes.forEach((quote: unknown, i) => {
      const text = typeof quote === 'string' ? quote : isPlainObject(quote) && typeof quote.text === 'string' ? quote.text : undefined;
      const occurrence = isPlainObject(quote) && typeof quote.occurrence === 'number' ? quote.occurrence : undefined;
      if (text === undefined) return; // the schema reports the shape
      const signature = `${text.replace(/\s+/g, '')}#${occurrence ?? ''}`;
      if (seen.has(signature)) this.issueAt(ctx, ['quotes', i], 'duplicate-quote', 'the same quote is cited twice; remove one', text);
      seen.add(signature);
      if (!doc) return;
      try {
        const match = locateQuote(doc, text, occurrence);
        for (const passage of match.passages) {
          evidence.push({ passageId: passage.id, documentId: doc.documentId, quote: text, start: match.start, end: match.end });
        }
      } catch (error) {
        if (!(error instanceof QuoteError)) throw error;
        this.issueAt(ctx, ['quotes', i], QUOTE_RULES[error.code], error.message, text);
      }
    });
    return evidence;
  }

  private reportSchemaIssues(
    ctx: EntryContext,
    issues: readonly { code: string; path: PropertyKey[]; message: string; keys?: string[]; input?: unknown; values?: unknown[]; expected?: unknown }[],
    handled: ReadonlySet<string>,
    what: string,
    allowed: readonly string[],
  ): void {
    for (const issue of issues) {
      const p = issue.path.filter((seg): seg is string | number => typeof seg !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys ?? []) {
          this.issueAt(ctx, [...p, key], 'unknown-property', `unknown property "${key}" for ${what}; allowed: ${allowed.join(', ')}`);
        }
        continue;
      }
      if (typeof p[0] === 'string' && handled.has(p[0])) continue;
      const valueAt = valueAtPath(this.entryValue(ctx), p);
      const name = p.length ? `"${formatPath(p)}"` : 'entry';
      let message: string;
      if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt === undefined) message = `missing required property ${name}`;
      else if (issue.code === 'invalid_type') message = `${name} must be a ${String(issue.expected)}, not ${describeType(valueAt)}`;
      else if (issue.code === 'invalid_value' && issue.values) message = `${name} must be one of: ${issue.values.join(', ')}`;
      else message = `${name}: ${issue.message}`;
      this.issueAt(ctx, p, 'schema', message, valueAt);
    }
  }

  private entryValue(ctx: EntryContext): unknown {
    const [list, index] = ctx.base;
    const entries = list === 'entities' ? ctx.file.entities : ctx.file.relations;
    return entries.find((e) => e.index === index)?.value;
  }

  /** The known id nearest to a misspelt one (same type prefix, small edit distance), for "did you mean". */
  private closestId(id: string): string | undefined {
    const prefix = id.split(':')[0];
    let best: string | undefined;
    let bestDistance = Math.max(3, Math.floor(id.length / 4)) + 1;
    for (const known of this.entityIndex.keys()) {
      if (known.split(':')[0] !== prefix || Math.abs(known.length - id.length) >= bestDistance) continue;
      const d = editDistance(id, known, bestDistance);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  /** An issue about a resolved entity (`entity:<id>`) or relation (`relation:<id>`), at a path inside its entry. */
  private issueAtSubject(key: string, rel: YamlPath, rule: RuleCode, message: string, value?: unknown): void {
    const ctx = this.entryContexts.get(key);
    if (ctx) this.issueAt(ctx, rel, rule, message, value);
  }

  private issueAt(ctx: EntryContext, rel: YamlPath, rule: RuleCode, message: string, value?: unknown): void {
    const p = [...ctx.base, ...rel];
    this.report({ file: ctx.file.file, line: ctx.file.lineOf(p), path: formatPath(p), rule, message, value, subject: ctx.subject });
  }

  private report(issue: ValidationIssue): void {
    const clean = Object.fromEntries(Object.entries(issue).filter(([, v]) => v !== undefined)) as unknown as ValidationIssue;
    this.errors.push(clean);
  }
}

function pickProperties(data: Record<string, unknown>, keys: readonly string[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

function valueAtPath(value: unknown, p: YamlPath): unknown {
  let node = value;
  for (const seg of p) {
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isPlainObject(node) && typeof seg === 'string') node = node[seg];
    else return undefined;
  }
  return node;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length] ?? limit;
}

/** Counts for summaries: entities per type, relations per type and per status. */
export function summarizeGraph(graph: ResolvedGraph): {
  entitiesByType: Record<string, number>;
  relationsByType: Record<string, number>;
  relationsByStatus: Record<string, number>;
} {
  const count = (values: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const v of values) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  return {
    entitiesByType: count(graph.entities.map((e) => e.type)),
    relationsByType: count(graph.relations.map((r) => r.type)),
    relationsByStatus: count(graph.relations.map((r) => r.status)),
  };
}
