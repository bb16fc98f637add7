// Node labels that wrap where a reader would break them. Cytoscape wraps only at whitespace or U+200B,
// and a Chinese name has neither, so a long name would run on as one wide line. We break it ourselves at
// word boundaries (Intl.Segmenter knows Chinese words: 古雷|台湾|石化|工业园), balancing the lines, and
// hand cytoscape a label with explicit line breaks. Pure, so it is tested without a browser.
import { displayName, isChinese, type Lang } from '../i18n/index.ts';

/** Display width of a string in "Chinese characters": CJK and full-width forms count 1, the rest about half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 1 : 0.55;
  return width;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, kana, CJK unified ideographs
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) || // full-width forms: （）、，
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation: 、。“”
    (code >= 0x20000 && code <= 0x3ffff)
  );
}

// "80万吨/年", "95.22平方公里": a number and its unit are one word.
const NUMBER_END = /\d[\d.,万亿千百十吨/年米平方公里%％]*$/;
const NUMBER_PART = /^[\d.,万亿千百十吨/年米平方公里%％]/;

/** True while a word has opened a bracket or quote it has not closed: 福建省“十二 | 五” stays whole. */
function unclosed(word: string): boolean {
  const count = (re: RegExp) => (word.match(re) ?? []).length;
  return count(/[（(]/g) > count(/[）)]/g) || count(/[“《「]/g) > count(/[”》」]/g);
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Words of a label: Chinese words from the segmenter, Latin words with their trailing spaces. */
export function labelWords(text: string, lang: Lang): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  const words: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = words.length - 1;
    // Keep closing punctuation and spaces with the word before, opening brackets with the word after.
    const previous = words[last] ?? '';
    const keepWithPrevious =
      /^[\s)）、，,.:;：；”’》」%％]+$/.test(segment) ||
      /[（(“‘《「/]$/.test(previous) ||
      (isChinese(lang) && unclosed(previous)) ||
      (NUMBER_END.test(previous) && NUMBER_PART.test(segment));
    if (last >= 0 && keepWithPrevious) {
      words[last] += segment;
    } else {
      words.push(segment);
    }
  }
  return words;
}

/**
 * Breaks a label into at most `maxLines` lines of about `maxWidth` characters, balanced so that
 * 古雷台湾石化工业园 becomes 古雷台湾 / 石化工业园 rather than 古雷台湾石化工 / 业园: of all ways to break
 * between words into the fewest lines that fit, the one whose widest line is narrowest. A single word wider
 * than a line is cut by characters. When even `maxLines` lines would be far too wide, the last ends in "…".
 */
export function wrapLabel(text: string, lang: Lang, maxWidth = 7, maxLines = 3): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const total = textWidth(clean);
  if (total <= maxWidth) return clean;
  const words = labelWords(clean, lang).flatMap((word) => (textWidth(word) > maxWidth ? [...word] : [word]));

  let best: string[] = [clean];
  for (let lines = Math.min(maxLines, Math.max(2, Math.ceil(total / maxWidth))); lines <= maxLines; lines++) {
    best = balancedBreak(words, lines);
    if (widest(best) <= maxWidth * 1.15) break;
  }
  if (widest(best) <= maxWidth * 1.6) return best.join('\n');
  // Too long for the lines allowed: fill lines greedily and cut the last one.
  const greedy: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && textWidth((line + word).trimEnd()) > maxWidth) {
      greedy.push(line.trimEnd());
      line = word.trimStart();
    } else line += word;
  }
  greedy.push(line.trimEnd());
  const kept = greedy.slice(0, maxLines);
  if (greedy.length > maxLines) kept[maxLines - 1] = ellipsize(kept[maxLines - 1] ?? '', maxWidth);
  return kept.join('\n');
}

function widest(lines: readonly string[]): number {
  return Math.max(...lines.map(textWidth));
}

/** The split of `words` into exactly `count` non-empty lines whose widest line is narrowest. */
function balancedBreak(words: readonly string[], count: number): string[] {
  if (words.length <= count) return words.map((w) => w.trim());
  let best: string[] = [];
  let bestWidth = Infinity;
  let bestSpread = Infinity;
  const visit = (start: number, remaining: number, acc: string[]) => {
    if (remaining === 1) {
      const lines = [...acc, words.slice(start).join('').trim()];
      const width = widest(lines);
      const spread = lines.reduce((sum, l) => sum + (textWidth(l) - width) ** 2, 0);
      if (width < bestWidth || (width === bestWidth && spread < bestSpread)) {
        best = lines;
        bestWidth = width;
        bestSpread = spread;
      }
      return;
    }
    for (let end = start + 1; end <= words.length - remaining + 1; end++) {
      const line = words.slice(start, end).join('').trim();
      if (textWidth(line) >= bestWidth) break;
      visit(end, remaining - 1, [...acc, line]);
    }
  };
  visit(0, count, []);
  return best;
}

function ellipsize(line: string, maxWidth: number): string {
  let out = '';
  for (const ch of line) {
    if (textWidth(out + ch) > maxWidth - 1) break;
    out += ch;
  }
  return out + '…';
}

/** The label a node shows in a language: its name in that language, wrapped (Chinese lines are narrower). */
export function nodeLabel(entity: { readonly name: string; readonly nameEn: string }, lang: Lang): string {
  return wrapLabel(displayName(entity, lang), lang, isChinese(lang) ? 7 : 16, 3);
}
