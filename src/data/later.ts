// Checks data/later (docs/data-format.md, "Later sources and status steps") and resolves it into what the
// loader writes: the pages read (sources), the dated status steps and undated facts of each entity, the
// facts between entities that later sources state, and the research record of each entity (its latest
// status, the queries run, the caveats). Every later fact cites a page of sources.yaml, says where on the
// page, and sums it up in a sentence of the project's own words in English and in Chinese; the rules
// below make sure it does, and report file:line as the rest of the validator does.
import type { RuleCode, ValidationIssue } from './issues.ts';
import { formatPath } from './issues.ts';
import {
  RELATION_RULES,
  compareCoarse,
  firstDayOf,
  isRelationType,
  laterEntitySchema,
  laterFileSchema,
  laterNameSchema,
  laterRelationSchema,
  laterSourceSchema,
  laterStepSchema,
  laterUndatedSchema,
  relationId,
  type EntityType,
  type LaterSource,
  type LaterStatus,
  type NAME_LANGUAGES,
  type RelationStatus,
  type RelationType,
} from './model.ts';
import { isPlainObject, type LaterFile, type YamlPath } from './read.ts';

/** The rules of this module, one line each (merged into RULES of validate.ts). */
export const LATER_RULES = {
  'later-file-shape': 'a data/later file is a mapping with sources, entities and/or names (lists)',
  'later-schema': 'every page, entity, step and later relation of data/later matches its schema (keys, types, status vocabulary)',
  'later-citation':
    'every later fact cites a page with where on it and a one-sentence summary in English and Chinese; a page has a URL; a status step has a date, a later relation validFrom',
  'later-unknown-source':
    'every step, undated fact, later relation, latest and seeAlso cites a page of data/later/sources.yaml (and so does a caveat or note that names one)',
  'later-duplicate-source': 'page ids are unique',
  'later-unused-source': 'every page of sources.yaml is cited by a step, an undated fact, a relation, latest, a name, or named in a caveat',
  'later-name':
    "a name a page establishes (names:) is given once, is not already the entity's name, English name or alias, and is no other entity's name or alias",
  'later-unknown-entity': 'every entity of data/later, and every end of a later relation, is an entity of data/graph',
  'later-duplicate-entity': 'an entity is described once in data/later',
  'later-step-order': 'the status steps of an entity are in date order (two dates compared at the coarser precision)',
  'later-latest':
    'latest repeats the last dated step, or has date null and a note; an entity has steps or latest, or found: none, never both',
  'later-relation':
    'a later relation involves its entry\'s entity, joins labels its type allows, is not written twice (in data/graph or data/later), and ends after it starts',
} as const satisfies Partial<Record<RuleCode, string>>;

/** A later fact's provenance: the page, where on it, and the project's one-sentence summary. */
export interface ResolvedCitation {
  /** id of a page of data/later/sources.yaml */
  readonly source: string;
  readonly where: string;
  readonly summary: string;
  readonly summaryZh: string;
  /** other pages that report the same */
  readonly seeAlso: readonly string[];
}

export interface ResolvedLaterSource extends LaterSource {
  readonly file: string;
  readonly line: number;
}

/** A dated status step of an entity, or (status and date null) an undated fact about it. */
export interface ResolvedStatusStep {
  /** `<entity id>#<ordinal>` */
  readonly id: string;
  readonly entity: string;
  /** position in the entity's timeline: dated steps in date order, then the undated facts */
  readonly ordinal: number;
  readonly status: LaterStatus | null;
  /** as the page gives it: 2013, 2013-07 or 2013-07-30; null for an undated fact */
  readonly date: string | null;
  /**
   * From when the status holds, as a full date: the first day of `date`, or the previous step's when that
   * is later (a step dated 2013 after one dated 2013-07-30 holds from 2013-07-30). Null when undated.
   */
  readonly validFrom: string | null;
  /** until the next dated step (exclusive); null for the last one */
  readonly validTo: string | null;
  /** the date of the page that reports it (null for a page without one) */
  readonly stated: string | null;
  readonly citation: ResolvedCitation;
  /** figures, owners and shares the page reports, as JSON text */
  readonly facts: string;
  readonly file: string;
  readonly line: number;
}

