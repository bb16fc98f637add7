// Recognises the plan's headings: which marker starts at a position (第X章, 一、, （一）, 1．/（1）, 专栏N：,
// 图N：, 前言), the level it opens, and where its title ends when the heading runs into body text on the
// same line. Knows nothing about passages or sections; parse.ts decides what a heading does to the path.
import { isSpace, removeSpace, skipSpace } from './text.ts';

export type HeadingKind = 'preface' | 'chapter' | 'section' | 'subsection' | 'item' | 'box' | 'figure';

/**
 * Nesting depth of each kind. A box (专栏) and a figure sit at the depth of （一）: they belong to the
 * surrounding 一、 section, close any open （一） sub-section, and are closed by the next heading of
 * depth 3 or less. Items (1． and （1）) nest under whatever is open, including a box.
 */
export const HEADING_LEVEL: Readonly<Record<HeadingKind, number>> = {
  preface: 1,
  chapter: 1,
  section: 2,
  subsection: 3,
  box: 3,
  figure: 3,
  item: 4,
};

const CN_DIGITS = '一二三四五六七八九十';

interface MarkerRule {
  readonly kind: HeadingKind;
  /** sticky, so it matches exactly at lastIndex */
  readonly pattern: RegExp;
  /** true for （1）: inside a 专栏 box it starts a list item, not a heading */
  readonly parenDigit?: boolean;
}

const MARKER_RULES: readonly MarkerRule[] = [
  { kind: 'preface', pattern: /前\s*言/y },
  { kind: 'chapter', pattern: new RegExp(`第[${CN_DIGITS}百]+章`, 'y') },
  { kind: 'box', pattern: new RegExp(`专栏\\s*[${CN_DIGITS}\\d]+\\s*[：:]`, 'y') },
  { kind: 'figure', pattern: /图\s*\d+\s*[：:]/y },
  { kind: 'section', pattern: new RegExp(`[${CN_DIGITS}]{1,3}、`, 'y') },
  { kind: 'subsection', pattern: new RegExp(`（[${CN_DIGITS}]{1,3}）`, 'y') },
  // "1．" or "1." but not the "1.84" of a decimal
  { kind: 'item', pattern: /\d{1,2}[．.](?!\d)/y },
  { kind: 'item', pattern: /（\d{1,2}）/y, parenDigit: true },
];

/** A parenthesised marker in the middle of a line ends the title before it: "…示意图（一）产业合作重点（1）电子信息。" */
const MID_LINE_MARKER = new RegExp(`（[${CN_DIGITS}\\d]{1,3}）`, 'y');

/** Punctuation that shows a heading's candidate title is really running body text. */
const RUN_ON_PUNCTUATION = /[，；]/;
const MAX_PLAIN_TITLE = 40;

export interface MarkerMatch {
  readonly kind: HeadingKind;
  readonly start: number;
  readonly end: number;
  readonly parenDigit: boolean;
}

/** The heading or list marker that starts exactly at `pos`, if any (never extending past `limit`). */
export function matchMarker(text: string, pos: number, limit: number): MarkerMatch | undefined {
  for (const rule of MARKER_RULES) {
    rule.pattern.lastIndex = pos;
    const m = rule.pattern.exec(text);
    if (m && pos + m[0].length <= limit) {
      return { kind: rule.kind, start: pos, end: pos + m[0].length, parenDigit: rule.parenDigit === true };
    }
  }
  return undefined;
}

export interface HeadingContext {
  /** inside a 专栏 box: （1） starts a list item there, not a heading */
  readonly inBox: boolean;
  /** inside a 专栏 table: only headings of depth 3 or less end it, every other line is a row */
  readonly inTable: boolean;
  /** the table of contents' entries, whitespace removed: the exact titles of run-on headings */
  readonly knownTitles: readonly string[];
}

export interface Heading {
  readonly kind: HeadingKind;
  readonly level: number;
  readonly start: number;
  /** end of the title proper (before any 。 or ： that closes it) */
  readonly titleEnd: number;
  /** end of the heading's own passage: the title plus the 。 or ： that closes an inline title */
  readonly end: number;
  /** marker and title with whitespace and the closing 。/： removed, e.g. "（一）产业合作规模不断扩大" */
  readonly title: string;
}

