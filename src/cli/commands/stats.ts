// `cskg stats`: what the loaded graph holds (entities, relations and passages, by type) and its stamp.
import type { Command } from 'commander';
import { readGraphStats } from '../../read/stats.ts';
import { print, printJson } from '../command.ts';
import { emptyGraphMessage, withDatabase } from '../database.ts';
import { formatTable } from '../table.ts';

export function register(program: Command): void {
  program
    .command('stats')
    .description('count what the graph in Neo4j holds, by entity and relation type, with its stamp')
    .option('--json', 'print the figures as JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const stats = await readGraphStats(db);
        if (options.json) {
          printJson(stats);
          return;
        }
        print(`${stats.entities} entities, ${stats.relations} relations, ${stats.passages} passages`);
        print(`loaded ${stats.loadedAt ?? 'never'} from ${stats.dataHash ?? 'nothing'}`);
        // on stderr, so the figures on stdout stay as they are for scripts
        if (stats.entities === 0) process.stderr.write(`note: ${emptyGraphMessage(db)}\n`);
        print();
        print(formatTable(stats.byType.map((t) => ({ entity: t.type, count: t.count }))));
        print();
        print(formatTable(stats.byRelation.map((t) => ({ relation: t.type, count: t.count }))));
      });
    });
}
