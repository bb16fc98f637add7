// The coverage report: for each section of each source, the passages that state a fact but that no
// entity or relation cites. It tells curators what is left to model (the issue asks that chapters 1–5
// end with none, or a short list with reasons). Passages deliberately left out are listed, with a reason
// each, in data/coverage-ignore.yaml.
//
// "States a fact" is a heuristic, kept simple so a curator can predict it. A passage states a fact when
// - it is running text: a sentence, a list item or a table row (not a heading, a caption, a date, a title,
//   a table-of-contents entry or a table's header row), and
// - it has a number (ASCII or full-width digits), or names an entity of the graph (its name or an alias),
//   or uses one of the plan's verbs of action or state (PLAN_VERBS).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { locateQuote, QuoteError } from '../sources/quote.ts';
import type { ParsedDocument, Passage, PassageKind } from '../sources/types.ts';
import { displayPath, DEFAULT_DATA_DIR } from './read.ts';
import type { ValidationIssue } from './issues.ts';
import { DEFAULT_DOCUMENT_ID } from './model.ts';
import type { ResolvedGraph } from './validate.ts';

/** Verbs the plan uses to state what exists or what it will do; any one of them makes a passage a fact. */
export const PLAN_VERBS = [
  '已', '成为', '形成', '现有', '达', '占', '增长', '依托', '位于', '组成', '包括', '分为',
  '推进', '推动', '加快', '建设', '建立', '完善', '实施', '落实', '发展', '打造', '培育', '构建', '构筑',
  '承接', '引进', '吸引', '鼓励', '引导', '支持', '争取', '扶持', '加强', '深化', '扩大', '提升', '促进',
  '合作', '对接', '布局', '重点', '设立', '开展', '举办', '允许', '探索', '优先', '减免', '提供',
  '作为', '保持', '不再', '给予', '负责', '确定',
] as const;

/** Passage kinds that are running text; the others never state a fact on their own. */
const FACT_KINDS: ReadonlySet<PassageKind> = new Set(['sentence', 'list-item', 'table-row']);

export interface FactReason {
  readonly kind: 'number' | 'entity' | 'verb';
  /** the digit, name or verb that made the passage count */
  readonly match: string;
}

/** Why a passage counts as stating a fact, or undefined when it does not. `names` are entity names and aliases. */
export function factReason(passage: Passage, names: readonly string[]): FactReason | undefined {
  if (!FACT_KINDS.has(passage.kind)) return undefined;
  const digit = /[0-9０-９]/.exec(passage.text);
  if (digit) return { kind: 'number', match: digit[0] };
  const name = names.find((n) => passage.text.includes(n));
  if (name) return { kind: 'entity', match: name };
  const verb = PLAN_VERBS.find((v) => passage.text.includes(v));
  if (verb) return { kind: 'verb', match: verb };
  return undefined;
}

// ------------------------------------------------------------------------------------- the ignore list

export const DEFAULT_COVERAGE_IGNORE_FILE = path.join(DEFAULT_DATA_DIR, 'coverage-ignore.yaml');

/** One entry of data/coverage-ignore.yaml: a passage (by id) or a quote (its passages), and why it is not modelled. */
export interface CoverageIgnoreEntry {
  readonly passage?: string;
  readonly quote?: string;
  readonly occurrence?: number;
  readonly document?: string;
  readonly reason: string;
  readonly line: number;
}

export interface CoverageIgnoreList {
  readonly file: string;
  readonly entries: readonly CoverageIgnoreEntry[];
  readonly issues: readonly ValidationIssue[];
}

/**
 * Parses the ignore list: a YAML list (or `ignore:` holding one) of entries
 * `{ passage: fujian-plan-2011:p0123, reason: ... }` or `{ quote: ..., occurrence?: N, reason: ... }`.
 */
