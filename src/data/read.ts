// Reads data/: the sources (metadata, text, parsed passages) and the graph files data/graph/*.yaml in
// file-name order, keeping the YAML document of each so every entity, relation, property and quote can
// be traced to its line. Reading never judges the content beyond YAML syntax and the file's top-level
// shape; validate.ts does that. The parse* functions are pure (tests use them); read* do the I/O.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { parseSource } from '../sources/parse.ts';
import type { ParsedDocument } from '../sources/types.ts';
import { formatPath, type ValidationIssue } from './issues.ts';
import { sourceMetadataSchema, type SourceMetadata } from './model.ts';

/** data/ of this repository. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export type YamlPath = readonly (string | number)[];

/** One entity or relation as written, before validation: its raw value and where it stands. */
export interface GraphEntry {
  readonly index: number;
  readonly value: unknown;
  readonly line: number;
}

export interface GraphFile {
  /** the file as it should appear in messages, e.g. data/graph/41-parks.yaml */
  readonly file: string;
  /** the whole file as plain data (undefined when it is empty) */
  readonly content: unknown;
  readonly entities: readonly GraphEntry[];
  readonly relations: readonly GraphEntry[];
  /** YAML syntax errors and warnings (duplicate keys, bad indentation, ...) */
  readonly syntaxIssues: readonly ValidationIssue[];
  /** the 1-based line of the node at `path`; for a missing node, the line of its nearest existing parent */
  lineOf(path: YamlPath): number;
}

export interface SourceDocument {
  readonly id: string;
  readonly metadata: SourceMetadata;
  readonly metadataFile: string;
  readonly textFile: string;
  readonly parsed: ParsedDocument;
}

/** A YAML file of data/ checked as a whole: its content and the line of any path in it. */
export interface YamlDataFile {
  readonly file: string;
  /** the whole file as plain data (undefined when it is empty or not YAML) */
  readonly content: unknown;
  readonly syntaxIssues: readonly ValidationIssue[];
  lineOf(path: YamlPath): number;
}

/** A file of data/later: its pages and/or entities (docs/data-format.md, "Later sources and status steps"). */
export type LaterFile = YamlDataFile;

/** data/box-comparison.yaml: every row of the plan's boxes compared with its text (src/data/boxes.ts). */
export const BOX_COMPARISON_FILE = 'box-comparison.yaml';

/** data/caveats.zh.yaml: the Chinese of every caveat, keyed by its English (src/data/caveats.ts). */
export const CAVEAT_CATALOGUE_FILE = 'caveats.zh.yaml';

export interface DataSet {
  readonly sources: readonly SourceDocument[];
  readonly files: readonly GraphFile[];
  /** data/later/*.yaml, in file-name order (none when the folder is absent) */
  readonly later?: readonly LaterFile[];
  /** data/box-comparison.yaml; null when data/ has none (an error), undefined when not read (tests of single files) */
  readonly boxComparison?: YamlDataFile | null;
  /** data/caveats.zh.yaml, the Chinese of every caveat (caveats.ts); null when data/ has none, undefined when not read */
  readonly caveatCatalogue?: YamlDataFile | null;
  /** problems found while reading the sources (unreadable or malformed metadata, missing text); each
   * graph file carries its own syntax issues */
  readonly issues: readonly ValidationIssue[];
}

/** Parses one graph file's text. Pure: `file` is only used to label issues. */
export function parseGraphFile(file: string, source: string): GraphFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxIssues = yamlIssues(file, doc, lineCounter);
  const lineOf = (p: YamlPath) => lineOfPath(doc, lineCounter, p);
  const content: unknown = syntaxIssues.some((i) => i.rule === 'yaml-syntax') ? undefined : doc.toJS();
  const entries = (key: 'entities' | 'relations'): GraphEntry[] => {
    const list = isPlainObject(content) ? content[key] : undefined;
    return Array.isArray(list) ? list.map((value: unknown, index) => ({ index, value, line: lineOf([key, index]) })) : [];
  };
  return { file, content, entities: entries('entities'), relations: entries('relations'), syntaxIssues, lineOf };
}

/** Parses one file of data/later. Pure: `file` is only used to label issues. */
export function parseLaterFile(file: string, source: string): LaterFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxIssues = yamlIssues(file, doc, lineCounter);
  const content: unknown = syntaxIssues.some((i) => i.rule === 'yaml-syntax') ? undefined : doc.toJS();
  return { file, content, syntaxIssues, lineOf: (p) => lineOfPath(doc, lineCounter, p) };
}

/** Reads data/later/*.yaml under `laterDir` in file-name order. */
export async function readLaterFiles(laterDir: string): Promise<LaterFile[]> {
  const files: LaterFile[] = [];
  for (const name of await yamlFilesIn(laterDir)) {
    const file = path.join(laterDir, name);
    files.push(parseLaterFile(displayPath(file), await readFile(file, 'utf8')));
  }
  return files;
}

