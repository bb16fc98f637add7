// The API cannot write, and the compiler is what says so (docs/design.md, "Layers"): the database a
// resolver receives (GraphQLContext.db), the one every function of src/read takes (Reader) and the one the
// yoga and HTTP layers are given (ReadOnlyDatabase) have no write method. A probe that calls each write
// method through them is type-checked here against the real sources and must fail to compile, once per
// call; a read through the same handles must compile. src/api and src/read never import the full
// Database, so they cannot reach a write another way. (tests/integration/faults-writes.test.ts runs every
// field against Neo4j and checks that only read transactions were opened.)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';

const PROBE = path.join(PROJECT_ROOT, 'tests/unit/read-only.probe.ts');

/** The line numbers (1-based) of `source` that do not compile, with the messages. */
function compileErrors(source: string): Map<number, string> {
  const configFile = ts.readConfigFile(path.join(PROJECT_ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, PROJECT_ROOT);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === PROBE
      ? ts.createSourceFile(file, source, language)
      : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === PROBE || fileExists(file);
  const program = ts.createProgram([PROBE], options, host);
  const probe = program.getSourceFile(PROBE)!;
  const errors = new Map<number, string>();
  for (const diagnostic of [
    ...program.getSyntacticDiagnostics(probe),
    ...program.getSemanticDiagnostics(probe),
  ]) {
    const line = probe.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1;
    errors.set(line, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
  return errors;
}

const IMPORTS = `import type { GraphQLContext } from '../../src/api/graphql/context.ts';
import type { YogaOptions } from '../../src/api/graphql/yoga.ts';
import type { AppOptions } from '../../src/api/http/app.ts';
import type { Reader } from '../../src/infra/database.ts';
import type { readGraphStats } from '../../src/read/stats.ts';
const query = { cypher: 'RETURN 1' };
export async function probe(context: GraphQLContext, yoga: YogaOptions, app: AppOptions, reader: Reader, stats: Parameters<typeof readGraphStats>[0]) {
`;

describe('the API cannot name a write', () => {
  it('compiles reads through the handles it is given, and refuses every write through them', () => {
    const reads = [
      'await context.db.read(query);',
      'await context.loaders.entity("park:xiamen-tiz");',
      'await yoga.db.counted().read(query);',
      'await app.db.read(query);',
      'await app.db.verify();',
      'await reader.read(query);',
      'await stats.read(query);',
    ];
    const writes = [
      'await context.db.write(query);',
      'await yoga.db.write(query);',
      'await yoga.db.writeTransaction(async () => 0);',
      'await yoga.db.writeAutoCommit(query);',
      'await yoga.db.counted().write(query);',
      'await app.db.write(query);',
      'await app.db.driver.executeQuery("CREATE (n)");',
      'await reader.write(query);',
      'await stats.write(query);',
    ];
    const first = IMPORTS.split('\n').length;
    const errors = compileErrors(`${IMPORTS}${[...reads, ...writes].join('\n')}\n}\n`);
    const lineOf = (i: number) => first + i;
    expect(
      reads.map((_, i) => errors.get(lineOf(i))),
      'reads must compile',
    ).toEqual(reads.map(() => undefined));
    for (const [i, call] of writes.entries()) {
      expect(errors.get(lineOf(reads.length + i)), call).toMatch(
        /Property '(write\w*|driver)' does not exist/,
      );
    }
  }, 60_000);

  it('gives src/api and src/read no way to the full Database', () => {
    const offenders: string[] = [];
    for (const dir of ['src/api', 'src/read']) {
      for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, dir), {
        recursive: true,
        withFileTypes: true,
      })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const file = path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name));
        const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
        for (const match of text.matchAll(
          /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[^']*infra\/database\.ts'/g,
        )) {
          const names = (match[1] as string).split(',').map((name) => name.replace(/^\s*type\s+/, '').trim());
          if (names.includes('Database')) offenders.push(file);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
