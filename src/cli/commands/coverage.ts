// `cskg coverage`: per section, the passages that state a fact but that no entity or relation cites
// (see src/data/coverage.ts for what "states a fact" means and for the ignore list). It is a report:
// exit 0 unless --strict, which fails when anything is left uncited or the ignore list has problems.
import type { Command } from 'commander';
import path from 'node:path';
import { computeCoverage, formatCoverageReport, readCoverageIgnore } from '../../data/coverage.ts';
import { validateDataDir } from '../../data/validate.ts';
import { addDataOption, print, printJson } from '../command.ts';

interface CoverageOptions {
  data: string;
  json?: boolean;
  strict?: boolean;
  section?: string;
  ignore?: string;
}

export function register(program: Command): void {
  addDataOption(
    program
      .command('coverage')
      .description('list, per section, the passages that state a fact but are cited by no entity or relation')
      .option('--json', 'print the report as JSON')
      .option('--strict', 'exit 1 when a passage is left uncited or the ignore list has problems')
      .option('--section <text>', 'only sections whose path contains this text, e.g. 第四章')
      .option('--ignore <file>', 'the ignore list (default: <data>/coverage-ignore.yaml)'),
  ).action(async (options: CoverageOptions) => {
    const result = await validateDataDir(options.data);
    const ignoreList = await readCoverageIgnore(
      options.ignore ?? path.join(options.data, 'coverage-ignore.yaml'),
    );
    const report = computeCoverage(
      result.graph,
      result.sources,
      ignoreList,
      options.section === undefined ? {} : { section: options.section },
    );
    if (!result.valid) {
      // the report still helps mid-curation, but quotes that failed to resolve (or entries that failed
      // their schema) cite nothing in it, so say so before the report
      process.stderr.write(
        `note: data/ has ${result.errors.length} validation errors (see cskg validate); entries with errors may cite nothing here\n`,
      );
    }
    if (options.json) printJson(report);
    else print(formatCoverageReport(report));
    if (options.strict && (report.totals.uncited > 0 || report.ignoreIssues.length > 0)) process.exitCode = 1;
  });
}
