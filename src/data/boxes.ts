// The plan's boxes (专栏一 to 专栏八) restate, in tables and short lists, what its chapters say at length, and
// sometimes say something else: another industry, a product the text does not name, a missing row. Every row of
// every box is compared with the text in data/box-comparison.yaml; this module checks that the comparison is
// complete (every sentence, list item and table row of a box has an entry) and that each difference is recorded
// where an analyst sees it, as a caveat naming the box on the entities or relations it concerns.
import { locateQuote, QuoteError } from '../sources/quote.ts';
import type { ParsedDocument, Passage } from '../sources/types.ts';
import type { RuleCode, ValidationIssue } from './issues.ts';
import { isPlainObject, type YamlDataFile } from './read.ts';

export const BOX_RULES = {
  'box-comparison':
    'every sentence, list item and table row of a box (专栏) is compared with the text in data/box-comparison.yaml, and a row that differs names entities or relations whose caveat records it, naming the box',
} as const satisfies Partial<Record<RuleCode, string>>;

const VERDICTS = ['agrees', 'adds', 'differs'] as const;
const KEYS = new Set(['row', 'verdict', 'note', 'caveatOn']);
/** The passages of a box that state something: headings, captions and table headers are not compared. */
const ROW_KINDS = new Set(['sentence', 'list-item', 'table-row']);

/** The box a passage belongs to (专栏七), or undefined outside the boxes. */
export function boxOf(passage: Pick<Passage, 'sectionPath'>): string | undefined {
  const section = passage.sectionPath.find((s) => s.startsWith('专栏'));
  return section?.split(/[：:]/)[0]?.trim();
}

export function checkBoxComparison(
  file: YamlDataFile | null,
  doc: ParsedDocument,
  caveatsOf: (id: string) => readonly string[] | undefined,
): ValidationIssue[] {
  const rows = doc.passages.filter((p) => boxOf(p) !== undefined && ROW_KINDS.has(p.kind));
  if (rows.length === 0) return [];
  if (!file) {
    return [{ file: 'data/box-comparison.yaml', line: 1, path: '', rule: 'box-comparison',
      message: `the plan has ${rows.length} rows in its boxes (专栏) and no comparison of them with the text; write data/box-comparison.yaml` }];
  }
  const issues: ValidationIssue[] = [...file.syntaxIssues];
  const entries: unknown[] = Array.isArray(file.content) ? file.content : [];
  if (file.content !== undefined && !Array.isArray(file.content)) {
    issues.push({ file: file.file, line: 1, path: '', rule: 'box-comparison', message: 'the comparison is a YAML list of { row, verdict, note, caveatOn } entries' });
  }
  const compared = new Map<string, number>();
  entries.forEach((value, i) => {
    const at = (key: string | number | undefined, message: string, v?: unknown) =>
      issues.push({ file: file.file, line: file.lineOf(key === undefined ? [i] : [i, key]), path: key === undefined ? `[${i}]` : `[${i}].${key}`, rule: 'box-comparison', message, ...(v === undefined ? {} : { value: v }) });
    if (!isPlainObject(value)) return at(undefined, 'an entry is a mapping with row, verdict, and note and caveatOn where needed');
    for (const key of Object.keys(value)) if (!KEYS.has(key)) at(key, `unknown key "${key}"; an entry has row, verdict, note, caveatOn`);
    const { row, verdict, note, caveatOn } = value;
    if (typeof row !== 'string') return at('row', 'row is the words of a box row, as the plan writes them', row);
    let passages: readonly Passage[];
    try {
      passages = locateQuote(doc, row).passages;
    } catch (error) {
      if (!(error instanceof QuoteError)) throw error;
      return at('row', error.message, row);
    }
    const box = passages.map(boxOf).find((b) => b !== undefined);
    if (!box) return at('row', 'these words are not in a box (专栏) of the plan', row);
    for (const p of passages) {
      const first = compared.get(p.id);
      if (first !== undefined) at('row', `this row is already compared at line ${first}`, row);
      else compared.set(p.id, file.lineOf([i]));
    }
    if (!VERDICTS.includes(verdict as (typeof VERDICTS)[number])) return at('verdict', `verdict is one of ${VERDICTS.join(', ')}`, verdict);
    if (verdict !== 'agrees' && (typeof note !== 'string' || note.trim() === '')) at('note', `a row that ${verdict} needs a note saying how it compares with the text`);
    if (verdict !== 'differs') {
      if (caveatOn !== undefined) at('caveatOn', 'caveatOn is for rows that differ');
      return;
    }
    if (!Array.isArray(caveatOn) || caveatOn.length === 0) return at('caveatOn', 'a row that differs names the entities or relations whose caveat records the difference');
    caveatOn.forEach((id: unknown, k) => {
      const caveats = typeof id === 'string' ? caveatsOf(id) : undefined;
      const where = (message: string) =>
        issues.push({ file: file.file, line: file.lineOf([i, 'caveatOn', k]), path: `[${i}].caveatOn[${k}]`, rule: 'box-comparison', message, value: id });
      if (caveats === undefined) where('no entity or relation has this id');
      else if (!caveats.some((c) => c.includes(box))) where(`no caveat of ${String(id)} names ${box}: record the difference there`);
    });
  });
  for (const row of rows) {
    if (!compared.has(row.id)) {
      issues.push({ file: file.file, line: 1, path: '', rule: 'box-comparison', value: row.text.trim(),
        message: `${row.id} (${boxOf(row)}, line ${row.line} of the plan) is not compared with the text; add an entry for it` });
    }
  }
  return issues;
}
