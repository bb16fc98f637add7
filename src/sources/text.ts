// Character-level helpers shared by the source parser and the quote finder: what counts as whitespace
// in a source text, and how a [start, end) range is trimmed without losing its offsets into the file.

/**
 * Whitespace as the plan uses it: ASCII spaces and line breaks, the full-width space U+3000 that indents
 * headings and separates table cells, and the no-break space. JavaScript's `\s` covers all of them.
 */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** A half-open [start, end) range of character offsets (JS string indices) into a source text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Narrows [start, end) so that it neither begins nor ends with whitespace; empty when only whitespace. */
export function trimRange(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

/** First offset at or after `from` (and before `end`) that is not whitespace; `end` when there is none. */
export function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text[i])) i++;
  return i;
}

/** The text with every whitespace character removed: how quotes, headings and TOC entries are compared. */
export function removeSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** One physical line of a text: the offsets of its first character and of its line break (or the text end). */
export interface SourceLine {
  /** 1-based line number, as an editor shows it */
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

/** Splits a text into lines; `\r\n` and `\r` line ends are accepted so offsets stay exact on any file. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      lines.push({ number: lines.length + 1, start, end: i });
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) lines.push({ number: lines.length + 1, start, end: text.length });
  return lines;
}
