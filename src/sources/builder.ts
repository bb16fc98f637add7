// Collects sections and passages in reading order while the parser walks a text, then numbers the
// passages and works out where each section ends. Keeps the bookkeeping out of the parsing rules.
import {
  SECTION_SEPARATOR,
  type ParsedDocument,
  type Passage,
  type PassageKind,
  type Section,
  type SectionKind,
} from './types.ts';
import { trimRange, type SourceLine } from './text.ts';

interface PendingPassage {
  readonly kind: PassageKind;
  readonly start: number;
  readonly end: number;
  readonly path: readonly string[];
}

interface PendingSection {
  path: readonly string[];
  kind: SectionKind;
  level: number;
  start: number;
}

export class DocumentBuilder {
  private readonly sections: PendingSection[] = [];
  private readonly sectionNames = new Set<string>();
  private readonly passages: PendingPassage[] = [];

  constructor(
    private readonly documentId: string,
    private readonly text: string,
    private readonly lines: readonly SourceLine[],
  ) {}

  /**
   * Registers a section and returns its path. Two headings with the same path (not in the plan, but
   * possible in another text) get " (2)", " (3)" appended so every section name stays unique.
   */
  openSection(
    parentPath: readonly string[],
    title: string,
    kind: SectionKind,
    level: number,
    start: number,
  ): readonly string[] {
    let path = [...parentPath, title];
    for (let n = 2; this.sectionNames.has(path.join(SECTION_SEPARATOR)); n++)
      path = [...parentPath, `${title} (${n})`];
    this.sectionNames.add(path.join(SECTION_SEPARATOR));
    this.sections.push({ path, kind, level, start });
    return path;
  }

  /** Adds text[start, end) as a passage of the section at `path`; whitespace at either end is trimmed, an empty range is dropped. */
  addPassage(kind: PassageKind, start: number, end: number, path: readonly string[]): void {
    const range = trimRange(this.text, start, end);
    if (range.end <= range.start) return;
    this.passages.push({ kind, start: range.start, end: range.end, path });
  }

  build(): ParsedDocument {
    const passages: Passage[] = this.passages.map((p, index) => ({
      id: passageId(this.documentId, index),
      documentId: this.documentId,
      index,
      kind: p.kind,
      section: p.path.join(SECTION_SEPARATOR),
      sectionPath: p.path,
      text: this.text.slice(p.start, p.end),
      start: p.start,
      end: p.end,
      line: this.lineOf(p.start),
    }));
    const ends = new Map<string, number>();
    for (const p of passages) {
      for (let depth = 1; depth <= p.sectionPath.length; depth++) {
        const name = p.sectionPath.slice(0, depth).join(SECTION_SEPARATOR);
        ends.set(name, Math.max(ends.get(name) ?? 0, p.end));
      }
    }
    const sections: Section[] = this.sections.map((s) => {
      const name = s.path.join(SECTION_SEPARATOR);
      return {
        name,
        path: s.path,
        title: s.path[s.path.length - 1] ?? '',
        kind: s.kind,
        level: s.level,
        start: s.start,
        end: ends.get(name) ?? s.start,
      };
    });
    return { documentId: this.documentId, text: this.text, sections, passages };
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid]?.start ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]?.number ?? 1;
  }
}

/** `<documentId>:p<NNNN>` for the passage at 0-based `index` (p0001 is the first). */
export function passageId(documentId: string, index: number): string {
  return `${documentId}:p${String(index + 1).padStart(4, '0')}`;
}
