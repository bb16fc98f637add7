// The CSV files of the bulk loader (bulk.ts), in the input format of Neo4j's offline importer
// (`neo4j-admin database import full`), written as rows arrive so nothing is held in memory. The rows are
// the very property maps the transactional writer sends as parameters (records.ts), so both paths store
// the same properties with the same types: a value made by cypherInteger becomes an INTEGER column, any
// other number a FLOAT (`double`), a list of strings a `string[]`.
//
// A file holds rows of one shape: one label set (or relationship type) and one set of keys with their
// types, so its header is known from its first row, a row never has empty columns, and nothing about the
// model is repeated here. Node ids are integers per id space (Entity, Passage, Meta), assigned on first
// sight (the importer maps integers faster than strings). Two things CSV cannot say are handled with the
// import tool (BulkImport.java): an empty list (written as the one-element list [EMPTY_LIST_MARKER]) and
// the array delimiter inside an element (refused, as is a list of one empty string).
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { isCypherInteger } from '../infra/database.ts';
import { CskgError } from '../infra/errors.ts';

/** Between the elements of a list (and the labels of a node): the ASCII unit separator. */
export const ARRAY_DELIMITER = '\u001f';
/** Stands for an empty list; BulkImport.java turns it back into one. A private-use character. */
export const EMPTY_LIST_MARKER = '\ue000';

export type ColumnKind = 'string' | 'long' | 'double' | 'boolean' | 'string[]';
export type IdSpace =
  'Entity' | 'Passage' | 'Meta' | 'Source' | 'StatusStep' | 'Research' | 'Chain' | 'ChainLink';

/** Names that enter a CSV header or an import argument: labels, types and property keys of the model. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Refusals of the bulk path: the data is valid but CSV cannot carry it; the transactional path can. */
export class CsvUnsupportedError extends CskgError {
  constructor(message: string) {
    super(
      'DATA_INVALID',
      `${message} The bulk loader cannot write this through CSV; use --mode transactional.`,
    );
  }
}

/** The column type of a property value as the driver would send it; undefined for null (no property). */
export function kindOf(value: unknown): ColumnKind | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (isCypherInteger(value)) return 'long';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'string[]';
  throw new CsvUnsupportedError(`A property value of an unsupported type: ${JSON.stringify(value)}.`);
}