export function parseCoverageIgnore(file: string, source: string): CoverageIgnoreList {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const issues: ValidationIssue[] = doc.errors.map((e) => ({
    file, line: lineCounter.linePos(e.pos[0]).line || 1, path: '', message: `YAML error: ${e.message.split('\n')[0]}`, rule: 'yaml-syntax' as const,
  }));
  if (issues.length) return { file, entries: [], issues };
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.get('ignore', true);
  if (list === null || list === undefined) return { file, entries: [], issues };
  if (!isSeq(list)) {
    return { file, entries: [], issues: [{ file, line: 1, path: '', rule: 'coverage-ignore', message: 'the ignore list is a YAML list of { passage | quote, reason } entries' }] };
  }
  const entries: CoverageIgnoreEntry[] = [];
  list.items.forEach((item, i) => {
    const range = isMap(item) || isScalar(item) ? item.range : undefined;
    const line = range ? lineCounter.linePos(range[0]).line : 1;
    const value: unknown = isMap(item) || isScalar(item) ? item.toJSON() : undefined;
    const bad = (message: string) => issues.push({ file, line, path: `[${i}]`, value, rule: 'coverage-ignore', message });
    if (typeof value !== 'object' || value === null) return bad('an entry is a mapping with passage or quote, and reason');
    const v = value as Record<string, unknown>;
    const unknownKeys = Object.keys(v).filter((k) => !['passage', 'quote', 'occurrence', 'document', 'reason'].includes(k));
    if (unknownKeys.length) return bad(`unknown key ${unknownKeys.join(', ')}; an entry has passage or quote (with occurrence, document), and reason`);
    if ((typeof v.passage === 'string') === (typeof v.quote === 'string')) return bad('give exactly one of passage (an id like fujian-plan-2011:p0123) or quote');
    if (typeof v.reason !== 'string' || v.reason.trim() === '') return bad('give a reason: why this passage states nothing to model');
    entries.push({
      ...(typeof v.passage === 'string' ? { passage: v.passage } : {}),
      ...(typeof v.quote === 'string' ? { quote: v.quote } : {}),
      ...(typeof v.occurrence === 'number' ? { occurrence: v.occurrence } : {}),
      ...(typeof v.document === 'string' ? { document: v.document } : {}),
      reason: v.reason,
      line,
    });
  });
  return { file, entries, issues };
}

/** Reads the ignore list; a missing file is an empty list. */
export async function readCoverageIgnore(file: string = DEFAULT_COVERAGE_IGNORE_FILE): Promise<CoverageIgnoreList> {
  const shown = displayPath(file);
  try {
    return parseCoverageIgnore(shown, await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: shown, entries: [], issues: [] };
    throw error;
  }
}

// ------------------------------------------------------------------------------------------ the report

export interface UncitedPassage {
  readonly id: string;
  readonly line: number;
  readonly kind: PassageKind;
  readonly text: string;
  readonly reason: FactReason;
}

export interface IgnoredPassage {
  readonly id: string;
  readonly reason: string;
}

export interface CoverageTotals {
  readonly passages: number;
  /** passages that state a fact */
  readonly factual: number;
  /** factual passages cited by at least one entity or relation */
  readonly cited: number;
  /** factual passages not cited but on the ignore list */
  readonly ignored: number;
  /** factual passages neither cited nor ignored: what is left to model */
  readonly uncited: number;
}

export interface DocumentCoverage {
  readonly documentId: string;
  readonly totals: CoverageTotals;
  /** sections with uncited passages, in reading order */
  readonly sections: readonly { readonly section: string; readonly passages: readonly UncitedPassage[] }[];
  readonly ignored: readonly IgnoredPassage[];
}

export interface CoverageReport {
  readonly documents: readonly DocumentCoverage[];
  readonly totals: CoverageTotals;
  /** problems with the ignore list: malformed entries, passages or quotes not found, entries no longer needed */
  readonly ignoreIssues: readonly ValidationIssue[];
}

export interface CoverageOptions {
  /** only sections whose name contains this text (e.g. "第四章") */
  readonly section?: string;
}