/** A fact between two entities of data/graph that a later page states. */
export interface ResolvedLaterRelation {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly status: RelationStatus;
  readonly key?: string;
  readonly properties: Readonly<Record<string, number>>;
  readonly caveats: readonly string[];
  /** partial dates, as written */
  readonly validFrom: string;
  readonly validTo: string | null;
  /** the page's date (null when it has none) */
  readonly stated: string | null;
  readonly citation: ResolvedCitation;
  readonly file: string;
  readonly line: number;
}

/** What data/later says about one entity as a whole. */
export interface LaterResearch {
  /** dated: it has dated status steps; undated: only undated pages; none: nothing was found */
  readonly found: 'dated' | 'undated' | 'none';
  /** the latest status the pages establish (absent when nothing was found) */
  readonly status: LaterStatus | null;
  /** its date; null when only an undated page shows it */
  readonly date: string | null;
  readonly source: string | null;
  readonly note: string | null;
  readonly caveats: readonly string[];
  /** the queries run for it */
  readonly searched: readonly string[];
}

/** A name of an entity that a later page establishes (an alias whose provenance is the page). */
export interface ResolvedLaterName {
  readonly entity: string;
  readonly name: string;
  readonly language: (typeof NAME_LANGUAGES)[number];
  readonly source: string;
  readonly where: string;
  readonly file: string;
  readonly line: number;
  /** where it stands in its file, for issues raised once the graph's names are known */
  readonly path: string;
}

export interface ResolvedLater {
  readonly sources: readonly ResolvedLaterSource[];
  readonly steps: readonly ResolvedStatusStep[];
  readonly relations: readonly ResolvedLaterRelation[];
  readonly research: ReadonlyMap<string, LaterResearch>;
  readonly names: readonly ResolvedLaterName[];
}

/** What the later checks need to know of data/graph. */
export interface GraphIndex {
  /** the type of every entity id of data/graph */
  readonly entityTypes: ReadonlyMap<string, EntityType | undefined>;
  /** every relation id of data/graph, with where it is written */
  readonly relationIds: ReadonlyMap<string, { file: string; line: number }>;
  /** the known id nearest to a misspelt one, for "did you mean" */
  closestId(id: string): string | undefined;
}

export const EMPTY_LATER: ResolvedLater = { sources: [], steps: [], relations: [], research: new Map(), names: [] };

interface Where {
  readonly file: LaterFile;
  readonly base: YamlPath;
  readonly subject?: string;
}

/** A source cited at a place, checked once every file is read (sources.yaml may come after the entity files). */
interface Cite {
  readonly id: string;
  readonly where: Where;
  readonly path: YamlPath;
}

export function checkLater(files: readonly LaterFile[], graph: GraphIndex): { later: ResolvedLater; issues: ValidationIssue[] } {
  return new LaterChecker(graph).run(files);
}

class LaterChecker {
  private readonly issues: ValidationIssue[] = [];
  private readonly sources = new Map<string, ResolvedLaterSource>();
  private readonly cites: Cite[] = [];
  private readonly steps: ResolvedStatusStep[] = [];
  private readonly relations: ResolvedLaterRelation[] = [];
  private readonly research = new Map<string, LaterResearch>();
  private readonly entities = new Map<string, { file: string; line: number }>();
  private readonly laterRelationIds = new Map<string, { file: string; line: number }>();
  private readonly names: ResolvedLaterName[] = [];

  constructor(private readonly graph: GraphIndex) {}

  run(files: readonly LaterFile[]): { later: ResolvedLater; issues: ValidationIssue[] } {
    for (const file of files) this.issues.push(...file.syntaxIssues);
    const shaped = files.filter((file) => this.checkShape(file));
    for (const file of shaped) this.listOf(file, 'sources').forEach((value, i) => this.checkSource(file, value, i));
    for (const file of shaped) this.listOf(file, 'entities').forEach((value, i) => this.checkEntity(file, value, i));
    for (const file of shaped) this.listOf(file, 'names').forEach((value, i) => this.checkName(file, value, i));
    this.checkCites();
    // Pages of a stale stated date would mislead: the steps take their `stated` from the page.
    const steps = this.steps.map((step) => ({ ...step, stated: this.sources.get(step.citation.source)?.date ?? null }));
    const relations = this.relations.map((r) => ({ ...r, stated: this.sources.get(r.citation.source)?.date ?? null }));
    return {
      later: { sources: [...this.sources.values()], steps, relations, research: this.research, names: this.names },
      issues: this.issues,
    };
  }

