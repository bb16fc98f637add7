// The streamed form of data/graph, for inputs too large to hold: `data/graph/*.ndjson`, one JSON object
// per line, each `{"entity": {...}}` or `{"relation": {...}}` with exactly the keys of a YAML entry
// (docs/data-format.md), optionally a first line `{"document": "<documentId>"}`. The file is read line
// by line, twice: once to validate (with the same schemas and rules as the YAML validator, reported as
// file:line), once per write phase. What is kept in memory is per entity (its id and type, to check
// relation endpoints), per relation only a 53-bit hash of its id (to catch duplicates), and a bounded
// cache of resolved quotes; never the entries themselves.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { CaveatTranslations } from '../data/caveats.ts';
import { Worker } from 'node:worker_threads';
import type { ValidationIssue, RuleCode } from '../data/issues.ts';
import {
  DEFAULT_DOCUMENT_ID,
  ENTITY_ID_PATTERN,
  ENTITY_PROPERTIES,
  ENTITY_SCHEMAS,
  RELATION_PROPERTIES,
  RELATION_RULES,
  RELATION_SCHEMAS,
  idPrefixOf,
  isEntityType,
  isRelationType,
  relationId,
  type EntityType,
  type RelationStatus,
  type RelationType,
} from '../data/model.ts';
import { displayPath, isPlainObject } from '../data/read.ts';
import type { Evidence, PropertyValue, ResolvedGraph } from '../data/validate.ts';
import { locateQuote, QuoteError } from '../sources/quote.ts';
import type { ParsedDocument } from '../sources/types.ts';
import {
  entityRow,
  evidenceRows,
  relationRow,
  type EntityNodeRow,
  type EvidenceRow,
  type RelationRow,
} from './records.ts';
import type { StagedGraphWriter } from './transactional.ts';

/**
 * Receives each valid line as it is validated, so that the bulk loader writes its CSV files in the same
 * pass (only while no error has been found; any error means nothing is loaded at all).
 */
export interface StreamSink {
  line(valid: ValidLine): Promise<void>;
}

/**
 * A valid line of a streamed file, as the validation worker hands it to the main thread: its text, not the
 * parsed value, since a string crosses between threads as one copy while an object is cloned member by
 * member; the main thread parses it again and builds its rows, which also shares the work of a line
 * between the two threads.
 */
export interface ValidLine {
  readonly text: string;
  /** the index of its file in the list validated */
  readonly file: number;
  readonly line: number;
  /** the document its quotes resolve against */
  readonly document: string;
}

/** Receives the rows of each valid line (validateStreamFilesInWorker). */
export interface StreamRowSink {
  entity(entity: EntityNodeRow, evidence: readonly EvidenceRow[]): Promise<void>;
  relation(relation: RelationRow): Promise<void>;
}

/** What the validation worker tells the main thread. */
export type WorkerMessage =
  | { readonly kind: 'lines'; readonly lines: ValidLine[] }
  | { readonly kind: 'progress'; readonly lines: number }
  | {
      readonly kind: 'done';
      readonly errors: ValidationIssue[];
      readonly entities: number;
      readonly relations: number;
    }
  | { readonly kind: 'failed'; readonly message: string };

export interface StreamValidation {
  readonly errors: ValidationIssue[];
  readonly entities: number;
  readonly relations: number;
  /** resolves quotes against the sources, remembering the most recent ones */
  readonly quotes: QuoteResolver;
  /** the Chinese of the caveats (data/caveats.zh.yaml) */
  readonly caveatsZh: CaveatTranslations;
}

/** data/graph/*.ndjson, in file-name order. */
export async function findStreamFiles(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'graph');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => n.endsWith('.ndjson'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => path.join(dir, n));
}

/**
 * The relations of the streamed files, counted from the lines that start with `{"relation"` without
 * parsing them: what the loader looks at to choose its path (a few hundred MB per second).
 */
export async function countStreamRelations(files: readonly string[]): Promise<number> {
  const needle = Buffer.from('\n{"relation"');
  let count = 0;
  for (const file of files) {
    // The file's first line counts as if a newline preceded it; a needle split over two chunks is seen
    // in the carried-over tail.
    let carry = Buffer.from('\n');
    for await (const chunk of createReadStream(file)) {
      const buffer = Buffer.concat([carry, chunk as Buffer]);
      for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + 1)) count += 1;
      carry = buffer.subarray(Math.max(0, buffer.length - (needle.length - 1)));
    }
  }
  return count;
}

