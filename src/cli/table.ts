// Prints query results as a plain text table: one row per record, lists joined with commas, a map shown
// by its name (or id) and its status, so a row of an analyst query reads on one line. --json gives all.
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatCell).join(', ');
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>;
    const label = map.name ?? map.text ?? map.id;
    if (label === undefined) return JSON.stringify(value);
    const notes = ['status', 'origin', 'via']
      .map((k) => map[k])
      .filter((v) => typeof v === 'string' && v !== '');
    return notes.length > 0 ? `${String(label)} (${notes.join(', ')})` : String(label);
  }
  return String(value);
}

/** Display width: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function clip(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function formatTable(rows: readonly Record<string, unknown>[], maxColumnWidth = 80): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((row) =>
    columns.map((c) => clip(formatCell(row[c]).replace(/\s+/g, ' '), maxColumnWidth)),
  );
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(v))))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
