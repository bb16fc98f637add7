// The export formats: JSON (the canonical dump), CSV in the header format of `neo4j-admin database
// import` (one file per label and per relationship type, plus the import command), GraphML (keys
// declared, UTF-8; opens in Gephi and yEd) and a Cypher script that recreates the graph (one statement
// per line, data as literals in UNWIND batches, after the statements of cypher/schema.cypher). Neo4j
// parses such literals slowly (about 25 s per MB of script on the development machine, whatever the
// batch size): the script suits the plan graph and cypher-shell; bulk copies use CSV or JSON.
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Reader } from '../../infra/database.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../data/model.ts';
import { readSchemaStatements } from '../../write/schema.ts';
import {
  countGraph,
  propertyKind,
  readNodes,
  readRelationships,
  type ExportNode,
  type ExportRelationship,
  type PropertyKind,
} from './wholeGraph.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** a file (json, graphml, cypher; stdout when absent) or, for csv, a directory (required) */
  readonly out?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ExportReport {
  readonly nodes: number;
  readonly relationships: number;
  readonly files: readonly string[];
}

/** A text sink with back-pressure: a file, or stdout. */
class Sink {
  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly owned: WriteStream | undefined,
  ) {}
  static open(file: string | undefined): Sink {
    if (!file) return new Sink(process.stdout, undefined);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const stream = createWriteStream(file, 'utf8');
    return new Sink(stream, stream);
  }
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    if (!this.owned) return;
    this.owned.end();
    await once(this.owned, 'finish');
  }
}

export async function exportGraph(db: Reader, options: ExportOptions): Promise<ExportReport> {
  const counts = await countGraph(db);
  const total = counts.nodes + counts.relationships;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  switch (options.format) {
    case 'json':
      return exportJson(db, options.out, progress);
    case 'graphml':
      return exportGraphml(db, options.out, progress);
    case 'cypher':
      return exportCypher(db, options.out, progress);
    case 'csv':
      if (!options.out) throw new Error('--format csv writes several files: give --out <directory>');
      return exportCsv(db, options.out, progress);
  }
}

// ------------------------------------------------------------------------------------------------ JSON

async function exportJson(
  db: Reader,
  out: string | undefined,
  progress: (n: number) => void,
): Promise<ExportReport> {
  const sink = Sink.open(out);
  let nodes = 0;
  let relationships = 0;
  await sink.write('{"format":"cskg-export-1","nodes":[');
  for await (const page of readNodes(db)) {
    for (const node of page) await sink.write(`${nodes++ === 0 ? '\n' : ',\n'}${JSON.stringify(node)}`);
    progress(page.length);
  }
  await sink.write('\n],"relationships":[');
  for await (const page of readRelationships(db)) {
    for (const rel of page) await sink.write(`${relationships++ === 0 ? '\n' : ',\n'}${JSON.stringify(rel)}`);
    progress(page.length);
  }
  await sink.write('\n]}\n');
  await sink.close();
  return { nodes, relationships, files: out ? [out] : [] };
}

// --------------------------------------------------------------------------------------------- GraphML

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids most control characters even as references
      .replace(XML_FORBIDDEN, '')
  );
}

const GRAPHML_TYPES: Record<PropertyKind, string> = {
  string: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  'string[]': 'string', // GraphML has no lists: written as a JSON array
};