/**
 * The heading starting at `pos` on a line that ends at `lineEnd`, or undefined when the text there is
 * not a heading in this context.
 *
 * Where the title ends: at the first 。 or ： (an inline title, "（一）产业合作规模不断扩大。…", whose
 * punctuation stays with the heading), before a parenthesised marker of the next heading, or at the line
 * end. When that candidate holds a comma or semicolon the heading runs straight into body text
 * ("五、漳州台商投资区漳州台商投资区规划面积…"); its title is then the table-of-contents entry it starts
 * with, or failing that a phrase the body repeats at once ("漳州台商投资区漳州台商投资区…"), or failing
 * that the whole candidate.
 */
export function matchHeading(
  text: string,
  pos: number,
  lineEnd: number,
  context: HeadingContext,
): Heading | undefined {
  const marker = matchMarker(text, pos, lineEnd);
  if (!marker) return undefined;
  if (marker.parenDigit && context.inBox) return undefined;
  if (context.inTable && HEADING_LEVEL[marker.kind] > 3) return undefined;
  if (marker.kind === 'preface') {
    // 前言 is a heading only alone on its line; elsewhere the two characters are ordinary words
    if (skipSpace(text, marker.end, lineEnd) !== lineEnd) return undefined;
    return { kind: 'preface', level: 1, start: pos, titleEnd: marker.end, end: marker.end, title: '前言' };
  }

  const { stop, closer } = scanCandidateTitle(text, marker.end, lineEnd);
  let titleEnd = stop;
  let end = closer ? stop + 1 : stop;
  const candidate = text.slice(marker.end, stop);
  if (RUN_ON_PUNCTUATION.test(candidate) || candidate.length > MAX_PLAIN_TITLE) {
    const runOnEnd =
      knownTitleEnd(text, pos, context.knownTitles) ?? repeatedSubjectEnd(text, marker.end, stop);
    if (runOnEnd !== undefined) {
      titleEnd = runOnEnd;
      end = text[runOnEnd] === '。' ? runOnEnd + 1 : runOnEnd;
    }
  }
  const title = removeSpace(text.slice(pos, titleEnd)).replace(/[。：:]+$/, '');
  return { kind: marker.kind, level: HEADING_LEVEL[marker.kind], start: pos, titleEnd, end, title };
}

/** True when a line's content starts with any heading or list marker: such a line never continues the previous one. */
export function startsWithMarker(text: string, pos: number, lineEnd: number): boolean {
  return matchMarker(text, pos, lineEnd) !== undefined;
}

function scanCandidateTitle(text: string, from: number, lineEnd: number): { stop: number; closer: boolean } {
  for (let i = from; i < lineEnd; i++) {
    const ch = text[i];
    if (ch === '。' || ch === '：') return { stop: i, closer: true };
    if (ch === '（' && i > from) {
      MID_LINE_MARKER.lastIndex = i;
      if (MID_LINE_MARKER.test(text)) return { stop: i, closer: false };
    }
  }
  let stop = lineEnd;
  while (stop > from && isSpace(text[stop - 1])) stop--;
  return { stop, closer: false };
}

function knownTitleEnd(text: string, pos: number, knownTitles: readonly string[]): number | undefined {
  let best: string | undefined;
  for (const title of knownTitles) {
    if (text.startsWith(title, pos) && (best === undefined || title.length > best.length)) best = title;
  }
  return best === undefined ? undefined : pos + best.length;
}

/** "漳州台商投资区漳州台商投资区规划面积…": the shortest phrase (2+ characters) that the text repeats at once. */
function repeatedSubjectEnd(text: string, from: number, stop: number): number | undefined {
  const candidate = text.slice(from, stop);
  for (let k = 2; k * 2 <= candidate.length; k++) {
    if (/[，。；、]/.test(candidate[k - 1] ?? '')) return undefined;
    if (candidate.startsWith(candidate.slice(0, k), k)) return from + k;
  }
  return undefined;
}
