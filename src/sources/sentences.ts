// Splits running text into sentences. A sentence ends at 。！？ or ； (the plan packs long enumerations
// into ；-separated clauses, each a fact of its own); closing quotes and brackets that follow the mark stay
// with it. Full stops inside numbers ("1.84倍", "14.9992平方公里", "1.“五区”") are ASCII or full-width
// dots, never 。, so they never split.
import { isSpace, trimRange, type TextRange } from './text.ts';

const SENTENCE_END = new Set(['。', '！', '？', '；']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》']);
/** A line ending in one of these does not continue on the next line (：introduces what follows). */
const LINE_CLOSING = new Set([...SENTENCE_END, '：']);

/** The sentences of text[start, end), each trimmed of whitespace; offsets stay offsets into `text`. */
export function splitSentences(text: string, start: number, end: number): TextRange[] {
  const sentences: TextRange[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!SENTENCE_END.has(text[i] ?? '')) continue;
    let stop = i + 1;
    while (stop < end && CLOSERS.has(text[stop] ?? '')) stop++;
    pushTrimmed(sentences, text, from, stop);
    from = stop;
    i = stop - 1;
  }
  pushTrimmed(sentences, text, from, end);
  return sentences;
}

/**
 * True when the text before `end` closes a sentence (ignoring trailing whitespace and closing quotes):
 * then a line break there is also a passage break. A line that does not close one is broken mid-sentence.
 */
export function endsSentence(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && (isSpace(text[i]) || CLOSERS.has(text[i] ?? ''))) i--;
  return i >= 0 && LINE_CLOSING.has(text[i] ?? '');
}

function pushTrimmed(into: TextRange[], text: string, start: number, end: number): void {
  const range = trimRange(text, start, end);
  if (range.end > range.start) into.push(range);
}
