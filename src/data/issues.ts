// What the validator reports: one ValidationIssue per problem, naming the file, the line, the path inside
// the file and the offending value, with a message that says what to change. Kept apart from
// validate.ts so the reader (which finds YAML syntax errors) and the CLI can share it.

/** A stable name for each rule, so tests, summaries and tools can tell problems apart without parsing messages. */
export type RuleCode =
  | 'yaml-syntax'
  | 'file-shape'
  | 'source-metadata'
  | 'source-text'
  | 'unknown-document'
  | 'unknown-entity-type'
  | 'schema'
  | 'unknown-property'
  | 'id-pattern'
  | 'id-type-mismatch'
  | 'duplicate-id'
  | 'name-missing'
  | 'name-en-missing'
  | 'alias-equals-name'
  | 'duplicate-alias'
  | 'empty-caveat'
  | 'no-quotes'
  | 'duplicate-quote'
  | 'quote-empty'
  | 'quote-not-found'
  | 'quote-ambiguous'
  | 'quote-occurrence'
  | 'indicator-year-and-period'
  | 'unknown-relation-type'
  | 'unknown-endpoint'
  | 'endpoint-label'
  | 'self-loop'
  | 'duplicate-relation'
  | 'no-relation'
  | 'coverage-ignore'
  | 'later-file-shape'
  | 'later-schema'
  | 'later-citation'
  | 'later-unknown-source'
  | 'later-duplicate-source'
  | 'later-unused-source'
  | 'later-unknown-entity'
  | 'later-duplicate-entity'
  | 'later-step-order'
  | 'later-latest'
  | 'later-relation'
  | 'later-name'
  | 'shared-name'
  | 'structural-status'
  | 'status-wording'
  | 'sector-tree'
  | 'process-kind'
  | 'group-members'
  | 'number-bound'
  | 'measure-threshold'
  | 'growth-base'
  | 'clause-twice'
  | 'indicator-enumeration'
  | 'port-airport-site'
  | 'box-comparison'
  | 'caveat-catalogue'
  | 'caveat-untranslated';

export interface ValidationIssue {
  /** the file as given to the reader (data/graph/41-parks.yaml) */
  readonly file: string;
  /** 1-based line of the offending entry or property */
  readonly line: number;
  /** where in the file: "entities[3].quotes[0]", "relations[12].to" */
  readonly path: string;
  /** the offending value, when there is one */
  readonly value?: unknown;
  readonly message: string;
  readonly rule: RuleCode;
  /** the entity id or relation id concerned, when known */
  readonly subject?: string;
}

/** A path like ["entities", 3, "quotes", 0] written as "entities[3].quotes[0]". */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** `file:line  path  message  (value: …)`: one line per issue, as `cskg validate` prints it. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.subject ? `${issue.path} (${issue.subject})` : issue.path;
  const value = issue.value === undefined ? '' : `  (value: ${formatValue(issue.value)})`;
  return `${issue.file}:${issue.line}  ${where || '(file)'}  ${issue.message}${value}`;
}

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Orders issues by file, then line, so a report reads top to bottom like the files. */
export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