async function exportGraphml(
  db: Reader,
  out: string | undefined,
  progress: (n: number) => void,
): Promise<ExportReport> {
  // GraphML declares every key before the graph: one pass to collect them (a page at a time).
  const nodeKeys = new Map<string, PropertyKind>([
    ['labels', 'string'],
    ['label', 'string'],
  ]);
  const edgeKeys = new Map<string, PropertyKind>([['type', 'string']]);
  for await (const page of readNodes(db)) {
    for (const node of page)
      for (const [k, v] of Object.entries(node.properties))
        if (!nodeKeys.has(k)) nodeKeys.set(k, propertyKind(node.label, k, v));
  }
  for await (const page of readRelationships(db)) {
    for (const rel of page)
      for (const [k, v] of Object.entries(rel.properties))
        if (!edgeKeys.has(k)) edgeKeys.set(k, propertyKind(rel.type, k, v));
  }
  const sink = Sink.open(out);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const [k, kind] of nodeKeys)
    await sink.write(
      `  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="${GRAPHML_TYPES[kind]}"/>\n`,
    );
  for (const [k, kind] of edgeKeys)
    await sink.write(
      `  <key id="e_${xml(k)}" for="edge" attr.name="${xml(k)}" attr.type="${GRAPHML_TYPES[kind]}"/>\n`,
    );
  await sink.write('  <graph id="cskg" edgedefault="directed">\n');
  const data = (prefix: string, key: string, value: unknown) =>
    value === null || value === undefined
      ? ''
      : `<data key="${prefix}_${xml(key)}">${xml(Array.isArray(value) ? JSON.stringify(value) : String(value))}</data>`;
  let nodes = 0;
  for await (const page of readNodes(db)) {
    for (const node of page) {
      const labels = node.group === 'Entity' ? `:Entity:${node.label}` : `:${node.group}`;
      const label = (node.properties.name ?? node.key) as string;
      const props = Object.entries(node.properties)
        .map(([k, v]) => data('n', k, v))
        .join('');
      await sink.write(
        `    <node id="${xml(nodeId(node.group, node.key))}">${data('n', 'labels', labels)}${data('n', 'label', label)}${props}</node>\n`,
      );
      nodes += 1;
    }
    progress(page.length);
  }
  let relationships = 0;
  for await (const page of readRelationships(db)) {
    for (const rel of page) {
      const props = Object.entries(rel.properties)
        .map(([k, v]) => data('e', k, v))
        .join('');
      await sink.write(
        `    <edge id="e${relationships}" source="${xml(nodeId(rel.startGroup, rel.start))}" target="${xml(nodeId(rel.endGroup, rel.end))}">${data('e', 'type', rel.type)}${props}</edge>\n`,
      );
      relationships += 1;
    }
    progress(page.length);
  }
  await sink.write('  </graph>\n</graphml>\n');
  await sink.close();
  return { nodes, relationships, files: out ? [out] : [] };
}

/**
 * Ids of entities, passages (`…:p0123`), pages (`web:…`), steps (`<entity>#<n>`) and research records
 * (`<entity>#research`) never collide, but the meta key could, and a chain (or chain link) is keyed by a
 * product id: those are prefixed.
 */
function nodeId(group: string, key: string): string {
  if (group === 'Meta') return `meta:${key}`;
  if (group === 'Chain') return `chain:${key}`;
  if (group === 'ChainLink') return `chain-link:${key}`;
  return key;
}

// ------------------------------------------------------------------------------------------------- CSV

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

interface CsvFile {
  readonly name: string;
  readonly columns: Map<string, PropertyKind>;
  readonly rows: Record<string, unknown>[];
}