interface StreamLine {
  readonly line: number;
  readonly text: string;
  readonly document: string;
  readonly kind: 'entity' | 'relation' | 'document' | 'invalid';
  readonly value: unknown;
  readonly error?: string;
}

/** The lines of an NDJSON graph file, parsed, with the document their quotes resolve against. */
async function* readStreamLines(file: string, only?: 'entity' | 'relation'): AsyncGenerator<StreamLine> {
  const lines = readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let document = DEFAULT_DOCUMENT_ID;
  let number = 0;
  // A write phase wants one kind of line; the other kind is skipped unparsed (the file was validated).
  const skip = only === 'entity' ? '{"relation"' : only === 'relation' ? '{"entity"' : undefined;
  for await (const text of lines) {
    number += 1;
    if (skip !== undefined && text.startsWith(skip)) continue;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield {
        line: number,
        text,
        document,
        kind: 'invalid',
        value: text,
        error: `not JSON: ${(error as Error).message}`,
      };
      continue;
    }
    if (isPlainObject(value) && 'entity' in value && Object.keys(value).length === 1) {
      yield { line: number, text, document, kind: 'entity', value: value.entity };
    } else if (isPlainObject(value) && 'relation' in value && Object.keys(value).length === 1) {
      yield { line: number, text, document, kind: 'relation', value: value.relation };
    } else if (
      isPlainObject(value) &&
      typeof value.document === 'string' &&
      Object.keys(value).length === 1
    ) {
      document = value.document;
      yield { line: number, text, document, kind: 'document', value: document };
    } else {
      yield {
        line: number,
        text,
        document,
        kind: 'invalid',
        value,
        error: 'a line is {"entity": {...}}, {"relation": {...}} or {"document": "<id>"}',
      };
    }
  }
}

/** Resolves quotes to evidence, caching the last `capacity` distinct quotes (synthetic and real inputs repeat them). */
export class QuoteResolver {
  private cache = new Map<string, Evidence[] | QuoteError>();
  constructor(
    private readonly sources: ReadonlyMap<string, ParsedDocument>,
    private readonly capacity = 20_000,
    /** the publication date of each source: when the facts quoting it were stated */
    private readonly published: ReadonlyMap<string, string> = new Map(),
  ) {}

  hasDocument(documentId: string): boolean {
    return this.sources.has(documentId);
  }

  /** `{ stated }` for a line whose quotes resolve against this document (nothing when it has no date). */
  statedBy(documentId: string): { stated?: string } {
    const published = this.published.get(documentId);
    return published === undefined ? {} : { stated: published };
  }

