// The deterministic source parser: splits a plan text into sections (the heading tree) and passages
// (sentences, list items, table rows, headings), each passage with a stable id and exact character
// offsets. Every quote in data/graph is resolved against these passages (see quote.ts).
//
// The rules, in the order they apply:
// - Front matter (everything before 前言 or the first 第X章 line) is handled by frontMatter.ts: notice,
//   title page and table of contents become sections 通知 / 扉页 / 目录, never heading sections.
// - A body line may open with one or more headings (headings.ts says which and where each title ends);
//   a second heading on the same line is looked for only where the text goes on with "（", as in
//   "图3：…示意图（一）产业合作重点（1）电子信息。围绕…". The rest of the line is body text.
// - Body text is cut into sentences at 。！？； (sentences.ts). Inside a 专栏 box, a line opening with
//   （N） is one list item, and a box whose first content line is a header row ("园区 重点产业 …") is a
//   table: every line one passage, kept as it is even where a row is broken over two lines.
// - Continuation: when body text (not a heading, not a table row) ends a line without closing a sentence
//   (no 。！？；：at the end) and the next line is neither blank nor opens with a heading or list marker,
//   the sentence goes on across the line break: "…机械装备等产" + "业。" is one passage whose text keeps
//   the line break. That is the only way a passage spans lines.
import { DocumentBuilder } from './builder.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { matchHeading, startsWithMarker, type Heading } from './headings.ts';
import { endsSentence, splitSentences } from './sentences.ts';
import { skipSpace, splitLines, type SourceLine } from './text.ts';
import type { ParsedDocument, SectionKind } from './types.ts';

export type { ParsedDocument, Passage } from './types.ts';
export { SECTION_SEPARATOR } from './types.ts';
export { locateQuote, findQuoteOccurrences, QuoteError } from './quote.ts';

/** Parses a source text. Pure and deterministic: the same text always gives the same sections, ids and offsets. */
export function parseSource(documentId: string, text: string): ParsedDocument {
  const lines = splitLines(text);
  const builder = new DocumentBuilder(documentId, text, lines);
  const bodyStart = findBodyStart(text, lines);
  const { tocTitles } = parseFrontMatter(text, lines.slice(0, bodyStart), builder);
  new BodyParser(text, lines, builder, tocTitles).parse(bodyStart);
  return builder.build();
}

/** Index of the first line that opens with 前言 or 第X章; 0 when the text has neither (then there is no front matter). */
function findBodyStart(text: string, lines: readonly SourceLine[]): number {
  const index = lines.findIndex((line) => {
    const pos = skipSpace(text, line.start, line.end);
    const heading = matchHeading(text, pos, line.end, { inBox: false, inTable: false, knownTitles: [] });
    return heading?.kind === 'preface' || heading?.kind === 'chapter';
  });
  return index < 0 ? 0 : index;
}

interface OpenSection {
  readonly level: number;
  readonly kind: SectionKind;
  readonly path: readonly string[];
  /** for a 专栏 box: undecided until its first content line, then prose/list ('flow') or 'table' */
  boxMode?: 'undecided' | 'flow' | 'table';
}

const LIST_ITEM_START = /（\d{1,2}）/y;

class BodyParser {
  private readonly stack: OpenSection[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: readonly SourceLine[],
    private readonly builder: DocumentBuilder,
    private readonly knownTitles: readonly string[],
  ) {}

  parse(fromLine: number): void {
    let i = fromLine;
    while (i < this.lines.length) {
      const line = this.lines[i];
      if (!line) break;
      i = this.parseLine(line, i) + 1;
    }
  }

  /** Parses the line at `index` (and any lines its last sentence continues onto); returns the last line consumed. */
  private parseLine(line: SourceLine, index: number): number {
    const { text } = this;
    let pos = skipSpace(text, line.start, line.end);
    if (pos >= line.end) return index;

    let heading = this.headingAt(pos, line.end);
    while (heading) {
      this.openHeading(heading);
      pos = skipSpace(text, heading.end, line.end);
      heading = text[pos] === '（' ? this.headingAt(pos, line.end) : undefined;
    }
    if (pos >= line.end) return index;

    const box = this.openBox();
    if (box?.boxMode === 'undecided') {
      const isTable = isTableHeader(text.slice(pos, line.end));
      box.boxMode = isTable ? 'table' : 'flow';
      if (isTable) {
        this.builder.addPassage('table-header', pos, line.end, this.currentPath());
        return index;
      }
    }
    if (box?.boxMode === 'table') {
      this.builder.addPassage('table-row', pos, line.end, this.currentPath());
      return index;
    }

    let last = index;
    let end = line.end;
    while (!endsSentence(text, end)) {
      const next = this.lines[last + 1];
      if (!next) break;
      const nextPos = skipSpace(text, next.start, next.end);
      if (nextPos >= next.end || startsWithMarker(text, nextPos, next.end)) break;
      last++;
      end = next.end;
    }
    if (box && this.isListItemAt(pos)) {
      this.builder.addPassage('list-item', pos, end, this.currentPath());
    } else {
      for (const s of splitSentences(text, pos, end))
        this.builder.addPassage('sentence', s.start, s.end, this.currentPath());
    }
    return last;
  }

  private headingAt(pos: number, lineEnd: number): Heading | undefined {
    const box = this.openBox();
    return matchHeading(this.text, pos, lineEnd, {
      inBox: box !== undefined,
      inTable: box?.boxMode === 'table',
      knownTitles: this.knownTitles,
    });
  }

  private openHeading(heading: Heading): void {
    if (heading.kind === 'figure') {
      // a figure caption closes any open （一）/专栏 but is not itself a container: nothing follows under it
      this.popTo(heading.level);
      const path = this.builder.openSection(
        this.currentPath(),
        heading.title,
        'figure',
        heading.level,
        heading.start,
      );
      this.builder.addPassage('caption', heading.start, heading.end, path);
      return;
    }
    this.popTo(heading.level);
    const path = this.builder.openSection(
      this.currentPath(),
      heading.title,
      heading.kind,
      heading.level,
      heading.start,
    );
    const open: OpenSection = { level: heading.level, kind: heading.kind, path };
    if (heading.kind === 'box') open.boxMode = 'undecided';
    this.stack.push(open);
    this.builder.addPassage('heading', heading.start, heading.end, path);
  }

  private popTo(level: number): void {
    while ((this.stack[this.stack.length - 1]?.level ?? 0) >= level) this.stack.pop();
  }

  private currentPath(): readonly string[] {
    return this.stack[this.stack.length - 1]?.path ?? [];
  }

  private openBox(): OpenSection | undefined {
    return this.stack.find((s) => s.kind === 'box');
  }

  private isListItemAt(pos: number): boolean {
    LIST_ITEM_START.lastIndex = pos;
    return LIST_ITEM_START.test(this.text);
  }
}

/** "园区 重点产业 产业布局或项目": two or more short cells separated by spaces, with no sentence punctuation. */
function isTableHeader(line: string): boolean {
  const cells = line.trim().split(/\s+/);
  return cells.length >= 2 && cells.every((cell) => cell.length <= 12 && !/[，。；：、（）]/.test(cell));
}