async function exportCsv(db: Reader, dir: string, progress: (n: number) => void): Promise<ExportReport> {
  // One file per label and per relationship type; their headers need every column, so rows are grouped
  // in memory. CSV is meant for bulk import into a fresh database; the JSON and Cypher exports stream.
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, CsvFile>();
  const fileFor = (name: string) => {
    let file = files.get(name);
    if (!file) files.set(name, (file = { name, columns: new Map(), rows: [] }));
    return file;
  };
  let nodes = 0;
  let relationships = 0;
  const arrayValues: string[] = [];
  for await (const page of readNodes(db)) {
    for (const node of page) {
      const file = fileFor(node.group === 'Entity' ? `nodes-${node.label}.csv` : `nodes-${node.group}.csv`);
      for (const [k, v] of Object.entries(node.properties)) {
        if (!file.columns.has(k)) file.columns.set(k, propertyKind(node.label, k, v));
        if (Array.isArray(v)) arrayValues.push(...(v as string[]));
      }
      file.rows.push({
        ':ID': nodeId(node.group, node.key),
        ':LABEL': node.group === 'Entity' ? `Entity;${node.label}` : node.group,
        ...node.properties,
      });
      nodes += 1;
    }
    progress(page.length);
  }
  for await (const page of readRelationships(db)) {
    for (const rel of page) {
      const file = fileFor(`relationships-${rel.type}.csv`);
      for (const [k, v] of Object.entries(rel.properties)) {
        if (!file.columns.has(k)) file.columns.set(k, propertyKind(rel.type, k, v));
        if (Array.isArray(v)) arrayValues.push(...(v as string[]));
      }
      file.rows.push({
        ':START_ID': nodeId(rel.startGroup, rel.start),
        ':END_ID': nodeId(rel.endGroup, rel.end),
        ':TYPE': rel.type,
        ...rel.properties,
      });
      relationships += 1;
    }
    progress(page.length);
  }
  // The array delimiter must occur in no array element.
  const delimiter = [';', '|', '\u001f'].find((d) => !arrayValues.some((v) => v.includes(d))) ?? '\u001f';
  const written: string[] = [];
  for (const file of files.values()) {
    const isNode = file.name.startsWith('nodes-');
    const fixed = isNode ? [':ID', ':LABEL'] : [':START_ID', ':END_ID', ':TYPE'];
    const props = [...file.columns.keys()];
    const header = [
      ...fixed,
      ...props.map(
        (k) =>
          `${k}:${file.columns.get(k) === 'long' ? 'long' : file.columns.get(k) === 'double' ? 'float' : file.columns.get(k)}`,
      ),
    ];
    const lines = [header.map(csvField).join(',')];
    for (const row of file.rows) {
      lines.push(
        [...fixed, ...props]
          .map((k) => {
            const v = row[k];
            if (v === null || v === undefined) return '';
            if (Array.isArray(v)) return csvField(v.join(delimiter));
            return csvField(String(v));
          })
          .join(','),
      );
    }
    const target = path.join(dir, file.name);
    writeFileSync(target, `${lines.join('\n')}\n`, 'utf8');
    written.push(target);
  }
  const args = [...files.values()].map((f) =>
    f.name.startsWith('nodes-') ? `  --nodes=${f.name}` : `  --relationships=${f.name}`,
  );
  const command = [
    '#!/bin/sh',
    '# Imports this export into an EMPTY database with neo4j-admin (Neo4j 5), run from this directory.',
    '# Afterwards, create the indexes with the statements of cypher/schema.cypher (cskg load does it too).',
    'neo4j-admin database import full neo4j \\',
    `  --array-delimiter=${delimiter === '\u001f' ? "$(printf '\\037')" : `'${delimiter}'`} \\`,
    '  --multiline-fields=true \\',
    `${args.join(' \\\n')}`,
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'import.sh'), command, 'utf8');
  written.push(path.join(dir, 'import.sh'));
  return { nodes, relationships, files: written };
}

// ---------------------------------------------------------------------------------------------- Cypher

/** Labels and relationship types enter the script only from the model's whitelist. */
const SCRIPT_LABELS = new Set<string>([
  'Entity',
  ...ENTITY_TYPES,
  'Passage',
  'Meta',
  'Source',
  'StatusStep',
  'Research',
  'Chain',
  'ChainLink',
]);
const SCRIPT_TYPES = new Set<string>([
  ...RELATION_TYPES,
  'EVIDENCED_BY',
  'NEXT',
  'IN_DOCUMENT',
  'STEP_OF',
  'CITES',
  'RESEARCH_OF',
]);

function whitelisted(name: string, allowed: ReadonlySet<string>): string {
  if (!allowed.has(name))
    throw new Error(`The graph holds a label or type "${name}" the model does not know; not exported.`);
  return name;
}

