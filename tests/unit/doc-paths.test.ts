// Every repository path a document or a comment names exists, so the repository explains itself with what
// it holds: the Markdown docs (README.md, docs/*.md, web/README.md, bench/RESULTS.md), schema.graphql's
// descriptions, the comments of the sources (TypeScript, JavaScript, Java, Cypher, shell and YAML), and
// the names of the tests.
//
// What counts as a path, in text where URLs have been blanked out:
// - a token with a slash whose first segment is a top-level entry of the repository (`src/read/paths.ts`,
//   `docs/`, `.ci/run`), or that starts with `./` or `../`: it must exist relative to the repository or to
//   the file that names it (web/README.md names web/src/model.ts from web/);
// - any other token with a slash that ends in a source or document extension (`graphql/limits.ts`): it
//   must exist relative to the repository or the file, or end a path of the repository (data files such
//   as `graph/synthetic.ndjson` are left out: they are often the name of an output);
// - a bare file name with a source or document extension (`design.md`, `Launcher.java`): some file of the
//   repository must have that name.
// Not paths: a token touching a glob or placeholder character (`tests/unit/web-*.test.ts`,
// `cypher/<name>.cypher`), absolute and home paths (`/graphql`, `~/.cache/cskg`), package names
// (`@sparticuz/chromium`), words with slashes (`zh/en`), and paths .gitignore covers (`web/dist`,
// `test-results/`), which a build or a run creates.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';

const posix = path.posix;

/** The repository as a fresh clone has it: tracked files and new files not ignored. */
const FILES: readonly string[] = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
  { cwd: PROJECT_ROOT, encoding: 'utf8' },
)
  .split('\0')
  .filter((file) => file !== '' && fs.existsSync(path.join(PROJECT_ROOT, file)));
const FILE_SET = new Set(FILES);
const DIRS = new Set(
  FILES.flatMap((file) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);
const BASENAMES = new Set(FILES.map((file) => posix.basename(file)));
const TOP_LEVEL = new Set(FILES.map((file) => file.split('/')[0] as string));

const EXTENSIONS = /\.(md|ts|js|mjs|cjs|cypher|java|graphql)$/;
/** Bare names with these extensions are checked; `.js` and `.json` are left out (cytoscape.js, plan.json). */
const BARE_EXTENSIONS = /^[\w-][\w.-]*\.(md|ts|cypher|java|graphql|ya?ml)$/;

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s)>\]'"`]*/gi;
const CANDIDATE = /(?<![\w./~@$:*<>{}\\-])(?:\.\.?\/)*\.?[A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)*\/?/g;
const GLOB_OR_PLACEHOLDER = /[*<>{}$[\]]/;

function exists(candidate: string): boolean {
  const clean = candidate.replace(/\/$/, '');
  return FILE_SET.has(clean) || DIRS.has(clean);
}

/** The paths `text` (found in `file`) names that do not exist. */
export function missingPaths(file: string, text: string): string[] {
  const missing: string[] = [];
  const blanked = text.replace(URL_PATTERN, (url) => ' '.repeat(url.length));
  const dir = posix.dirname(file);
  for (const match of blanked.matchAll(CANDIDATE)) {
    const after = blanked[match.index + match[0].length] ?? '';
    if (GLOB_OR_PLACEHOLDER.test(after)) continue;
    const token = match[0].replace(/[.]+$/, '');
    if (!token) continue;
    const bare = token.replace(/^(\.\.?\/)+/, '');
    const relative = token !== bare;
    const slashed = bare.replace(/\/$/, '').includes('/');
    if (!slashed && !relative) {
      if (BARE_EXTENSIONS.test(token) && !BASENAMES.has(token)) missing.push(token);
      continue;
    }
    const fromRoot = posix.normalize(token);
    const fromFile = posix.normalize(posix.join(dir, token));
    const firstSegment = bare.split('/')[0] as string;
    if (relative || TOP_LEVEL.has(firstSegment)) {
      if (!exists(fromRoot) && !exists(fromFile)) missing.push(token);
    } else if (EXTENSIONS.test(bare)) {
      if (!exists(fromRoot) && !exists(fromFile) && !FILES.some((f) => f.endsWith(`/${bare}`)))
        missing.push(token);
    }
  }
  return missing;
}

/** Paths .gitignore covers (as a file or as a folder): made by builds and runs, never committed. */
function ignored(candidates: readonly string[]): Set<string> {
  const inside = candidates.filter((c) => !posix.normalize(c).startsWith('../'));
  if (inside.length === 0) return new Set();
  const probes = inside.flatMap((c) => [c, `${c.replace(/\/$/, '')}/x`]);
  let output = '';
  try {
    output = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], {
      cwd: PROJECT_ROOT,
      input: probes.join('\n'),
      encoding: 'utf8',
    });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? ''; // exit 1: none of them is ignored
  }
  const hits = new Set(output.split('\n'));
  return new Set(inside.filter((c) => hits.has(c) || hits.has(`${c.replace(/\/$/, '')}/x`)));
}

