// The layers of docs/design.md ("Layers, and who may import whom"), checked on every import of src/ and
// web/: a layer imports only the layers its row allows, the explorer nothing of src/, and the Neo4j driver
// is imported only where the design says.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/infra/config.ts';

type Layer = 'infra' | 'sources' | 'data' | 'read' | 'write' | 'api' | 'cli' | 'main' | 'web';

const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  infra: [],
  sources: [],
  data: ['sources'],
  read: ['infra', 'data'],
  write: ['infra', 'data', 'sources'],
  api: ['infra', 'data', 'read'],
  cli: ['infra', 'data', 'read', 'write'],
  main: ['infra', 'write', 'api'],
  web: [],
};

/** The one exception docs/design.md names: the exports read back the types and schema the loader wrote. */
const EXCEPTIONS: readonly { from: RegExp; to: string }[] = [
  { from: /^src\/read\/export\//, to: 'src/write/records.ts' },
  { from: /^src\/read\/export\//, to: 'src/write/schema.ts' },
];

/** Queries reach Neo4j through database.ts; the launcher uses the driver only to wait until Bolt answers. */
const DRIVER_IMPORTERS = ['src/infra/database.ts', 'src/infra/neo4jServer/localServer.ts'];

function layerOf(file: string): Layer | undefined {
  if (file === 'src/main.ts') return 'main';
  if (file.startsWith('web/')) return 'web';
  const [top, layer] = file.split('/');
  return top === 'src' && layer && layer in MAY_IMPORT ? (layer as Layer) : undefined;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules') && !file.startsWith('web/dist'));
}

/** Every module specifier a file imports, statically or with import(). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
}

const FILES = [...sourceFiles('src'), ...sourceFiles('web')];

/** The import rules broken by one file: `file → target (why)`. */
function violationsOf(file: string, specifiers: readonly string[]): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const found: string[] = [];
  for (const specifier of specifiers) {
    if (specifier === 'neo4j-driver' && !DRIVER_IMPORTERS.includes(file)) {
      found.push(`${file} → neo4j-driver (only ${DRIVER_IMPORTERS.join(' and ')} may import the driver)`);
    }
    if (!specifier.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    if (from === 'web') {
      if (target.startsWith('src/')) found.push(`${file} → ${target} (the explorer imports nothing of src/)`);
      continue;
    }
    const to = layerOf(target);
    if (!to || to === from || MAY_IMPORT[from].includes(to)) continue;
    if (EXCEPTIONS.some((e) => e.from.test(file) && e.to === target)) continue;
    found.push(`${file} → ${target} (${from} may import ${MAY_IMPORT[from].join(', ') || 'no other layer'})`);
  }
  return found;
}

describe('layers (docs/design.md)', () => {
  it('finds the files of every layer', () => {
    const layers = new Set(FILES.map(layerOf));
    for (const layer of Object.keys(MAY_IMPORT)) expect(layers, layer).toContain(layer);
  });

  it('imports only what each layer may', () => {
    const violations = FILES.flatMap((file) => violationsOf(file, importsOf(file)));
    expect(violations).toEqual([]);
  });

  it('would catch a resolver that imports the loader, the explorer importing src/, and a stray driver', () => {
    expect(violationsOf('src/api/graphql/resolvers/query.ts', ['../../../write/load.ts'])).toHaveLength(1);
    expect(violationsOf('web/src/main.ts', ['../../src/data/model.ts'])).toHaveLength(1);
    expect(violationsOf('src/read/search.ts', ['neo4j-driver'])).toHaveLength(1);
    expect(violationsOf('src/read/export/formats.ts', ['../../write/schema.ts'])).toEqual([]);
    expect(violationsOf('src/read/search.ts', ['../write/schema.ts'])).toHaveLength(1);
  });
});