/** A value as a Cypher literal; numbers typed by the model (INTEGER or FLOAT). */
export function cypherLiteral(value: unknown, kind: PropertyKind = 'string'): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => cypherLiteral(v, 'string')).join(', ')}]`;
  if (typeof value === 'number') {
    if (kind === 'long') return String(Math.trunc(value));
    const text = String(value);
    return /[.eE]/.test(text) || !Number.isFinite(value) ? text : `${text}.0`;
  }
  if (typeof value === 'boolean') return String(value);
  return `'${String(value)
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')}'`;
}

function cypherMap(label: string, props: Record<string, unknown>): string {
  const entries = Object.entries(props)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([k, v]) =>
        `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cypherLiteral(v, propertyKind(label, k, v))}`,
    );
  return `{${entries.join(', ')}}`;
}

const CYPHER_BATCH = 500;

async function exportCypher(
  db: Reader,
  out: string | undefined,
  progress: (n: number) => void,
): Promise<ExportReport> {
  const sink = Sink.open(out);
  await sink.write(
    '// cskg export: recreates the graph in an empty Neo4j database (cypher-shell -f this-file). One statement per line.\n',
  );
  for (const statement of await readSchemaStatements())
    await sink.write(`${statement.cypher.replace(/\s*\n\s*/g, ' ')};\n`);
  let nodes = 0;
  let relationships = 0;
  const flushNodes = async (batch: ExportNode[]) => {
    if (batch.length === 0) return;
    const first = batch[0] as ExportNode;
    const labels =
      first.group === 'Entity'
        ? `Entity:${whitelisted(first.label, SCRIPT_LABELS)}`
        : whitelisted(first.group, SCRIPT_LABELS);
    await sink.write(
      `UNWIND [${batch.map((n) => cypherMap(n.label, n.properties)).join(', ')}] AS row CREATE (n:${labels}) SET n = row;\n`,
    );
  };
  for await (const page of readNodes(db)) {
    // group consecutive nodes with the same labels into one statement
    let batch: ExportNode[] = [];
    for (const node of page) {
      const last = batch[batch.length - 1];
      if (last && (last.label !== node.label || batch.length >= CYPHER_BATCH)) {
        await flushNodes(batch);
        batch = [];
      }
      batch.push(node);
      nodes += 1;
    }
    await flushNodes(batch);
    progress(page.length);
  }
  const matchOf = (group: string, variable: string, key: string) =>
    group === 'Meta'
      ? `MATCH (${variable}:Meta {key: row.${key}})`
      : `MATCH (${variable}:${whitelisted(group, SCRIPT_LABELS)} {id: row.${key}})`;
  const flushRels = async (batch: ExportRelationship[]) => {
    if (batch.length === 0) return;
    const first = batch[0] as ExportRelationship;
    const rows = batch.map(
      (r) =>
        `{s: ${cypherLiteral(r.start)}, e: ${cypherLiteral(r.end)}, p: ${cypherMap(r.type, r.properties)}}`,
    );
    await sink.write(
      `UNWIND [${rows.join(', ')}] AS row ${matchOf(first.startGroup, 'a', 's')} ${matchOf(first.endGroup, 'b', 'e')} CREATE (a)-[r:${whitelisted(first.type, SCRIPT_TYPES)}]->(b) SET r = row.p;\n`,
    );
  };
  for await (const page of readRelationships(db)) {
    const groups = new Map<string, ExportRelationship[]>();
    for (const rel of page) {
      const key = `${rel.type}|${rel.startGroup}|${rel.endGroup}`;
      let batch = groups.get(key);
      if (!batch) groups.set(key, (batch = []));
      batch.push(rel);
      if (batch.length >= CYPHER_BATCH) {
        await flushRels(batch);
        groups.set(key, []);
      }
      relationships += 1;
    }
    for (const batch of groups.values()) await flushRels(batch);
    progress(page.length);
  }
  await sink.close();
  return { nodes, relationships, files: out ? [out] : [] };
}