/** The comments of a TypeScript or JavaScript file (and, in tests, the names of suites and tests). */
function scriptTexts(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const texts: string[] = [];
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      texts.push(text.slice(range.pos, range.end));
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    if (file.startsWith('tests/') && ts.isCallExpression(node) && isTestCall(node.expression)) {
      const title = node.arguments[0];
      if (title && (ts.isStringLiteral(title) || ts.isNoSubstitutionTemplateLiteral(title)))
        texts.push(title.text);
      if (title && ts.isTemplateExpression(title)) texts.push(title.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

/** A test call however it is written: `it(…)`, `it.runIf(x)(…)`, `test.each(rows)(…)`, or a skipped `describe` */
function isTestCall(callee: ts.Expression): boolean {
  let root: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root)) root = root.expression;
  return ts.isIdentifier(root) && ['it', 'test', 'describe'].includes(root.text);
}

/** `# …` comments of shell, YAML and Dockerfile lines. */
function hashComments(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)#(?!!)(.*)$/gm)].map((m) => m[1] as string);
}

/** `// …` comments of Cypher and Java (neither uses `//` inside the strings of this repository). */
function slashComments(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)\/\/(.*)$/gm), ...text.matchAll(/\/\*([\s\S]*?)\*\//g)].map(
    (m) => m[1] as string,
  );
}

/** What of a file is documentation: all of a Markdown file or of schema.graphql, the comments of the rest. */
function documentation(file: string): string[] | undefined {
  if (file.includes('/generated/')) return undefined;
  // data/: the comments of its YAML and its READMEs; its values (quotes, caveats) are the data's own
  if (file.startsWith('data/') && !/\.(ya?ml|md)$/.test(file)) return undefined;
  const isDoc =
    file === 'README.md' ||
    /^data\/(.+\/)?README\.md$/.test(file) ||
    file === 'web/README.md' ||
    file === 'bench/RESULTS.md' ||
    /^docs\/[^/]+\.md$/.test(file);
  const text = () => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  if (isDoc || file.endsWith('.graphql')) return [text()];
  if (/\.(ts|tsx|js|mjs|cjs)$/.test(file)) return scriptTexts(file, text());
  if (/\.(java|cypher)$/.test(file)) return slashComments(text());
  if (/(^|\/)(Dockerfile|\.env\.example|run)$|\.(ya?ml|sh)$/.test(file)) return hashComments(text());
  return undefined;
}

describe('paths named by docs, comments and test names', () => {
  it('exist in the repository', () => {
    const found: { file: string; path: string }[] = [];
    let scanned = 0;
    for (const file of FILES) {
      const texts = documentation(file);
      if (!texts) continue;
      scanned += 1;
      for (const text of texts)
        for (const missing of missingPaths(file, text)) found.push({ file, path: missing });
    }
    const leftOut = ignored(found.map((f) => f.path));
    const report = found.filter((f) => !leftOut.has(f.path)).map((f) => `${f.file}: ${f.path}`);
    expect(scanned).toBeGreaterThan(100);
    expect(report).toEqual([]);
  }, 60_000); // every file of the repository, parsed

  it('tell a missing path from a URL, a glob, a placeholder, a package and a word with a slash', () => {
    const text = `See docs/design.md, docs/nowhere.md and ../outside/GUIDE.md; BRIEF.md says so. Not paths:
      <https://github.com/a/b.md>, tests/unit/web-*.test.ts, cypher/<name>.cypher, /usr/bin/chromium,
      ~/.cache/cskg/x.md, @sparticuz/chromium, zh/en, cytoscape.js, e.g. 1.84; graphql/limits.ts exists,
      graphql/nolimits.ts does not; the folder src/cli/commands/ exists, tests/integration/loader-bulk-kill not.`;
    expect(missingPaths('README.md', text)).toEqual([
      'docs/nowhere.md',
      '../outside/GUIDE.md',
      'BRIEF.md',
      'graphql/nolimits.ts',
      'tests/integration/loader-bulk-kill',
    ]);
    expect(missingPaths('web/README.md', 'src/model.ts and src/nowhere.ts')).toEqual(['src/nowhere.ts']);
  });

  it('reads comments and test names of a script, not its code', () => {
    const script = `// see ./doc-paths.test.ts and BRIEF.md
      const file = 'BRIEF.md';
      it('holds the contract of GUIDE.md', () => {}); /* and docs/old.md */`;
    const found = scriptTexts('tests/unit/x.test.ts', script).flatMap((t) =>
      missingPaths('tests/unit/x.test.ts', t),
    );
    expect(found.sort()).toEqual(['BRIEF.md', 'GUIDE.md', 'docs/old.md']);
  });
});