/** A string as a CSV field: quoted when empty (an unquoted empty field is "no value") or when it must be. */
export function csvString(text: string): string {
  if (text === '' || /[",\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A property value as a field of a column of this kind. */
export function encodeValue(value: unknown, kind: ColumnKind): string {
  switch (kind) {
    case 'string':
      return csvString(value as string);
    case 'long':
      return String(value);
    case 'double': {
      const number = value as number;
      if (!Number.isFinite(number)) throw new CsvUnsupportedError(`A number that is not finite: ${number}.`);
      return String(number);
    }
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string[]': {
      const list = value as readonly string[];
      if (list.length === 0) return EMPTY_LIST_MARKER;
      for (const element of list) {
        if (element.includes(ARRAY_DELIMITER) || element.includes(EMPTY_LIST_MARKER)) {
          throw new CsvUnsupportedError(
            `A list element holds U+001F or U+E000, which the bulk loader reserves: ${JSON.stringify(element)}.`,
          );
        }
      }
      if (list.length === 1 && list[0] === '') {
        throw new CsvUnsupportedError(
          'A list holding one empty string cannot be told from an empty field in CSV.',
        );
      }
      return csvString(list.join(ARRAY_DELIMITER));
    }
  }
}

const HEADER_TYPES: Record<ColumnKind, string> = {
  string: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  'string[]': 'string[]',
};

/** One CSV file: rows of one shape. */
class Table {
  readonly file: string;
  /** some field spans lines (the importer must be told, per file) */
  multiline = false;
  rows = 0;
  private readonly stream: WriteStream;
  private buffer = '';

  constructor(
    file: string,
    header: string,
    readonly keys: readonly string[],
    readonly kinds: readonly ColumnKind[],
  ) {
    this.file = file;
    this.stream = createWriteStream(file, 'utf8');
    this.buffer = `${header}\n`;
  }

  /** Whether a row of these properties has this table's shape: the same keys, in order, of the same kinds. */
  fits(props: Readonly<Record<string, unknown>>): boolean {
    let i = 0;
    for (const key in props) {
      const kind = kindOf(props[key]);
      if (kind === undefined) continue;
      if (this.keys[i] !== key || this.kinds[i] !== kind) return false;
      i += 1;
    }
    return i === this.keys.length;
  }

  async write(prefix: string, props: Readonly<Record<string, unknown>>): Promise<void> {
    let line = prefix;
    for (let i = 0; i < this.keys.length; i++) {
      const field = encodeValue(props[this.keys[i] as string], this.kinds[i] as ColumnKind);
      if (!this.multiline && (field.includes('\n') || field.includes('\r'))) this.multiline = true;
      line += `,${field}`;
    }
    this.buffer += `${line}\n`;
    this.rows += 1;
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export interface ImportCsvFiles {
  /** `--nodes=<labels>=<file>` for each */
  readonly nodes: readonly { readonly labels: readonly string[]; readonly file: string }[];
  /** `--relationships=<type>=<file>` for each */
  readonly relationships: readonly { readonly type: string; readonly file: string }[];
  /** the files with a field spanning lines */
  readonly multiline: readonly string[];
  readonly nodeCount: number;
  readonly relationshipCount: number;
}

/** Writes nodes and relationships into CSV files under `dir`, one file per shape. */
export class ImportCsvWriter {
  private readonly tables = new Map<string, Table>();
  private readonly nodeTables: { labels: readonly string[]; table: Table }[] = [];
  private readonly relationshipTables: { type: string; table: Table }[] = [];
  /** The table of the last row of each owner (label set or type): rows of one owner nearly always share it. */
  private readonly lastTables = { node: new Map<string, Table>(), relationship: new Map<string, Table>() };
  private readonly ids: Record<IdSpace, Map<string, number>> = {
    Entity: new Map(),
    Passage: new Map(),
    Meta: new Map(),
    Source: new Map(),
    StatusStep: new Map(),
    Research: new Map(),
    Chain: new Map(),
    ChainLink: new Map(),
  };
  private nodes = 0;
  private relationships = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The integer id of a node id in its space, assigned on first sight (a relation may come first). */
  idOf(space: IdSpace, id: string): number {
    const ids = this.ids[space];
    let n = ids.get(id);
    if (n === undefined) {
      n = ids.size;
      ids.set(id, n);
    }
    return n;
  }

  async addNode(
    space: IdSpace,
    labels: readonly string[],
    id: string,
    props: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const table = this.tableFor('node', `${space}|${labels.join(':')}`, props, () => `:ID(${space})`, labels);
    await table.write(String(this.idOf(space, id)), props);
    this.nodes += 1;
  }

  async addRelationship(
    type: string,
    start: { readonly space: IdSpace; readonly id: string },
    end: { readonly space: IdSpace; readonly id: string },
    props: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const table = this.tableFor(
      'relationship',
      `${type}|${start.space}|${end.space}`,
      props,
      () => `:START_ID(${start.space}),:END_ID(${end.space})`,
      [type],
    );
    await table.write(`${this.idOf(start.space, start.id)},${this.idOf(end.space, end.id)}`, props);
    this.relationships += 1;
  }

  /** Closes every file and says what to import. */
  async close(): Promise<ImportCsvFiles> {
    for (const table of this.tables.values()) await table.close();
    return {
      nodes: this.nodeTables.map(({ labels, table }) => ({ labels, file: table.file })),
      relationships: this.relationshipTables.map(({ type, table }) => ({ type, file: table.file })),
      multiline: [...this.tables.values()].filter((t) => t.multiline).map((t) => t.file),
      nodeCount: this.nodes,
      relationshipCount: this.relationships,
    };
  }

  private tableFor(
    kind: 'node' | 'relationship',
    owner: string,
    props: Readonly<Record<string, unknown>>,
    idColumns: () => string,
    names: readonly string[],
  ): Table {
    const last = this.lastTables[kind].get(owner);
    if (last?.fits(props)) return last;
    const keys: string[] = [];
    const kinds: ColumnKind[] = [];
    let shape = `${kind}|${owner}`;
    for (const key in props) {
      const columnKind = kindOf(props[key]);
      if (columnKind === undefined) continue;
      keys.push(key);
      kinds.push(columnKind);
      shape += `|${key}:${columnKind}`;
    }
    let table = this.tables.get(shape);
    if (!table) {
      for (const name of [...names, ...keys]) {
        if (!NAME.test(name))
          throw new CsvUnsupportedError(`A label, type or key CSV cannot name: ${JSON.stringify(name)}.`);
      }
      const header = [
        idColumns(),
        ...keys.map((k, i) => `${k}:${HEADER_TYPES[kinds[i] as ColumnKind]}`),
      ].join(',');
      const file = path.join(
        this.dir,
        `${kind === 'node' ? 'nodes' : 'relationships'}-${this.tables.size}.csv`,
      );
      table = new Table(file, header, keys, kinds);
      this.tables.set(shape, table);
      if (kind === 'node') this.nodeTables.push({ labels: names, table });
      else this.relationshipTables.push({ type: names[0] as string, table });
    }
    this.lastTables[kind].set(owner, table);
    return table;
  }
}

/**
 * The arguments of `neo4j-admin database import full` for these files (without the database name). Files
 * are named relative to their folder, the importer's working directory, so that no path character (a
 * comma separates files) can confuse it.
 */
export function importArguments(
  files: ImportCsvFiles,
  options: { reportFile: string; threads?: number },
): string[] {
  const name = (file: string) => path.basename(file);
  return [
    '--overwrite-destination=true',
    '--id-type=integer',
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    // Validation has already checked every endpoint and id: any bad entry is a bug, so fail on the first.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--strict=true',
    '--normalize-types=false',
    '--high-parallel-io=on',
    `--report-file=${options.reportFile}`,
    ...(options.threads ? [`--threads=${options.threads}`] : []),
    ...(files.multiline.length > 0
      ? ['--multiline-fields-format=v2', `--multiline-fields=${files.multiline.map(name).join(',')}`]
      : []),
    ...files.nodes.map((n) => `--nodes=${n.labels.join(':')}=${name(n.file)}`),
    ...files.relationships.map((r) => `--relationships=${r.type}=${name(r.file)}`),
  ];
}