  /** The evidence of one quote, or the QuoteError that says why it does not resolve. */
  resolve(documentId: string, quote: unknown): Evidence[] | QuoteError {
    const text =
      typeof quote === 'string'
        ? quote
        : isPlainObject(quote) && typeof quote.text === 'string'
          ? quote.text
          : '';
    const occurrence =
      isPlainObject(quote) && typeof quote.occurrence === 'number' ? quote.occurrence : undefined;
    const key = `${documentId}\0${occurrence ?? ''}\0${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const doc = this.sources.get(documentId);
    let result: Evidence[] | QuoteError;
    try {
      if (!doc)
        throw new QuoteError(
          'QUOTE_NOT_FOUND',
          `no source "${documentId}" in data/sources`,
          text,
          documentId,
          [],
        );
      const match = locateQuote(doc, text, occurrence);
      result = match.passages.map((p) => ({
        passageId: p.id,
        documentId,
        quote: text,
        start: match.start,
        end: match.end,
      }));
    } catch (error) {
      if (!(error instanceof QuoteError)) throw error;
      result = error;
    }
    if (this.cache.size >= this.capacity) this.cache = new Map();
    this.cache.set(key, result);
    return result;
  }
}

/** The quote resolver of a validation: the sources by document, with their publication dates. */
function quoteResolverFor(base: ResolvedGraph, sources: readonly ParsedDocument[]): QuoteResolver {
  return new QuoteResolver(
    new Map(sources.map((s) => [s.documentId, s])),
    undefined,
    new Map(base.documents.map((d) => [d.id, d.metadata.published])),
  );
}

const QUOTE_RULES: Record<string, RuleCode> = {
  QUOTE_EMPTY: 'quote-empty',
  QUOTE_NOT_FOUND: 'quote-not-found',
  QUOTE_AMBIGUOUS: 'quote-ambiguous',
  QUOTE_OCCURRENCE_OUT_OF_RANGE: 'quote-occurrence',
};

/** A 53-bit FNV-1a style hash: enough to tell a million relation ids apart with negligible collisions. */
function hash53(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h2 >>> 0) * 0x200000 + ((h1 >>> 0) & 0x1fffff);
}

/**
 * Validates the streamed files against the rules of docs/data-format.md, knowing the entities the YAML
 * files define (`base`). Relations may name entities defined further down or in a later file; those
 * endpoints are checked at the end.
 */
export async function validateStreamFiles(
  files: readonly string[],
  base: ResolvedGraph,
  sources: readonly ParsedDocument[],
  onProgress?: (lines: number) => void,
  sink?: StreamSink,
): Promise<StreamValidation> {
  const errors: ValidationIssue[] = [];
  const quotes = quoteResolverFor(base, sources);
  const entityTypes = new Map<string, EntityType>(base.entities.map((e) => [e.id, e.type]));
  const entityLines = new Map<string, number>(); // streamed entity → line number encoded as file index * 2^32 + line
  const related = new Set<string>(base.relations.flatMap((r) => [r.from, r.to]));
  const relationIds = new Set<number>(base.relations.map((r) => hash53(r.id)));
  const pending: {
    file: string;
    line: number;
    end: 'from' | 'to';
    id: string;
    type: RelationType;
    relation: string;
  }[] = [];
  let entities = 0;
  let relations = 0;
  let lines = 0;

  for (const [fileIndex, file] of files.entries()) {
    const shown = displayPath(file);
    const issue = (
      line: number,
      where: string,
      rule: RuleCode,
      message: string,
      value?: unknown,
      subject?: string,
    ) =>
      errors.push({
        file: shown,
        line,
        path: where,
        rule,
        message,
        ...(value === undefined ? {} : { value }),
        ...(subject ? { subject } : {}),
      });
    for await (const entry of readStreamLines(file)) {
      if (++lines % 50_000 === 0) onProgress?.(lines);
      if (errors.length > 1000) break; // enough to act on; the rest would only repeat
      if (entry.kind === 'invalid') {
        issue(entry.line, '', 'file-shape', entry.error ?? 'invalid line', entry.value);
        continue;
      }
      if (entry.kind === 'document') {
        if (!quotes.hasDocument(entry.document))
          issue(
            entry.line,
            'document',
            'unknown-document',
            `no source "${entry.document}" in data/sources`,
            entry.document,
          );
        continue;
      }
      const v = entry.value;
      if (!isPlainObject(v)) {
        issue(entry.line, entry.kind, 'schema', `an ${entry.kind} is a mapping`, v);
        continue;
      }
      const checkQuotes = (subject: string | undefined) => {
        if (!Array.isArray(v.quotes) || v.quotes.length === 0) {
          issue(
            entry.line,
            'quotes',
            'no-quotes',
            'no quotes; cite the words of the plan that state this',
            v.quotes,
            subject,
          );
          return;
        }
        v.quotes.forEach((q: unknown, i) => {
          const resolved = quotes.resolve(entry.document, q);
          if (resolved instanceof QuoteError)
            issue(
              entry.line,
              `quotes[${i}]`,
              QUOTE_RULES[resolved.code] ?? 'quote-not-found',
              resolved.message,
              q,
              subject,
            );
        });
      };
      if (entry.kind === 'entity') {
        entities += 1;
        const id = typeof v.id === 'string' ? v.id : undefined;
        if (!isEntityType(v.type)) {
          issue(entry.line, 'type', 'unknown-entity-type', 'unknown entity type', v.type, id);
          continue;
        }
        const parsed = ENTITY_SCHEMAS[v.type].safeParse(v);
        if (!parsed.success) {
          for (const z of parsed.error.issues)
            issue(entry.line, z.path.join('.'), 'schema', z.message, undefined, id);
          continue;
        }
        const entity = parsed.data;
        if (!ENTITY_ID_PATTERN.test(entity.id))
          issue(
            entry.line,
            'id',
            'id-pattern',
            'ids follow <type in lower case>:<ascii kebab slug>',
            entity.id,
            entity.id,
          );
        else if (!entity.id.startsWith(`${idPrefixOf(v.type)}:`))
          issue(
            entry.line,
            'id',
            'id-type-mismatch',
            `an id of a ${v.type} starts with ${idPrefixOf(v.type)}:`,
            entity.id,
            entity.id,
          );
        if (entityTypes.has(entity.id))
          issue(entry.line, 'id', 'duplicate-id', `id ${entity.id} is already used`, entity.id, entity.id);
        if (entity.name.trim() === '')
          issue(entry.line, 'name', 'name-missing', 'name is empty', entity.name, entity.id);
        if (entity.nameEn.trim() === '')
          issue(entry.line, 'nameEn', 'name-en-missing', 'nameEn is empty', entity.nameEn, entity.id);
        entityTypes.set(entity.id, v.type);
        entityLines.set(entity.id, fileIndex * 2 ** 32 + entry.line);
        checkQuotes(entity.id);
        if (sink && errors.length === 0)
          await sink.line({ text: entry.text, file: fileIndex, line: entry.line, document: entry.document });
      } else {
        relations += 1;
        if (!isRelationType(v.type)) {
          issue(entry.line, 'type', 'unknown-relation-type', 'unknown relation type', v.type);
          continue;
        }
        const type = v.type;
        const parsed = RELATION_SCHEMAS[type].safeParse(v);
        if (!parsed.success) {
          for (const z of parsed.error.issues) issue(entry.line, z.path.join('.'), 'schema', z.message);
          continue;
        }
        const relation = parsed.data;
        const id = relationId(relation);
        const hashed = hash53(id);
        if (relationIds.has(hashed))
          issue(entry.line, '', 'duplicate-relation', `relation ${id} is written twice`, id, id);
        relationIds.add(hashed);
        if (relation.from === relation.to)
          issue(entry.line, 'to', 'self-loop', `relation from ${relation.from} to itself`, relation.to, id);
        related.add(relation.from);
        related.add(relation.to);
        // An endpoint defined above is checked now, so `pending` only ever holds forward references.
        for (const end of ['from', 'to'] as const) {
          const endpoint = { file: shown, line: entry.line, end, id: relation[end], type, relation: id };
          if (entityTypes.has(endpoint.id)) checkEndpoint(endpoint, entityTypes.get(endpoint.id), errors);
          else pending.push(endpoint);
        }
        checkQuotes(id);
        if (sink && errors.length === 0)
          await sink.line({ text: entry.text, file: fileIndex, line: entry.line, document: entry.document });
      }
    }
  }
  for (const p of pending) checkEndpoint(p, entityTypes.get(p.id), errors);
  for (const [id, at] of entityLines) {
    if (related.has(id)) continue;
    const file = files[Math.floor(at / 2 ** 32)];
    errors.push({
      file: file ? displayPath(file) : '',
      line: at % 2 ** 32,
      path: '',
      rule: 'no-relation',
      subject: id,
      message: `entity ${id} takes part in no relation`,
    });
  }
  onProgress?.(lines);
  return { errors, entities, relations, quotes, caveatsZh: base.caveatsZh };
}

function checkEndpoint(
  p: { file: string; line: number; end: 'from' | 'to'; id: string; type: RelationType; relation: string },
  type: EntityType | undefined,
  errors: ValidationIssue[],
): void {
  if (!type) {
    errors.push({
      file: p.file,
      line: p.line,
      path: p.end,
      rule: 'unknown-endpoint',
      value: p.id,
      subject: p.relation,
      message: `no entity has id ${p.id}`,
    });
    return;
  }
  const allowed = RELATION_RULES[p.type][p.end];
  if (!allowed.includes(type)) {
    errors.push({
      file: p.file,
      line: p.line,
      path: p.end,
      rule: 'endpoint-label',
      value: p.id,
      subject: p.relation,
      message: `${p.type} may ${p.end === 'from' ? 'start at' : 'end at'} ${allowed.join(', ')}; ${p.id} is a ${type}`,
    });
  }
}

/** Streams the validated files into the writer: their entities (with evidence), or their relations. */
export async function writeStreamFiles(
  files: readonly string[],
  validation: StreamValidation,
  writer: StagedGraphWriter,
  phase: 'entities' | 'relations',
): Promise<void> {
  for (const file of files) {
    for await (const entry of readStreamLines(file, phase === 'entities' ? 'entity' : 'relation')) {
      const v = entry.value;
      if (!isPlainObject(v)) continue;
      const source = { file, line: entry.line };
      if (phase === 'entities' && entry.kind === 'entity' && isEntityType(v.type)) {
        const rows = streamedEntityRows(v, entry.document, validation.quotes, source, validation.caveatsZh);
        await writer.addEntity(rows.entity);
        for (const row of rows.evidence) await writer.addEvidence(row);
      } else if (phase === 'relations' && entry.kind === 'relation' && isRelationType(v.type)) {
        await writer.addRelation(streamedRelationRow(v, entry.document, validation.quotes, source, validation.caveatsZh));
      }
    }
  }
}

/** The resolved evidence of a line's quotes (those that resolve; validation reported the others). */
function evidenceOf(quotes: QuoteResolver, document: string, values: unknown): Evidence[] {
  return (Array.isArray(values) ? values : []).flatMap((q: unknown) => {
    const resolved = quotes.resolve(document, q);
    return resolved instanceof QuoteError ? [] : resolved;
  });
}

/**
 * The rows of a validated entity line: its node and its evidence links. Both loaders build them here,
 * from the line as written (not from the schema's parse), so they write the same properties.
 */
export function streamedEntityRows(
  v: Record<string, unknown>,
  document: string,
  quotes: QuoteResolver,
  source: { file: string; line: number },
  zh: CaveatTranslations,
): { entity: EntityNodeRow; evidence: EvidenceRow[] } {
  const type = v.type as EntityType;
  const resolved = {
    id: String(v.id),
    type,
    name: String(v.name),
    nameEn: String(v.nameEn),
    aliases: (v.aliases as string[] | undefined) ?? [],
    caveats: (v.caveats as string[] | undefined) ?? [],
    homonyms: (v.homonyms as string[] | undefined) ?? [],
    properties: pick(v, Object.keys(ENTITY_PROPERTIES[type])),
    evidence: evidenceOf(quotes, document, v.quotes),
    source,
    ...quotes.statedBy(document),
  };
  return { entity: entityRow(resolved, zh), evidence: evidenceRows(resolved) };
}

/** The row of a validated relation line (see streamedEntityRows). */
export function streamedRelationRow(
  v: Record<string, unknown>,
  document: string,
  quotes: QuoteResolver,
  source: { file: string; line: number },
  zh: CaveatTranslations,
): RelationRow {
  const type = v.type as RelationType;
  const from = String(v.from);
  const to = String(v.to);
  const key = typeof v.key === 'string' ? v.key : undefined;
  const extra = (RELATION_PROPERTIES as Partial<Record<RelationType, object>>)[type] ?? {};
  return relationRow({
    id: relationId({ from, to, type, key }),
    type,
    from,
    to,
    status: v.status as RelationStatus,
    ...(key === undefined ? {} : { key }),
    properties: pick(v, Object.keys(extra)),
    caveats: (v.caveats as string[] | undefined) ?? [],
    evidence: evidenceOf(quotes, document, v.quotes),
    source,
    ...quotes.statedBy(document),
  }, zh);
}

function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = value;
  }
  return out;
}

/**
 * validateStreamFiles in a worker thread (validationWorker.ts), the rows of valid lines handed to `sink` in
 * this thread as they come: parsing and validating the next lines overlaps with building and writing the
 * rows of the last ones. The same validation, so the same errors; no quote resolver is returned (the bulk
 * loader, its one user, needs none afterwards).
 */
export async function validateStreamFilesInWorker(
  files: readonly string[],
  base: ResolvedGraph,
  sources: readonly ParsedDocument[],
  onProgress?: (lines: number) => void,
  sink?: StreamRowSink,
): Promise<Omit<StreamValidation, 'quotes' | 'caveatsZh'>> {
  const worker = new Worker(new URL('./validationWorker.mjs', import.meta.url), {
    workerData: { files: [...files], base, sources: [...sources], collect: sink !== undefined },
  });
  const quotes = quoteResolverFor(base, sources);
  const write = async ({ text, file, line, document }: ValidLine) => {
    const value = JSON.parse(text) as { entity?: Record<string, unknown>; relation?: Record<string, unknown> };
    const source = { file: files[file] as string, line };
    if (value.entity) {
      const rows = streamedEntityRows(value.entity, document, quotes, source, base.caveatsZh);
      await sink?.entity(rows.entity, rows.evidence);
    } else if (value.relation) {
      await sink?.relation(streamedRelationRow(value.relation, document, quotes, source, base.caveatsZh));
    }
  };
  try {
    return await new Promise((resolve, reject) => {
      // Lines are written in arrival order, one batch at a time; each batch is acknowledged once written.
      let writing = Promise.resolve();
      worker.on('message', (message: WorkerMessage) => {
        switch (message.kind) {
          case 'lines':
            writing = writing.then(async () => {
              for (const line of message.lines) await write(line);
              worker.postMessage('ack');
            });
            writing.catch(reject);
            break;
          case 'progress':
            onProgress?.(message.lines);
            break;
          case 'done':
            writing.then(
              () =>
                resolve({ errors: message.errors, entities: message.entities, relations: message.relations }),
              reject,
            );
            break;
          case 'failed':
            reject(new Error(`The validation worker failed: ${message.message}`));
            break;
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`The validation worker stopped (exit ${code}).`));
      });
    });
  } finally {
    await worker.terminate();
  }
}
