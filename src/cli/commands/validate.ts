// `cskg validate`: checks data/ (sources and graph files) and prints every error as
// `file:line  path  message  (value: …)`; when all is valid, a summary with counts per entity type,
// relation type and status. Exits 1 on any error.
import type { Command } from 'commander';
import { formatIssue, type ValidationIssue } from '../../data/issues.ts';
import { RULES, summarizeGraph, validateDataDir, type ValidationResult } from '../../data/validate.ts';
import { addDataOption, print, printJson } from '../command.ts';

interface ValidateOptions {
  data: string;
  json?: boolean;
  rules?: boolean;
}

export function register(program: Command): void {
  addDataOption(
    program
      .command('validate')
      .description(
        'check data/ against docs/data-format.md; every error with file, line and value (exit 1 if any)',
      )
      .option('--json', 'print the errors and the summary as JSON')
      .option('--rules', 'list the rules the validator enforces and exit'),
  ).action(async (options: ValidateOptions) => {
    if (options.rules) {
      for (const [rule, text] of Object.entries(RULES)) print(`${rule.padEnd(26)} ${text}`);
      return;
    }
    const result = await validateDataDir(options.data);
    if (options.json) printJson({ valid: result.valid, errors: result.errors, summary: summary(result) });
    else printReport(result);
    if (!result.valid) process.exitCode = 1;
  });
}

function summary(result: ValidationResult) {
  const { graph } = result;
  return {
    documents: graph.documents.length,
    passages: graph.passages.length,
    entities: graph.entities.length,
    relations: graph.relations.length,
    ...summarizeGraph(graph),
  };
}

function printReport(result: ValidationResult): void {
  if (!result.valid) {
    for (const issue of result.errors) print(formatIssue(issue));
    print();
    print(errorSummary(result.errors));
    return;
  }
  const s = summary(result);
  print(
    `data/ is valid: ${s.documents} document(s), ${s.passages} passages, ${s.entities} entities, ${s.relations} relations`,
  );
  printCounts('entities by type', s.entitiesByType);
  printCounts('relations by type', s.relationsByType);
  printCounts('relations by status', s.relationsByStatus);
}

function errorSummary(errors: readonly ValidationIssue[]): string {
  const byRule = new Map<string, number>();
  for (const e of errors) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
  const files = new Set(errors.map((e) => e.file)).size;
  const rules = [...byRule]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  return `${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${rules})`;
}

function printCounts(title: string, counts: Record<string, number>): void {
  print();
  print(`${title}:`);
  for (const [key, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]))
    print(`  ${key.padEnd(18)} ${String(n).padStart(5)}`);
}
