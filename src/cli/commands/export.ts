// `cskg export --format json|csv|graphml|cypher [--out path]`: writes the graph in Neo4j out, with a
// progress bar on stderr. json, graphml and cypher go to stdout without --out; csv needs a directory.
import type { Command } from 'commander';
import { BadInputError } from '../../infra/errors.ts';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../read/export/formats.ts';
import { requireLoadedGraph, withDatabase } from '../database.ts';
import { createProgressBar } from '../progress.ts';

interface ExportOptions {
  format: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('export')
    .description(
      'write the graph out: json, csv (neo4j-admin import), graphml (Gephi, yEd) or cypher (a script that recreates it)',
    )
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .option('--out <path>', 'file to write (a directory for csv); stdout when absent')
    .action(async (options: ExportOptions) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new BadInputError(`--format ${options.format}: use one of ${EXPORT_FORMATS.join(', ')}`);
      }
      await withDatabase(async ({ db }) => {
        await requireLoadedGraph(db);
        const bar = createProgressBar('export');
        try {
          const report = await exportGraph(db, {
            format: options.format as ExportFormat,
            ...(options.out ? { out: options.out } : {}),
            onProgress: (done, total) => bar.update(done, total, options.format),
          });
          bar.stop();
          process.stderr.write(
            `Exported ${report.nodes} nodes and ${report.relationships} relationships${report.files.length ? ` to ${report.files.join(', ')}` : ''}.\n`,
          );
        } finally {
          bar.stop();
        }
      });
    });
}