/** Parses a source's metadata YAML; the text is parsed by parseSourceDocument once its file is known. */
export function parseSourceMetadata(file: string, source: string): { metadata?: SourceMetadata; issues: ValidationIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues = yamlIssues(file, doc, lineCounter);
  if (issues.some((i) => i.rule === 'yaml-syntax')) return { issues };
  const result = sourceMetadataSchema.safeParse(doc.toJS());
  if (result.success) return { metadata: result.data, issues };
  for (const issue of result.error.issues) {
    issues.push({
      file,
      line: lineOfPath(doc, lineCounter, issue.path as YamlPath),
      path: formatPath(issue.path as YamlPath),
      message: `source metadata: ${issue.message}`,
      rule: 'source-metadata',
    });
  }
  return { issues };
}

export function parseSourceDocument(metadata: SourceMetadata, metadataFile: string, textFile: string, text: string): SourceDocument {
  return { id: metadata.id, metadata, metadataFile, textFile, parsed: parseSource(metadata.id, text) };
}

/** Reads every data/sources/<id>.yaml with the text it names (default <id>.txt), in file-name order. */
export async function readSources(sourcesDir: string): Promise<{ sources: SourceDocument[]; issues: ValidationIssue[] }> {
  const sources: SourceDocument[] = [];
  const issues: ValidationIssue[] = [];
  for (const name of await yamlFilesIn(sourcesDir)) {
    const metadataFile = path.join(sourcesDir, name);
    const shown = displayPath(metadataFile);
    const parsed = parseSourceMetadata(shown, await readFile(metadataFile, 'utf8'));
    issues.push(...parsed.issues);
    const { metadata } = parsed;
    if (!metadata) continue;
    if (metadata.id !== path.basename(name, path.extname(name))) {
      issues.push({
        file: shown,
        line: 1,
        path: 'id',
        value: metadata.id,
        message: `source id must equal the file name without .yaml ("${path.basename(name, path.extname(name))}")`,
        rule: 'source-metadata',
      });
    }
    const textFile = path.join(sourcesDir, metadata.file ?? `${metadata.id}.txt`);
    let text: string;
    try {
      text = await readFile(textFile, 'utf8');
    } catch (error) {
      issues.push({
        file: shown,
        line: 1,
        path: 'file',
        value: metadata.file ?? `${metadata.id}.txt`,
        message: `cannot read the source text ${displayPath(textFile)} (${(error as NodeJS.ErrnoException).code ?? String(error)}); put the text beside its metadata or fix 'file'`,
        rule: 'source-text',
      });
      continue;
    }
    sources.push(parseSourceDocument(metadata, shown, displayPath(textFile), text));
  }
  return { sources, issues };
}

/**
 * The graph files of `graphDir` (*.yaml, *.yml) one at a time, in file-name order (plain code-point
 * order: 10-… sorts before 2-…, so the curators number files with equal widths).
 */
export async function* readGraphFiles(graphDir: string): AsyncGenerator<GraphFile> {
  for (const name of await yamlFilesIn(graphDir)) {
    const file = path.join(graphDir, name);
    yield parseGraphFile(displayPath(file), await readFile(file, 'utf8'));
  }
}

/** Reads data/sources, data/graph and data/later under `dataDir`. */
export async function readDataSet(dataDir: string = DEFAULT_DATA_DIR): Promise<DataSet> {
  const { sources, issues } = await readSources(path.join(dataDir, 'sources'));
  const files: GraphFile[] = [];
  for await (const file of readGraphFiles(path.join(dataDir, 'graph'))) files.push(file);
  const later = await readLaterFiles(path.join(dataDir, 'later'));
  const boxComparison = await readOptionalYaml(path.join(dataDir, BOX_COMPARISON_FILE));
  const caveatCatalogue = await readOptionalYaml(path.join(dataDir, CAVEAT_CATALOGUE_FILE));
  return { sources, files, issues, later, boxComparison, caveatCatalogue };
}

/** A YAML file of data/ that may be absent (null). */
async function readOptionalYaml(file: string): Promise<YamlDataFile | null> {
  try {
    return parseLaterFile(displayPath(file), await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
}

/** A path relative to the working directory when it lies below it, so messages stay short and clickable. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function yamlIssues(file: string, doc: Document, lineCounter: LineCounter): ValidationIssue[] {
  const toIssue = (e: { pos: [number, number]; message: string }, kind: string): ValidationIssue => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line || 1,
    path: '',
    message: `YAML ${kind}: ${e.message.split('\n')[0]}`,
    rule: 'yaml-syntax',
  });
  return [...doc.errors.map((e) => toIssue(e, 'error')), ...doc.warnings.map((w) => toIssue(w, 'warning'))];
}

function lineOfPath(doc: Document, lineCounter: LineCounter, p: YamlPath): number {
  const lineOfNode = (node: unknown): number | undefined => {
    const range = (node as YamlNode | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  let node: unknown = doc.contents;
  let line = lineOfNode(node) ?? 1;
  for (const seg of p) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value === seg : item.key === seg));
      if (!pair) break;
      line = lineOfNode(pair.key) ?? lineOfNode(pair.value) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      if (item === undefined) break;
      line = lineOfNode(item) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
