// Small graph files written in a test, validated against the real plan text: for tests of validator rules
// that need a few entities and relations and assert the file, line and message of what is reported.
import { readFileSync } from 'node:fs';
import type { RuleCode, ValidationIssue } from '../../src/data/issues.ts';
import {
  parseGraphFile,
  parseSourceDocument,
  parseSourceMetadata,
  type SourceDocument,
} from '../../src/data/read.ts';
import { validateDataSet, type ValidationResult } from '../../src/data/validate.ts';

const planText = readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8');
const metadata = parseSourceMetadata(
  'data/sources/fujian-plan-2011.yaml',
  'id: fujian-plan-2011\ntitle: 福建省“十二五”建设海峡两岸产业合作基地专项规划\ntitleEn: Fujian plan\nissuer: 福建省人民政府\npublished: 2011-10-29\n',
).metadata!;
const plan: SourceDocument = parseSourceDocument(
  metadata,
  'data/sources/fujian-plan-2011.yaml',
  'data/sources/fujian-plan-2011.txt',
  planText,
);

/** Validates graph files given as { name: YAML text } against the plan. */
export function validateFiles(files: Record<string, string>): ValidationResult {
  return validateDataSet({
    sources: [plan],
    files: Object.entries(files).map(([name, text]) => parseGraphFile(name, text)),
    issues: [],
  });
}

export function errorsOf(result: ValidationResult, rule: RuleCode): ValidationIssue[] {
  return result.errors.filter((e) => e.rule === rule);
}

/** `file:line  path (subject)`, the part of a formatted issue that says where. */
export function where(issue: ValidationIssue): string {
  return `${issue.file}:${issue.line}  ${issue.path}${issue.subject ? ` (${issue.subject})` : ''}`;
}
