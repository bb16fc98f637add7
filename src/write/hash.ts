// The stamp that tells whether the graph in Neo4j is the one data/ describes: a SHA-256 over the names
// and bytes of every file under data/sources, data/graph and data/later, of data/caveats.zh.yaml, and over GRAPH_FORMAT, so a change in
// what the loader writes also counts as a change. Files are streamed, never held whole.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the loader writes the graph differently (docs/graph-model.md changes): forces a reload. */
export const GRAPH_FORMAT = 'cskg-graph-3';

/** The folders of a data directory that make up the graph. */
const HASHED_DIRS = ['sources', 'graph', 'later'] as const;
/** The files of a data directory, outside those folders, whose content the loader writes. */
const HASHED_FILES = ['caveats.zh.yaml'] as const;

export async function hashDataDir(dataDir: string): Promise<string> {
  const hash = createHash('sha256').update(GRAPH_FORMAT);
  for (const dir of HASHED_DIRS) {
    for (const file of await filesUnder(path.join(dataDir, dir))) {
      hash.update(`\0${dir}/${path.relative(path.join(dataDir, dir), file).split(path.sep).join('/')}\0`);
      await hashFile(hash, file);
    }
  }
  for (const name of HASHED_FILES) {
    const file = path.join(dataDir, name);
    if (!existsSync(file)) continue;
    hash.update(`\0${name}\0`);
    await hashFile(hash, file);
  }
  return `sha256:${hash.digest('hex')}`;
}

async function hashFile(hash: Hash, file: string): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}

/** Every file below `dir`, sorted by path (code-point order, as the reader sorts graph files). */
async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
