// The reader's language and the Chinese scripts (src/data/language.ts), and the catalogue of caveats in
// Chinese (src/data/caveats.ts): folding for search, Traditional for Taiwan, Accept-Language, and the
// validator's rules on data/caveats.zh.yaml, reported at file:line.
import { describe, expect, it } from 'vitest';
import { caveatsWrittenIn, checkCaveatCatalogue } from '../../src/data/caveats.ts';
import {
  foldForSearch,
  inLanguage,
  languageOfTag,
  negotiateLanguage,
  toTraditional,
} from '../../src/data/language.ts';
import { parseGraphFile, parseLaterFile } from '../../src/data/read.ts';

describe('foldForSearch', () => {
  it.each([
    ['臺塑', '台塑'],
    ['友達光電', '友达光电'],
    ['華映', '华映'],
    ['東南汽車', '东南汽车'],
    ['軟體', '软件'],
    ['資訊', '信息'],
    ['台灣區電機電子工業同業公會', '台湾区电机电子工业同业公会'],
    ['ＡＵ Optronics', 'au optronics'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('leaves most Simplified text as it is, but not all (why the index keeps the text as written too)', () => {
    expect(foldForSearch('古雷台湾石化工业园')).toBe('古雷台湾石化工业园');
    expect(foldForSearch('顯著')).toBe('显著');
    expect(foldForSearch('显著')).toBe('显着');
  });
});

describe('toTraditional', () => {
  it('writes Traditional with Taiwan characters and words', () => {
    expect(toTraditional('同一个园区')).toBe('同一個園區');
    expect(toTraditional('软件和信息服务')).toBe('軟體和資訊服務');
  });

  it('inLanguage picks English, Simplified, or the Traditional derived from it', () => {
    const text = { en: 'One park.', zh: '同一个园区。' };
    expect(inLanguage(text, 'EN')).toBe('One park.');
    expect(inLanguage(text, 'ZH_HANS')).toBe('同一个园区。');
    expect(inLanguage(text, 'ZH_HANT')).toBe('同一個園區。');
  });
});

describe("the reader's language", () => {
  it.each([
    ['zh-TW', 'ZH_HANT'],
    ['zh_HK', 'ZH_HANT'],
    ['zh-MO', 'ZH_HANT'],
    ['zh-Hant-CN', 'ZH_HANT'],
    ['zh', 'ZH_HANS'],
    ['zh-CN', 'ZH_HANS'],
    ['zh-Hans-TW', 'ZH_HANS'],
    ['zh-SG', 'ZH_HANS'],
    ['en-US', 'EN'],
    ['fr', null],
  ])('tag %s is %s', (tag, language) => {
    expect(languageOfTag(tag)).toBe(language);
  });

  it.each([
    [null, 'EN'],
    ['', 'EN'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'ZH_HANT'],
    ['en;q=0.5, zh-CN', 'ZH_HANS'],
    ['fr-FR, de;q=0.9, zh-HK;q=0.3', 'ZH_HANT'],
    ['fr, *;q=0.5, zh;q=0.1', 'EN'],
    ['zh-TW;q=0, zh-CN;q=0.2', 'ZH_HANS'],
    ['de, fr', 'EN'],
    ['zh-TW;q=abc', 'EN'],
  ])('Accept-Language %j reads as %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});

describe('the catalogue of caveats in Chinese', () => {
  const graph = parseGraphFile(
    'data/graph/10-test.yaml',
    [
      'entities:',
      '  - id: park:a',
      '    caveats: ["One park, three names."]',
      'relations:',
      '  - from: park:a',
      '    caveats:',
      '      - "Chapter 4 and chapter 3 differ."',
      '',
    ].join('\n'),
  );
  const written = caveatsWrittenIn(graph);
  const catalogue = (text: string) => parseLaterFile('data/caveats.zh.yaml', text);

  it('finds every caveat of a file with its line', () => {
    expect(written.map((c) => `${c.line}  ${c.path}  ${c.text}`)).toEqual([
      '3  entities[0].caveats[0]  One park, three names.',
      '7  relations[0].caveats[0]  Chapter 4 and chapter 3 differ.',
    ]);
  });

  it('reads the Chinese of each caveat', () => {
    const { translations, issues } = checkCaveatCatalogue(
      catalogue(
        '- en: One park, three names.\n  zh: 一个园区，三个名称。\n- en: Chapter 4 and chapter 3 differ.\n  zh: 第四章与第三章不一致。\n',
      ),
      written,
      { complete: true },
    );
    expect(issues).toEqual([]);
    expect(translations.get('One park, three names.')).toBe('一个园区，三个名称。');
  });

  it("reports a caveat without its Chinese at the caveat's file:line, and a stale entry at its own", () => {
    const { issues } = checkCaveatCatalogue(
      catalogue(
        '- en: One park, three names.\n  zh: 一个园区，三个名称。\n- en: Chapter 4 and chapter 5 differ.\n  zh: 第四章与第五章不一致。\n',
      ),
      written,
      { complete: true },
    );
    expect(issues.map((i) => `${i.file}:${i.line}  ${i.rule}  ${i.message}`)).toEqual([
      'data/caveats.zh.yaml:3  caveat-catalogue  no caveat of data/graph or data/later reads so (reworded or removed?): update or remove this entry',
      'data/graph/10-test.yaml:7  caveat-untranslated  this caveat has no Chinese; add { en, zh } for it to data/caveats.zh.yaml',
    ]);
  });

  it('reports an entry twice, one without Chinese, and an unknown key', () => {
    const { issues } = checkCaveatCatalogue(
      catalogue(
        '- en: One park, three names.\n  zh: 一个园区。\n- en: One park, three names.\n  zh: 一个园区。\n- en: Chapter 4 and chapter 3 differ.\n  zh: Chapter four\n  note: x\n',
      ),
      written,
      { complete: false },
    );
    expect(issues.map((i) => `${i.line}  ${i.path}  ${i.message}`)).toEqual([
      '3  [1].en  this caveat is already translated at line 1',
      '7  [2].note  unknown key "note"; an entry has en and zh',
      "6  [2].zh  zh is the caveat in Chinese (简体), in the project's own words",
    ]);
  });
});
