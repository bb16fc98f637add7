// Finds a quote in a parsed source and returns the passages it spans. Quotes are compared with all
// whitespace (ASCII and the full-width space U+3000) removed on both sides, as docs/data-format.md
// promises, so a curator need not reproduce the plan's stray spaces and line breaks; every other
// character must match exactly. Failures are QuoteErrors whose messages say what to change.
import { removeSpace, isSpace } from './text.ts';
import type { ParsedDocument, Passage } from './types.ts';

export type QuoteErrorCode =
  'QUOTE_EMPTY' | 'QUOTE_NOT_FOUND' | 'QUOTE_AMBIGUOUS' | 'QUOTE_OCCURRENCE_OUT_OF_RANGE';

/** Where a quote occurs: offsets into the source text, from its first to just past its last non-space character. */
export interface QuoteOccurrence {
  readonly start: number;
  readonly end: number;
}

export interface QuoteMatch extends QuoteOccurrence {
  readonly quote: string;
  /** which occurrence this is, 1-based */
  readonly occurrence: number;
  /** how many times the quote occurs in the document */
  readonly occurrences: number;
  /** the passages the quote overlaps, in reading order (usually one; two when it runs across a passage break) */
  readonly passages: readonly Passage[];
}

export class QuoteError extends Error {
  constructor(
    readonly code: QuoteErrorCode,
    message: string,
    readonly quote: string,
    readonly documentId: string,
    readonly occurrences: readonly QuoteOccurrence[],
  ) {
    super(message);
    this.name = 'QuoteError';
  }
}

interface CompactIndex {
  /** the text with whitespace removed */
  readonly compact: string;
  /** origin[i] is the offset in the original text of compact[i] */
  readonly origin: Int32Array;
  /** lazily built: compact text with full-width forms folded, only for error hints */
  folded?: string;
}

const compactIndexes = new WeakMap<ParsedDocument, CompactIndex>();

/** Every occurrence of the quote (whitespace aside), in reading order; overlapping occurrences count separately. */
export function findQuoteOccurrences(doc: ParsedDocument, quote: string): QuoteOccurrence[] {
  const needle = removeSpace(quote);
  if (needle === '') return [];
  const index = compactIndexOf(doc);
  const found: QuoteOccurrence[] = [];
  for (let at = index.compact.indexOf(needle); at >= 0; at = index.compact.indexOf(needle, at + 1)) {
    found.push({ start: index.origin[at] ?? 0, end: (index.origin[at + needle.length - 1] ?? 0) + 1 });
  }
  return found;
}

/**
 * Resolves a quote to its passages. `occurrence` (1-based) picks one when the words occur more than once;
 * without it, a quote that occurs more than once is an error (ambiguous), as is one that does not occur.
 */
export function locateQuote(doc: ParsedDocument, quote: string, occurrence?: number): QuoteMatch {
  if (removeSpace(quote) === '') {
    throw new QuoteError(
      'QUOTE_EMPTY',
      'quote is empty: write the words of the source that state the fact',
      quote,
      doc.documentId,
      [],
    );
  }
  const found = findQuoteOccurrences(doc, quote);
  if (found.length === 0) {
    throw new QuoteError(
      'QUOTE_NOT_FOUND',
      `quote not found in ${doc.documentId}: ${notFoundHint(doc, quote)}`,
      quote,
      doc.documentId,
      [],
    );
  }
  if (occurrence === undefined && found.length > 1) {
    throw new QuoteError(
      'QUOTE_AMBIGUOUS',
      `quote occurs ${found.length} times in ${doc.documentId} (${describeOccurrences(doc, found)}); ` +
        `lengthen it until it is unique, or write { text: ..., occurrence: N } with N from 1 to ${found.length}`,
      quote,
      doc.documentId,
      found,
    );
  }
  const chosen = occurrence ?? 1;
  const match = found[chosen - 1];
  if (!Number.isInteger(chosen) || chosen < 1 || !match) {
    throw new QuoteError(
      'QUOTE_OCCURRENCE_OUT_OF_RANGE',
      `occurrence ${chosen} asked for, but the quote occurs ${found.length} time${found.length === 1 ? '' : 's'} in ` +
        `${doc.documentId} (${describeOccurrences(doc, found)}); give an occurrence from 1 to ${found.length}` +
        (found.length === 1 ? ' or drop it' : ''),
      quote,
      doc.documentId,
      found,
    );
  }
  return {
    quote,
    occurrence: chosen,
    occurrences: found.length,
    start: match.start,
    end: match.end,
    passages: passagesOverlapping(doc, match),
  };
}

/** The passages that overlap [start, end), in reading order. */
export function passagesOverlapping(doc: ParsedDocument, range: QuoteOccurrence): Passage[] {
  const { passages } = doc;
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((passages[mid]?.end ?? 0) <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Passage[] = [];
  for (let i = lo; i < passages.length; i++) {
    const p = passages[i];
    if (!p || p.start >= range.end) break;
    out.push(p);
  }
  return out;
}

function compactIndexOf(doc: ParsedDocument): CompactIndex {
  const cached = compactIndexes.get(doc);
  if (cached) return cached;
  const origin = new Int32Array(doc.text.length);
  let compact = '';
  let n = 0;
  for (let i = 0; i < doc.text.length; i++) {
    const ch = doc.text[i];
    if (ch === undefined || isSpace(ch)) continue;
    origin[n++] = i;
    compact += ch;
  }
  const index: CompactIndex = { compact, origin: origin.subarray(0, n) };
  compactIndexes.set(doc, index);
  return index;
}

function describeOccurrences(doc: ParsedDocument, found: readonly QuoteOccurrence[]): string {
  const shown = found.slice(0, 5).map((o) => {
    const p = passagesOverlapping(doc, o)[0];
    return p ? `${p.id.slice(doc.documentId.length + 1)} line ${p.line}` : `offset ${o.start}`;
  });
  return `at ${shown.join(', ')}${found.length > 5 ? ', …' : ''}`;
}

/**
 * Why a quote was not found, in terms a curator can act on: how much of its beginning does occur and where
 * the source then differs, or that it matches only when full-width and ASCII punctuation are treated alike.
 */
function notFoundHint(doc: ParsedDocument, quote: string): string {
  const needle = removeSpace(quote);
  const index = compactIndexOf(doc);
  index.folded ??= index.compact.normalize('NFKC');
  const shown = `"${clip(needle, 40)}"`;
  if (index.folded.includes(needle.normalize('NFKC'))) {
    return `${shown} matches only if full-width and ASCII forms are treated alike; copy the source's own characters (e.g. ，（）：％ rather than ,():%)`;
  }
  // the longest prefix of the quote that occurs: prefixes of an occurring prefix occur too, so bisect
  let lo = 0;
  let hi = needle.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.compact.includes(needle.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 2) return `${shown}: not even its first characters occur; check the document id and the wording`;
  const at = index.compact.indexOf(needle.slice(0, lo));
  const passage = passagesOverlapping(doc, {
    start: index.origin[at] ?? 0,
    end: (index.origin[at] ?? 0) + 1,
  })[0];
  const sourceGoesOn = index.compact.slice(at + lo, at + lo + 8);
  return (
    `${shown}: its first ${lo} characters occur (${passage ? `${passage.id}, line ${passage.line}` : `offset ${index.origin[at]}`}), ` +
    `then the source reads "${sourceGoesOn}" where the quote has "${needle.slice(lo, lo + 8)}"`
  );
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}