/** Computes coverage from a resolved graph and the parsed sources it was resolved against. */
export function computeCoverage(
  graph: ResolvedGraph,
  sources: readonly ParsedDocument[],
  ignoreList: CoverageIgnoreList = { file: 'data/coverage-ignore.yaml', entries: [], issues: [] },
  options: CoverageOptions = {},
): CoverageReport {
  const cited = new Set<string>();
  for (const item of [...graph.entities, ...graph.relations]) for (const e of item.evidence) cited.add(e.passageId);
  const names = [...new Set(graph.entities.flatMap((e) => [e.name, ...e.aliases]))].filter((n) => n.length >= 2);
  const { ignored, issues } = resolveIgnoreList(ignoreList, sources, cited);

  const documents = sources.map((doc): DocumentCoverage => {
    const inScope = doc.passages.filter((p) => options.section === undefined || p.section.includes(options.section));
    const sections = new Map<string, UncitedPassage[]>();
    const ignoredHere: IgnoredPassage[] = [];
    let factual = 0;
    let citedCount = 0;
    for (const passage of inScope) {
      const reason = factReason(passage, names);
      if (!reason) continue;
      factual++;
      if (cited.has(passage.id)) {
        citedCount++;
      } else if (ignored.has(passage.id)) {
        ignoredHere.push({ id: passage.id, reason: ignored.get(passage.id) ?? '' });
      } else {
        const list = sections.get(passage.section) ?? [];
        list.push({ id: passage.id, line: passage.line, kind: passage.kind, text: passage.text, reason });
        sections.set(passage.section, list);
      }
    }
    const uncited = [...sections.values()].reduce((n, list) => n + list.length, 0);
    return {
      documentId: doc.documentId,
      totals: { passages: inScope.length, factual, cited: citedCount, ignored: ignoredHere.length, uncited },
      sections: [...sections].map(([section, passages]) => ({ section, passages })),
      ignored: ignoredHere,
    };
  });
  const sum = (key: keyof CoverageTotals) => documents.reduce((n, d) => n + d.totals[key], 0);
  return {
    documents,
    totals: { passages: sum('passages'), factual: sum('factual'), cited: sum('cited'), ignored: sum('ignored'), uncited: sum('uncited') },
    ignoreIssues: issues,
  };
}

/** Resolves each ignore entry to passage ids; reports entries that match nothing or are no longer needed. */
function resolveIgnoreList(
  list: CoverageIgnoreList,
  sources: readonly ParsedDocument[],
  cited: ReadonlySet<string>,
): { ignored: Map<string, string>; issues: ValidationIssue[] } {
  const ignored = new Map<string, string>();
  const issues: ValidationIssue[] = [...list.issues];
  const byId = new Map(sources.flatMap((doc) => doc.passages.map((p) => [p.id, p] as const)));
  list.entries.forEach((entry, i) => {
    const issue = (message: string, value: unknown) =>
      issues.push({ file: list.file, line: entry.line, path: `[${i}]`, value, rule: 'coverage-ignore', message });
    let ids: string[] = [];
    if (entry.passage !== undefined) {
      if (!byId.has(entry.passage)) return issue(`no passage ${entry.passage}; ids look like ${DEFAULT_DOCUMENT_ID}:p0123 (passage ids change when the text does)`, entry.passage);
      ids = [entry.passage];
    } else if (entry.quote !== undefined) {
      const documentId = entry.document ?? DEFAULT_DOCUMENT_ID;
      const doc = sources.find((d) => d.documentId === documentId);
      if (!doc) return issue(`no source "${documentId}"`, documentId);
      try {
        ids = locateQuote(doc, entry.quote, entry.occurrence).passages.map((p) => p.id);
      } catch (error) {
        if (error instanceof QuoteError) return issue(error.message, entry.quote);
        throw error;
      }
    }
    if (ids.every((id) => cited.has(id))) issue('no longer needed: the passage is cited now; remove this entry', entry.passage ?? entry.quote);
    for (const id of ids) ignored.set(id, entry.reason);
  });
  return { ignored, issues };
}

// ---------------------------------------------------------------------------------------- terminal text

const PREVIEW_LENGTH = 60;

/** The report as terminal text: a summary, then each section's heading and its uncited passages. */
export function formatCoverageReport(report: CoverageReport): string {
  const out: string[] = [];
  for (const doc of report.documents) {
    const t = doc.totals;
    out.push(`${doc.documentId}: ${t.factual} passages state a fact; ${t.cited} cited, ${t.ignored} ignored, ${t.uncited} not cited`);
    for (const { section, passages } of doc.sections) {
      out.push('', section || '(no section)');
      for (const p of passages) out.push(`  ${p.id}  line ${p.line}  ${preview(p.text)}`);
    }
    out.push('');
  }
  if (report.ignoreIssues.length) {
    out.push('Ignore list:');
    for (const issue of report.ignoreIssues) out.push(`  ${issue.file}:${issue.line}  ${issue.path}  ${issue.message}`);
    out.push('');
  }
  const t = report.totals;
  out.push(t.uncited === 0 ? 'Coverage is complete: every passage that states a fact is cited or ignored with a reason.' : `${t.uncited} passages state a fact that no entity or relation cites.`);
  return out.join('\n');
}

function preview(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, '');
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH)}…`;
}
