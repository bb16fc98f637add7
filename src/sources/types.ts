// The shapes the source parser produces: a parsed document, its sections (the heading tree, as paths)
// and its passages (the units every quote in data/graph resolves to). Loader and GraphQL import these.

/** What a passage is, so that reports can tell a fact-bearing sentence from a heading or a table-of-contents entry. */
export type PassageKind =
  | 'title' // a document or notice title (front matter)
  | 'date' // a date line of the front matter
  | 'toc' // one entry of the table of contents
  | 'heading' // a heading's own text, including an inline title such as "（一）产业合作规模不断扩大。"
  | 'caption' // 图N：caption
  | 'sentence' // a sentence (or ；-clause) of running text
  | 'list-item' // one item of a numbered list inside a 专栏 box, e.g. "（1）平潭综合实验区，电子信息、…"
  | 'table-header' // the header row of a 专栏 table
  | 'table-row'; // one line of a flattened 专栏 table (a row, or part of a row broken across lines)

/** front: 通知/扉页/目录 before the body; the rest name the heading that opens the section. */
export type SectionKind =
  'front' | 'preface' | 'chapter' | 'section' | 'subsection' | 'item' | 'box' | 'figure';

/** The separator of a section path when written as one string ("第四章空间布局 › 六、闽台合作专业园"). */
export const SECTION_SEPARATOR = ' › ';

export interface Section {
  /** the heading path joined with SECTION_SEPARATOR; unique within a document */
  readonly name: string;
  /** heading titles from the outermost in, whitespace removed, e.g. ["第四章空间布局", "六、闽台合作专业园"] */
  readonly path: readonly string[];
  /** the last element of path */
  readonly title: string;
  readonly kind: SectionKind;
  /** 1 = chapter / 前言 / front matter, 2 = 一、, 3 = （一）/专栏/图, 4 = 1．/（1） */
  readonly level: number;
  /** offset of the heading (or of the first passage, for front-matter sections) */
  readonly start: number;
  /** offset just past the last passage of the section and its sub-sections */
  readonly end: number;
}

export interface Passage {
  /** `<documentId>:p<NNNN>`, numbered from p0001 in reading order; stable while the text is unchanged */
  readonly id: string;
  readonly documentId: string;
  /** 0-based position in reading order */
  readonly index: number;
  readonly kind: PassageKind;
  /** Section.name of the innermost enclosing section */
  readonly section: string;
  readonly sectionPath: readonly string[];
  /** exactly text.slice(start, end) of the source file; may contain a line break where a sentence was broken across lines */
  readonly text: string;
  /** JS string offsets into the source text; the passage neither starts nor ends with whitespace */
  readonly start: number;
  readonly end: number;
  /** 1-based line of `start` */
  readonly line: number;
}

export interface ParsedDocument {
  readonly documentId: string;
  readonly text: string;
  readonly sections: readonly Section[];
  readonly passages: readonly Passage[];
}
