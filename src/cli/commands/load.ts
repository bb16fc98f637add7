// `cskg load`: validates data/ and loads it into Neo4j (NEO4J_URI, or the local server started for the
// command), replacing the graph atomically; skipped when the graph's stamp already matches data/
// (--force loads anyway). Invalid data/ prints every error as file:line and exits 1, writing nothing.
// --mode: transactional (any Neo4j), bulk (or --bulk) (Neo4j's offline importer into a new store folder of the local
// server, then a swap of folders), auto (bulk for CSKG_BULK_MIN_FACTS facts or more on the local server).
import { Option, type Command } from 'commander';
import { DataInvalidError } from '../../infra/errors.ts';
import { LOAD_MODES, loadGraph, type LoadMode } from '../../write/load.ts';
import { addDataOption, print } from '../command.ts';
import { withDatabase } from '../database.ts';
import { createProgressBar } from '../progress.ts';

interface LoadOptions {
  data: string;
  force?: boolean;
  batchSize?: string;
  mode: LoadMode;
  bulk?: boolean;
}

export function register(program: Command): void {
  addDataOption(
    program
      .command('load')
      .description(
        'validate data/ and load it into Neo4j, replacing the graph atomically (skipped when unchanged)',
      )
      .option('--force', 'load even when the graph already matches data/')
      .option('--batch-size <rows>', 'rows per UNWIND statement (transactional path)')
      .addOption(
        new Option(
          '--mode <mode>',
          'transactional: Cypher batches, any Neo4j; bulk: the offline importer into a new store of the local server; ' +
            'auto: bulk for large inputs on the local server',
        )
          .choices(LOAD_MODES)
          .default('auto'),
      )
      .option('--bulk', 'the same as --mode bulk'),
  ).action(async (options: LoadOptions) => {
    await withDatabase(async ({ db, config, local }) => {
      const bar = createProgressBar('load');
      try {
        const report = await loadGraph(db, {
          dataDir: options.data,
          force: options.force === true,
          mode: options.bulk ? 'bulk' : options.mode,
          bulkMinFacts: config.bulkMinFacts,
          ...(local ? { local } : {}),
          ...(config.bulkPauseAt ? { pauseAt: config.bulkPauseAt } : {}),
          ...(options.batchSize ? { batchSize: Number(options.batchSize) } : {}),
          onProgress: (p) => bar.update(p.done, p.total, p.phase),
        });
        bar.stop();
        if (report.status === 'unchanged') {
          print(
            `The graph already matches ${options.data} (${report.dataHash}, loaded ${report.loadedAt}); nothing to do. --force reloads.`,
          );
          return;
        }
        print(
          `Loaded ${report.entities} entities, ${report.relations} relations, ${report.passages} passages, ` +
            `${report.evidence} evidence links in ${(report.ms / 1000).toFixed(1)} s ` +
            (report.mode === 'bulk'
              ? `(bulk import into a new store; ${Math.round(report.relations / (report.ms / 1000))} relations/s).`
              : `(${report.statements} statements; ${Math.round(report.relations / (report.ms / 1000))} relations/s).`),
        );
        print(`Stamp: ${report.dataHash} at ${report.loadedAt}`);
      } catch (error) {
        bar.stop();
        if (!(error instanceof DataInvalidError)) throw error;
        for (const issue of error.issues) print(issue);
        print();
        print(`${error.issues.length} error(s): nothing was written; the graph in Neo4j is unchanged.`);
        process.exitCode = 1;
      }
    });
  });
}