  private checkShape(file: LaterFile): boolean {
    if (file.content === undefined || file.content === null) {
      if (file.syntaxIssues.length === 0) {
        this.report({ file: file.file, line: 1, path: '', rule: 'later-file-shape', message: 'file is empty; write sources: and/or entities:' });
      }
      return false;
    }
    const shape = laterFileSchema.safeParse(file.content);
    if (shape.success) return true;
    for (const issue of shape.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const p = key === undefined ? (issue.path as YamlPath) : [...(issue.path as YamlPath), key];
        this.report({ file: file.file, line: file.lineOf(p), path: formatPath(p), rule: 'later-file-shape',
          message: key === undefined ? `top level: ${issue.message}` : `unknown top-level key "${key}"; a data/later file has only sources, entities and names` });
      }
    }
    return false;
  }

  /** A name a page establishes for an entity: its entity must exist and its page be listed; the rest is checked against the graph's names (validate.ts). */
  private checkName(file: LaterFile, value: unknown, index: number): void {
    const base: YamlPath = ['names', index];
    const id = isPlainObject(value) && typeof value.entity === 'string' ? value.entity : undefined;
    const where: Where = { file, base, ...(id ? { subject: id } : {}) };
    const parsed = laterNameSchema.safeParse(value);
    if (!parsed.success) {
      this.reportSchema(where, value, parsed.error.issues, 'name', (key) =>
        key === 'source' || key === 'where' ? 'later-citation' : 'later-schema');
      return;
    }
    const entry = parsed.data;
    if (!this.graph.entityTypes.has(entry.entity)) {
      const hint = this.graph.closestId(entry.entity);
      this.issueAt(where, ['entity'], 'later-unknown-entity', `no entity of data/graph has id ${entry.entity}${hint ? `; did you mean ${hint}?` : ''}`, entry.entity);
      return;
    }
    const first = this.names.find((n) => n.entity === entry.entity && n.name === entry.name);
    if (first) {
      this.issueAt(where, ['name'], 'later-name', `this name of ${entry.entity} is already given at ${first.file}:${first.line}`, entry.name);
      return;
    }
    this.cites.push({ id: entry.source, where, path: ['source'] });
    this.names.push({ ...entry, file: file.file, line: file.lineOf(base), path: formatPath([...base, 'name']) });
  }

  private listOf(file: LaterFile, key: 'sources' | 'entities' | 'names'): unknown[] {
    const list = isPlainObject(file.content) ? file.content[key] : undefined;
    return Array.isArray(list) ? list : [];
  }

  private checkSource(file: LaterFile, value: unknown, index: number): void {
    const where: Where = { file, base: ['sources', index], ...(isPlainObject(value) && typeof value.id === 'string' ? { subject: value.id } : {}) };
    const parsed = laterSourceSchema.safeParse(value);
    if (!parsed.success) {
      this.reportSchema(where, value, parsed.error.issues, 'page', (key) => (key === 'url' ? 'later-citation' : 'later-schema'));
      return;
    }
    const source = parsed.data;
    const line = file.lineOf(where.base);
    if ((source.date === null) !== (source.dateBasis === 'none')) {
      this.issueAt(where, ['dateBasis'], 'later-schema',
        source.date === null ? 'a page without a date has dateBasis none' : 'a page with a date says where it comes from: dateBasis page or url', source.dateBasis);
    }
    const first = this.sources.get(source.id);
    if (first) {
      this.issueAt(where, ['id'], 'later-duplicate-source', `page ${source.id} is already listed at ${first.file}:${first.line}`, source.id);
      return;
    }
    this.sources.set(source.id, { ...source, file: file.file, line });
  }

  private checkEntity(file: LaterFile, value: unknown, index: number): void {
    const base: YamlPath = ['entities', index];
    const id = isPlainObject(value) && typeof value.entity === 'string' ? value.entity : undefined;
    const where: Where = { file, base, ...(id ? { subject: id } : {}) };
    const parsed = laterEntitySchema.safeParse(value);
    if (!parsed.success) {
      this.reportSchema(where, value, parsed.error.issues, 'entity of data/later', () => 'later-schema');
      return;
    }
    const entry = parsed.data;
    const line = file.lineOf(base);
    if (!this.graph.entityTypes.has(entry.entity)) {
      const hint = this.graph.closestId(entry.entity);
      this.issueAt(where, ['entity'], 'later-unknown-entity', `no entity of data/graph has id ${entry.entity}${hint ? `; did you mean ${hint}?` : ''}`, entry.entity);
      return;
    }
    const first = this.entities.get(entry.entity);
    if (first) {
      this.issueAt(where, ['entity'], 'later-duplicate-entity', `${entry.entity} is already described at ${first.file}:${first.line}; merge the two`, entry.entity);
      return;
    }
    this.entities.set(entry.entity, { file: file.file, line });

    const steps = (entry.steps ?? []).flatMap((step, i) => this.checkStep(where, step, i));
    this.checkOrder(where, steps);
    const undated = (entry.undated ?? []).flatMap((item, i) => this.checkUndated(where, item, i));
    (entry.relations ?? []).forEach((relation, i) => this.checkRelation(where, entry.entity, relation, i));
    if (entry.latest) this.cites.push({ id: entry.latest.source, where, path: ['latest', 'source'] });
    // A caveat or note that names a page cites it too (sources disagree, a related page, …).
    entry.caveats.forEach((caveat, i) => this.citeMentions(where, ['caveats', i], caveat));
    if (entry.latest?.note) this.citeMentions(where, ['latest', 'note'], entry.latest.note);

    // The timeline: dated steps from when each holds (never before the one it follows), then the undated facts.
    let validFrom = '';
    const dated = steps.map((step) => {
      validFrom = firstDayOf(step.date) > validFrom ? firstDayOf(step.date) : validFrom;
      return { ...step, validFrom };
    });
    dated.forEach((step, i) => {
      this.steps.push({
        id: `${entry.entity}#${i}`,
        entity: entry.entity,
        ordinal: i,
        status: step.status,
        date: step.date,
        validFrom: step.validFrom,
        validTo: dated[i + 1]?.validFrom ?? null,
        stated: null,
        citation: step.citation,
        facts: JSON.stringify(step.facts),
        file: file.file,
        line: step.line,
      });
    });
    undated.forEach((item, i) => {
      this.steps.push({
        id: `${entry.entity}#${dated.length + i}`,
        entity: entry.entity,
        ordinal: dated.length + i,
        status: null,
        date: null,
        validFrom: null,
        validTo: null,
        stated: null,
        citation: item.citation,
        facts: JSON.stringify(item.facts),
        file: file.file,
        line: item.line,
      });
    });
    this.checkLatest(where, entry, steps);
    const latest = entry.latest;
    this.research.set(entry.entity, {
      found: steps.length > 0 ? 'dated' : latest || undated.length > 0 ? 'undated' : 'none',
      status: latest?.status ?? null,
      date: latest?.date ?? null,
      source: latest?.source ?? null,
      note: latest?.note ?? null,
      caveats: entry.caveats,
      searched: entry.searched,
    });
  }

  private checkStep(where: Where, value: unknown, index: number) {
    const path: YamlPath = ['steps', index];
    const parsed = laterStepSchema.safeParse(value);
    if (!parsed.success) {
      const missingDate = isPlainObject(value) && (value.date === undefined || value.date === null);
      this.reportSchema({ ...where, base: [...where.base, ...path] }, value, parsed.error.issues, 'status step', (key) =>
        key === 'date' && missingDate
          ? { rule: 'later-citation', message: 'a status step has a date (as precise as the page gives it); a fact from an undated page goes under undated' }
          : CITATION_KEYS.has(key) ? 'later-citation' : 'later-schema');
      return [];
    }
    const step = parsed.data;
    this.citeAll(where, path, step);
    return [{ date: step.date, status: step.status, facts: step.facts, citation: citationOf(step), line: where.file.lineOf([...where.base, ...path]), path }];
  }

  private checkUndated(where: Where, value: unknown, index: number) {
    const path: YamlPath = ['undated', index];
    const parsed = laterUndatedSchema.safeParse(value);
    if (!parsed.success) {
      this.reportSchema({ ...where, base: [...where.base, ...path] }, value, parsed.error.issues, 'undated fact', (key) =>
        CITATION_KEYS.has(key) ? 'later-citation' : 'later-schema');
      return [];
    }
    const item = parsed.data;
    this.citeAll(where, path, item);
    return [{ facts: item.facts, citation: citationOf(item), line: where.file.lineOf([...where.base, ...path]) }];
  }

  private checkOrder(where: Where, steps: readonly { date: string; path: YamlPath }[]): void {
    for (let i = 1; i < steps.length; i++) {
      const previous = steps[i - 1] as (typeof steps)[number];
      const step = steps[i] as (typeof steps)[number];
      if (compareCoarse(previous.date, step.date) > 0) {
        this.issueAt(where, [...step.path, 'date'], 'later-step-order',
          `step dated ${step.date} follows one dated ${previous.date}; write the steps in date order`, step.date);
      }
    }
  }

  private checkLatest(
    where: Where,
    entry: { latest?: { status: LaterStatus; date: string | null; source: string; note?: string | undefined } | undefined; found?: 'none' | undefined; undated?: unknown[] | undefined },
    steps: readonly { date: string; status: LaterStatus; citation: ResolvedCitation }[],
  ): void {
    const { latest } = entry;
    const last = steps[steps.length - 1];
    if (entry.found === 'none') {
      if (steps.length > 0 || latest || (entry.undated?.length ?? 0) > 0) {
        this.issueAt(where, ['found'], 'later-latest', 'found: none, yet it has steps, undated facts or latest; remove found: none', 'none');
      }
      return;
    }
    if (!latest) {
      this.issueAt(where, [], 'later-latest', 'give latest (the last status the pages establish), or found: none with the queries searched');
      return;
    }
    if (latest.date === null) {
      if (last && !latest.note && latest.status !== last.status) {
        this.issueAt(where, ['latest'], 'later-latest', 'latest has no date and differs from the last dated step: say why in a note', latest.status);
      }
      return;
    }
    if (!last || latest.date !== last.date || latest.status !== last.status || latest.source !== last.citation.source) {
      this.issueAt(where, ['latest'], 'later-latest',
        last
          ? `latest (${latest.status}, ${latest.date}, ${latest.source}) is not the last dated step (${last.status}, ${last.date}, ${last.citation.source})`
          : 'latest has a date but there is no dated step; add the step, or give latest date null and a note',
        latest.date);
    }
  }

  private checkRelation(where: Where, entity: string, value: unknown, index: number): void {
    const path: YamlPath = ['relations', index];
    const at: Where = { ...where, base: [...where.base, ...path] };
    const parsed = laterRelationSchema.safeParse(value);
    if (!parsed.success) {
      this.reportSchema(at, value, parsed.error.issues, 'later relation', (key) =>
        CITATION_KEYS.has(key) || key === 'validFrom' ? 'later-citation' : 'later-schema');
      return;
    }
    const r = parsed.data;
    this.citeAll(where, path, r);
    const id = relationId(r);
    const subject: Where = { ...at, subject: id };
    let ok = true;
    if (r.from !== entity && r.to !== entity) {
      this.issueAt(subject, [], 'later-relation', `a later relation of ${entity} starts or ends at it; move it to the entry of ${r.from} or ${r.to}`);
    }
    for (const end of ['from', 'to'] as const) {
      const type = this.graph.entityTypes.get(r[end]);
      if (!this.graph.entityTypes.has(r[end])) {
        const hint = this.graph.closestId(r[end]);
        this.issueAt(subject, [end], 'later-unknown-entity', `no entity of data/graph has id ${r[end]}${hint ? `; did you mean ${hint}?` : ''}`, r[end]);
        ok = false;
        continue;
      }
      const allowed = isRelationType(r.type) ? RELATION_RULES[r.type][end] : [];
      if (type && !allowed.includes(type)) {
        this.issueAt(subject, [end], 'later-relation', `${r.type} may ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(', ')}; ${r[end]} is a ${type}`, r[end]);
        ok = false;
      }
    }
    if (r.share !== undefined && r.type !== 'INVESTS_IN') {
      this.issueAt(subject, ['share'], 'later-schema', 'share is a property of INVESTS_IN only', r.share);
      ok = false;
    }
    const first = this.graph.relationIds.get(id) ?? this.laterRelationIds.get(id);
    if (first) {
      this.issueAt(subject, [], 'later-relation', `relation ${id} is already written at ${first.file}:${first.line}; give this one a distinct key`, id);
      ok = false;
    }
    if (r.validTo !== undefined && compareCoarse(r.validTo, r.validFrom) < 0) {
      this.issueAt(subject, ['validTo'], 'later-relation', `validTo ${r.validTo} is before validFrom ${r.validFrom}`, r.validTo);
      ok = false;
    }
    if (!ok) return;
    const line = where.file.lineOf(at.base);
    this.laterRelationIds.set(id, { file: where.file.file, line });
    this.relations.push({
      id,
      type: r.type,
      from: r.from,
      to: r.to,
      status: r.status,
      ...(r.key === undefined ? {} : { key: r.key }),
      properties: r.share === undefined ? {} : { share: r.share },
      caveats: r.caveats,
      validFrom: r.validFrom,
      validTo: r.validTo ?? null,
      stated: null,
      citation: citationOf(r),
      file: where.file.file,
      line,
    });
  }

  private citeMentions(where: Where, path: YamlPath, text: string): void {
    for (const [id] of text.matchAll(/\bweb:[a-z0-9]+(?:-[a-z0-9]+)*/g)) this.cites.push({ id, where, path });
  }

  private citeAll(where: Where, path: YamlPath, item: { source: string; seeAlso?: string[] | undefined }): void {
    this.cites.push({ id: item.source, where, path: [...path, 'source'] });
    item.seeAlso?.forEach((id, i) => this.cites.push({ id, where, path: [...path, 'seeAlso', i] }));
  }

  private checkCites(): void {
    const cited = new Set<string>();
    for (const cite of this.cites) {
      cited.add(cite.id);
      if (!this.sources.has(cite.id)) {
        this.issueAt(cite.where, cite.path, 'later-unknown-source', `no page ${cite.id} in data/later/sources.yaml; list the page read there first`, cite.id);
      }
    }
    for (const source of this.sources.values()) {
      if (!cited.has(source.id)) {
        this.report({ file: source.file, line: source.line, path: '', subject: source.id, rule: 'later-unused-source',
          message: `page ${source.id} is cited by no step, undated fact, relation or latest; cite it or remove it` });
      }
    }
  }

  private reportSchema(
    where: Where,
    value: unknown,
    issues: readonly { code: string; path: PropertyKey[]; message: string; keys?: string[]; values?: unknown[] }[],
    what: string,
    ruleOf: (key: string) => RuleCode | { rule: RuleCode; message: string },
  ): void {
    for (const issue of issues) {
      const p = issue.path.filter((seg): seg is string | number => typeof seg !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys ?? []) this.issueAt(where, [...p, key], 'later-schema', `unknown property "${key}" for a ${what}`);
        continue;
      }
      const key = typeof p[0] === 'string' ? p[0] : '';
      const rule = ruleOf(key);
      const name = p.length ? `"${formatPath(p)}"` : 'entry';
      const missing = isPlainObject(value) && p.length === 1 && value[key] === undefined;
      const message =
        typeof rule === 'object'
          ? rule.message
          : missing
            ? `missing ${name}${CITATION_KEYS.has(key) ? ' (a later fact cites a page, says where on it and sums it up in English and Chinese)' : ''}`
            : issue.code === 'invalid_value' && issue.values
              ? `${name} must be one of: ${issue.values.join(', ')}`
              : `${name}: ${issue.message}`;
      this.issueAt(where, p, typeof rule === 'object' ? rule.rule : rule, message);
    }
  }

  private issueAt(where: Where, rel: YamlPath, rule: RuleCode, message: string, value?: unknown): void {
    const p = [...where.base, ...rel];
    this.report({ file: where.file.file, line: where.file.lineOf(p), path: formatPath(p), rule, message, value, subject: where.subject });
  }

  private report(issue: ValidationIssue): void {
    this.issues.push(Object.fromEntries(Object.entries(issue).filter(([, v]) => v !== undefined)) as unknown as ValidationIssue);
  }
}

/** The keys of a later fact that make its citation. */
const CITATION_KEYS = new Set(['source', 'where', 'summary_en', 'summary_zh']);

function citationOf(item: { source: string; where: string; summary_en: string; summary_zh: string; seeAlso?: string[] | undefined }): ResolvedCitation {
  return { source: item.source, where: item.where, summary: item.summary_en, summaryZh: item.summary_zh, seeAlso: item.seeAlso ?? [] };
}
