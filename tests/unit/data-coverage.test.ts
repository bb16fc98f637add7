// The coverage report: which passages count as stating a fact, which are cited, how the ignore list
// works (and complains), and how the report reads in a terminal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  factReason,
  formatCoverageReport,
  parseCoverageIgnore,
} from '../../src/data/coverage.ts';
import { parseGraphFile, parseSourceDocument, parseSourceMetadata } from '../../src/data/read.ts';
import { validateDataSet, type ValidationResult } from '../../src/data/validate.ts';
import { parseSource, type Passage } from '../../src/sources/parse.ts';

const planText = readFileSync(new URL('../../data/sources/fujian-plan-2011.txt', import.meta.url), 'utf8');
const metadata = parseSourceMetadata(
  'm.yaml',
  'id: fujian-plan-2011\ntitle: 规划\ntitleEn: Plan\nissuer: 福建省人民政府\npublished: 2011-10-29\n',
).metadata!;
const source = parseSourceDocument(metadata, 'm.yaml', 'fujian-plan-2011.txt', planText);
const plan = source.parsed;
const byId = (n: number): Passage => plan.passages[n - 1]!;

/** 友达光电 and 翔安组团 with the relation between them: cites p0314 (the 翔安 heading), p0315 and p0316. */
const GRAPH = `entities:
  - { id: enterprise:auo, type: Enterprise, name: 友达光电, nameEn: AUO, aliases: [友达], quotes: [发挥友达光电的带动作用] }
  - { id: park:xiang-an, type: Park, name: 翔安组团, nameEn: "Xiang'an", quotes: [翔安组团。重点布局液晶显示器] }
relations:
  - { type: ANCHORS, from: enterprise:auo, to: park:xiang-an, status: existing, quotes: [发挥友达光电的带动作用] }
`;
const validated: ValidationResult = validateDataSet({
  sources: [source],
  files: [parseGraphFile('g.yaml', GRAPH)],
  issues: [],
});

describe('factReason', () => {
  it('never counts headings, captions, the table of contents, titles, dates or table headers', () => {
    for (const p of plan.passages.filter((x) =>
      ['heading', 'caption', 'toc', 'title', 'date', 'table-header'].includes(x.kind),
    )) {
      expect(factReason(p, ['友达光电'])).toBeUndefined();
    }
  });

  it('counts running text with a number, a name of the graph, or a verb of the plan', () => {
    expect(factReason(byId(64), [])).toEqual({ kind: 'number', match: '2' }); // 2010年，我省实际利用台资26.68亿美元…
    expect(factReason(byId(86), ['大陆'])).toEqual({ kind: 'entity', match: '大陆' }); // 赴台投资企业数与投资规模在大陆保持第一。
    expect(factReason(byId(86), [])).toEqual({ kind: 'verb', match: '保持' });
    expect(factReason({ ...byId(86), text: '如下。' }, [])).toBeUndefined();
  });

  it('does not count running text with none of them, until the graph names something in it', () => {
    expect(byId(103).text).toBe('电子、机械、冶金、石油石化是其当前的主要产业。');
    expect(factReason(byId(103), [])).toBeUndefined();
    expect(factReason(byId(103), ['石油石化'])).toEqual({ kind: 'entity', match: '石油石化' });
  });
});

