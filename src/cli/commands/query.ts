// `cskg query NAME --param key=value …`: runs a named analyst query of cypher/*.cypher in a read
// transaction and prints a table (or JSON); `cskg query --list` lists them with their parameters. The
// analyses the GraphQL API also answers go through the API's own data-access functions (../analyses.ts).
import type { Command } from 'commander';
import { bindNamedQuery, listNamedQueries, loadNamedQuery } from '../../read/namedQueries.ts';
import { languageOfTag } from '../../data/language.ts';
import { BadInputError } from '../../infra/errors.ts';
import { runNamedQuery } from '../analyses.ts';
import { print, printJson } from '../command.ts';
import { requireLoadedGraph, withDatabase } from '../database.ts';
import { formatTable } from '../table.ts';

interface QueryOptions {
  param: string[];
  list?: boolean;
  json?: boolean;
  lang: string;
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
    .option(
      '--lang <tag>',
      "the language of the explanations and notes: en, zh-Hans (or zh, zh-CN) or zh-Hant (or zh-TW, zh-HK); default: $LANG's, else en",
      defaultLanguageTag(),
    )
    .action(async (name: string | undefined, options: QueryOptions) => {
      if (options.list || !name) {
        printQueryList();
        return;
      }
      const params = parseParams(options.param);
      const language = languageOfTag(options.lang);
      if (language === null)
        throw new BadInputError(
          `--lang ${options.lang}: write en, zh-Hans (zh, zh-CN) or zh-Hant (zh-TW, zh-HK)`,
        );
      // An unknown name or a bad parameter fails here, before a database is started.
      bindNamedQuery(loadNamedQuery(name), params);
      await withDatabase(async ({ db }) => {
        await requireLoadedGraph(db);
        const { rows, notes } = await runNamedQuery(db, name, params, language);
        if (options.json) printJson(rows);
        else print(formatTable(rows));
        // on stderr, so the table or JSON on stdout stays clean for pipes
        for (const note of notes) process.stderr.write(`note: ${note}\n`);
      });
    });
}

/** The language of the environment's locale (LC_ALL, LC_MESSAGES, LANG: zh_TW.UTF-8 → zh-Hant) when it is one the project writes, else en. */
function defaultLanguageTag(): string {
  const locale =
    (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').split('.')[0] ?? '';
  return languageOfTag(locale) === null ? 'en' : locale.replace('_', '-');
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
