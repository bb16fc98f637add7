// `cskg query NAME --param key=value …`: runs a named analyst query of cypher/*.cypher in a read
// transaction and prints a table (or JSON); `cskg query --list` lists them with their parameters. The
// analyses the GraphQL API also answers go through the API's own data-access functions (../analyses.ts).
import type { Command } from 'commander';
import { bindNamedQuery, listNamedQueries, loadNamedQuery } from '../../read/namedQueries.ts';
import { BadInputError } from '../../infra/errors.ts';
import { runNamedQuery } from '../analyses.ts';
import { print, printJson } from '../command.ts';
import { requireLoadedGraph, withDatabase } from '../database.ts';
import { formatTable } from '../table.ts';

interface QueryOptions {
  param: string[];
  list?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('query')
    .argument('[name]', 'a named query (cskg query --list)')
    .description('run a named analyst query of cypher/ and print a table')
    .option(
      '-p, --param <key=value>',
      'a query parameter (repeat for several)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--list', 'list the named queries and their parameters')
    .option('--json', 'print the rows as JSON')
    .action(async (name: string | undefined, options: QueryOptions) => {
      if (options.list || !name) {
        printQueryList();
        return;
      }
      const params = parseParams(options.param);
      // An unknown name or a bad parameter fails here, before a database is started.
      bindNamedQuery(loadNamedQuery(name), params);
      await withDatabase(async ({ db }) => {
        await requireLoadedGraph(db);
        const { rows, notes } = await runNamedQuery(db, name, params);
        if (options.json) printJson(rows);
        else print(formatTable(rows));
        // on stderr, so the table or JSON on stdout stays clean for pipes
        for (const note of notes) process.stderr.write(`note: ${note}\n`);
      });
    });
}

function parseParams(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new BadInputError(`--param ${pair}: write key=value`);
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return params;
}

function printQueryList(): void {
  for (const name of listNamedQueries()) {
    const query = loadNamedQuery(name);
    print(name);
    print(`  ${query.description}`);
    for (const p of query.params) {
      const fallback = 'default' in p ? ` = ${String(p.default)}` : ' (required)';
      const type = `${p.type}${p.list ? '[]' : ''}${p.nullable ? '?' : ''}`;
      print(`  --param ${p.name}=<${type}>${fallback}  ${p.description}`);
    }
    for (const example of query.examples) print(`  e.g. ${example}`);
    print();
  }
}