describe('computeCoverage', () => {
  it('lists uncited factual passages per section, in reading order, and counts them', () => {
    expect(validated.errors).toEqual([]);
    const report = computeCoverage(validated.graph, validated.sources);
    const doc = report.documents[0]!;
    // 318 passages are running text; 28 of them have no number, no plan verb and (in this small graph) no name
    expect(doc.totals).toEqual({ passages: 480, factual: 290, cited: 2, ignored: 0, uncited: 288 });
    expect(report.totals).toEqual(doc.totals);
    const xiangAn = doc.sections.find((s) => s.section.endsWith('5．翔安组团'));
    expect(xiangAn?.passages.map((p) => p.id)).toEqual([
      'fujian-plan-2011:p0317',
      'fujian-plan-2011:p0318',
      'fujian-plan-2011:p0319',
    ]);
    expect(doc.sections[0]?.section).toBe('通知');
  });

  it('restricts the report to sections whose path contains --section text', () => {
    const report = computeCoverage(validated.graph, validated.sources, undefined, { section: '5．翔安组团' });
    expect(report.totals).toEqual({ passages: 6, factual: 5, cited: 2, ignored: 0, uncited: 3 });
  });

  it('leaves out passages on the ignore list, by id or by quote, with their reason', () => {
    const ignore = parseCoverageIgnore(
      'data/coverage-ignore.yaml',
      [
        '- passage: fujian-plan-2011:p0317',
        '  reason: a general aim, no entity to attach it to',
        '- quote: 推动与台湾云计算和物联网产业的研发合作',
        '  reason: research cooperation without a named partner',
      ].join('\n'),
    );
    expect(ignore.issues).toEqual([]);
    const report = computeCoverage(validated.graph, validated.sources, ignore, { section: '5．翔安组团' });
    expect(report.totals).toMatchObject({ ignored: 2, uncited: 1 });
    expect(report.documents[0]?.ignored).toEqual([
      { id: 'fujian-plan-2011:p0317', reason: 'a general aim, no entity to attach it to' },
      { id: 'fujian-plan-2011:p0319', reason: 'research cooperation without a named partner' },
    ]);
    expect(report.ignoreIssues).toEqual([]);
  });

  it('reports ignore entries without a reason, with both or neither of passage and quote, unknown ids, missing quotes and stale entries', () => {
    const ignore = parseCoverageIgnore(
      'data/coverage-ignore.yaml',
      [
        '- passage: fujian-plan-2011:p0317', // 1: no reason
        '- { passage: fujian-plan-2011:p0317, quote: 推动, reason: both }', // 2
        '- { reason: neither }', // 3
        '- { passage: fujian-plan-2011:p9999, reason: unknown id }', // 4
        '- { quote: 不存在的引文, reason: missing quote }', // 5
        '- { passage: fujian-plan-2011:p0316, reason: cited already }', // 6
      ].join('\n'),
    );
    expect(ignore.issues.map((i) => [i.line, i.message])).toEqual([
      [1, 'give a reason: why this passage states nothing to model'],
      [2, 'give exactly one of passage (an id like fujian-plan-2011:p0123) or quote'],
      [3, 'give exactly one of passage (an id like fujian-plan-2011:p0123) or quote'],
    ]);
    const report = computeCoverage(validated.graph, validated.sources, ignore);
    expect(report.ignoreIssues.slice(3).map((i) => [i.file, i.line, i.message])).toEqual([
      [
        'data/coverage-ignore.yaml',
        4,
        expect.stringContaining('no passage fujian-plan-2011:p9999; ids look like'),
      ],
      [
        'data/coverage-ignore.yaml',
        5,
        expect.stringContaining('quote not found in fujian-plan-2011: "不存在的引文"'),
      ],
      ['data/coverage-ignore.yaml', 6, 'no longer needed: the passage is cited now; remove this entry'],
    ]);
  });
});

describe('formatCoverageReport', () => {
  it('prints a summary, each section heading, then each passage id, line and first 60 characters', () => {
    const text = formatCoverageReport(
      computeCoverage(validated.graph, validated.sources, undefined, { section: '5．翔安组团' }),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('fujian-plan-2011: 5 passages state a fact; 2 cited, 0 ignored, 3 not cited');
    expect(lines[2]).toBe('第四章空间布局 › 三、厦门台商投资区 › （二）产业布局 › 5．翔安组团');
    expect(lines[3]).toBe(
      '  fujian-plan-2011:p0317  line 135  依托半导体照明工程产业化基地，完善光电中上游产业链，主要发展外延与芯片和中游的封装，形成完整产业链；',
    );
    // the passage that runs across a line break is shown on one line
    expect(lines[4]).toBe(
      '  fujian-plan-2011:p0318  line 135  推进与台湾 IC产业在存储电路（DRAM）、嵌入式CPU、晶圆代工等领域合作；',
    );
    expect(lines[lines.length - 1]).toBe('3 passages state a fact that no entity or relation cites.');
  });

  it('cuts long passages at 60 characters', () => {
    const text = formatCoverageReport(
      computeCoverage(validated.graph, validated.sources, undefined, {
        section: '（一）产业合作规模不断扩大',
      }),
    );
    const line = text.split('\n').find((l) => l.includes('p0061'));
    expect(line?.endsWith('…')).toBe(true);
    expect(line?.split('  ').pop()?.length).toBe(61);
  });

  it('says when coverage is complete', () => {
    const none = computeCoverage(validated.graph, [parseSource('empty', '')]);
    expect(formatCoverageReport(none)).toContain('Coverage is complete');
  });
});
