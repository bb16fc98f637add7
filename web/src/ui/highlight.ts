// The cited words of a passage, highlighted. A quote is compared with the passage ignoring whitespace (as
// the loader does), so a quote that skips the plan's stray spaces or line breaks still lines up. Without a
// quote, the names of the entities the fact is about are highlighted instead.

export interface TextRun {
  readonly text: string;
  readonly marked: boolean;
}

/** Splits `text` into runs, marking every span that matches one of `needles` (whitespace-insensitively). */
export function highlightRuns(text: string, needles: readonly (string | null | undefined)[]): TextRun[] {
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    const compact = (needle ?? '').replace(/\s+/g, '');
    if (compact.length < 2) continue;
    const pattern = new RegExp([...compact].map(escapeRegExp).join('\\s*'), 'g');
    for (const match of text.matchAll(pattern)) {
      if (match.index !== undefined && match[0].length > 0)
        ranges.push([match.index, match.index + match[0].length]);
    }
  }
  if (ranges.length === 0) return [{ text, marked: false }];
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const runs: TextRun[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) runs.push({ text: text.slice(at, start), marked: false });
    runs.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The runs as DOM: marked runs in <mark>. */
export function highlighted(text: string, needles: readonly (string | null | undefined)[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of highlightRuns(text, needles)) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      fragment.appendChild(mark);
    } else fragment.appendChild(document.createTextNode(run.text));
  }
  return fragment;
}
