// The explorer's words: every catalogue has every key of the Simplified Chinese one (and no other), with the
// same placeholders and the plural forms its language has; the Traditional one is the converter's (opencc-js,
// cn → twp) but for the reviewed departures listed here; t() fills placeholders and picks plural forms;
// every typed field of the data model and every value of its enums has a name in each language, and names of
// types, relations and attributes fall back to their codes; and the page's code holds no Chinese
// text of its own (every translation is in web/src/i18n).
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_PROPERTIES, RELATION_PROPERTIES } from '../../src/data/model.ts';
import type { Message } from '../../web/src/i18n/catalogue.ts';
import {
  CATALOGUES,
  DEFAULT_LANG,
  displayName,
  entityTypeName,
  LANGUAGES,
  list,
  loadTraditional,
  nameIn,
  parseLang,
  relationTypeName,
  t,
} from '../../web/src/i18n/index.ts';
import { zhHans } from '../../web/src/i18n/zh-Hans.ts';
import { zhHant } from '../../web/src/i18n/zh-Hant.ts';
import { ENTITY_TYPES, RELATION_TYPES, STATUSES } from '../../web/src/model.ts';

const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (message: Message): string[] =>
  [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

describe('the catalogues', () => {
  const keys = Object.keys(zhHans).sort();

  it.each(LANGUAGES)('%s has every key, no other, each with the same placeholders', (lang) => {
    const catalogue = CATALOGUES[lang] as Readonly<Record<string, Message>>;
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const key of keys) {
      const message = catalogue[key]!;
      expect(
        forms(message).every((text) => text.length > 0),
        `${lang} ${key} is empty`,
      ).toBe(true);
      expect(placeholders(message), `${lang} ${key}`).toEqual(
        placeholders(zhHans[key as keyof typeof zhHans]),
      );
      if (typeof message !== 'string') {
        // plural forms only where the message counts, and only the categories the language has
        expect(placeholders(message), `${lang} ${key} has forms but no {count}`).toContain('count');
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const form of Object.keys(message)) expect(categories, `${lang} ${key}`).toContain(form);
      }
    }
  });

  // Where the converter's Taiwan word is not the one meant here, or Taiwan writes it otherwise.
  const REVIEWED: Readonly<Record<string, string>> = {
    subtitle: 'Taiwan quotes with 「」',
    emptyHint: 'Taiwan quotes with 「」',
    chainHint: 'Taiwan quotes with 「」',
    captionMap: 'Taiwan quotes with 「」',
    undo: 'undo is 復原 in Taiwan’s interfaces (撤銷 is to revoke)',
    errorPrefix: '取得資料 (獲取 is mainland usage)',
    errorTimeout: '回應逾時 (響應超時 is mainland usage)',
    entityTypes: '類型: kinds of entity (型別 is a programming language’s type)',
    relationTypes: '類型: kinds of relation (型別 is a programming language’s type)',
    'layout.columns': '類型: kinds of entity (型別 is a programming language’s type)',
    'type.Document': '文件: the plan is a document (檔案 is a computer file)',
    'attribute.documentId': '文件: the plan is a document (檔案 is a computer file)',
    'attribute.issuer': '發布: issued by an office (釋出 is a software release)',
    'attribute.published': '發布: issued by an office (釋出 is a software release)',
    'attribute.subject': '對象: what a statistic counts (物件 is a programming object)',
  };

  it('zh-Hant is the converter’s Traditional Chinese (cn → twp), but for the reviewed departures', () => {
    const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
    const departures: Record<string, { converter: string; catalogue: string }> = {};
    for (const key of keys) {
      const simplified = forms(zhHans[key as keyof typeof zhHans]);
      const traditional = forms((zhHant as Readonly<Record<string, Message>>)[key]!);
      const converted = simplified.map(convert);
      if (JSON.stringify(converted) !== JSON.stringify(traditional))
        departures[key] = { converter: converted.join(' | '), catalogue: traditional.join(' | ') };
    }
    // A new key shows up here with the converter's text: copy it into zh-Hant.ts, or review it and list it.
    expect(Object.keys(departures).sort()).toEqual(Object.keys(REVIEWED).sort());
  });

  it('names every entity type, relation type and status of the model in every language', () => {
    for (const lang of LANGUAGES) {
      const catalogue = CATALOGUES[lang] as Readonly<Record<string, Message>>;
      for (const type of ENTITY_TYPES) expect(catalogue[`type.${type}`], `${lang} ${type}`).toBeDefined();
      for (const type of RELATION_TYPES)
        expect(catalogue[`relation.${type}`], `${lang} ${type}`).toBeDefined();
      for (const status of STATUSES) expect(catalogue[`status.${status}`], `${lang} ${status}`).toBeDefined();
    }
  });

  it('names every typed field of the data model and every value its enums and flags take, in every language', () => {
    // The details panel shows an entity's attributes as `attribute.<key>` and `value.<value>`; a field or kind
    // the data model gains (Park kind port, Indicator bound) must not reach a reader of 简体 or 繁體 as a code.
    const fields = [...Object.values(ENTITY_PROPERTIES), ...Object.values(RELATION_PROPERTIES)].flatMap((p) =>
      Object.entries(p as Record<string, z.ZodType>),
    );
    const values = new Set<string>();
    for (const [, schema] of fields) {
      if (schema instanceof z.ZodEnum) for (const v of schema.options) values.add(String(v));
      if (schema instanceof z.ZodBoolean) for (const v of ['true', 'false']) values.add(v);
    }
    expect(values).toContain('airport');
    for (const lang of LANGUAGES) {
      const catalogue = CATALOGUES[lang] as Readonly<Record<string, Message>>;
      const missing = [
        ...fields.map(([key]) => `attribute.${key}`),
        ...[...values].map((v) => `value.${v}`),
      ].filter((key) => catalogue[key] === undefined);
      expect([...new Set(missing)], lang).toEqual([]);
    }
  });
});

describe('t and the names', () => {
  it('fills placeholders and picks plural forms by count', () => {
    expect(t('en', 'hops', { count: 1 })).toBe('1 hop');
    expect(t('en', 'hops', { count: 3 })).toBe('3 hops');
    expect(t('zh-Hans', 'hops', { count: 3 })).toBe('3 步');
    expect(t('en', 'captionPaths', { from: 'A', to: 'B' })).toBe('Paths: A → B');
    expect(t('zh-Hans', 'statusShown', { nodes: 66, edges: 120 })).toBe('66 个节点 · 120 条关系');
    expect(list('zh-Hans', ['漳州', '厦门'])).toBe('漳州、厦门');
    expect(list('en', ['Zhangzhou', 'Xiamen'])).toBe('Zhangzhou, Xiamen');
  });

  it('falls back to the code for a type the API adds later', () => {
    expect(entityTypeName('zh-Hans', 'Park')).toBe('园区');
    expect(entityTypeName('en', 'Satellite')).toBe('Satellite');
    expect(relationTypeName('en', 'LAUNCHED_BY')).toBe('launched by');
  });

  it('names an entity in the reading language, and reads languages from the URL', () => {
    const auo = { name: '友达光电', nameEn: 'AU Optronics' };
    expect(displayName(auo, 'zh-Hans')).toBe('友达光电');
    expect(displayName(auo, 'en')).toBe('AU Optronics');
    expect(displayName({ name: '某园区', nameEn: '' }, 'en')).toBe('某园区');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('zh')).toBe(DEFAULT_LANG);
    expect(parseLang('fr')).toBe(DEFAULT_LANG);
    expect(parseLang('zh-Hant')).toBe('zh-Hant');
  });

  describe('in Traditional Chinese', () => {
    beforeAll(() => loadTraditional());

    it('converts entity names character by character, keeping mainland words in names', () => {
      expect(displayName({ name: '友达光电', nameEn: 'AU Optronics' }, 'zh-Hant')).toBe('友達光電');
      expect(displayName({ name: '东南汽车', nameEn: 'Soueast Motor' }, 'zh-Hant')).toBe('東南汽車');
      // a proper name keeps its words: 信息 stays 信息 (twp would write 資訊), 软件园 becomes 軟件園
      expect(displayName({ name: '福建省信息产业厅', nameEn: '' }, 'zh-Hant')).toBe('福建省信息產業廳');
      expect(displayName({ name: '', nameEn: 'Only English' }, 'zh-Hant')).toBe('Only English');
      expect(nameIn('zh-Hant', '友达')).toBe('友達');
      expect(nameIn('zh-Hans', '友达')).toBe('友达');
      expect(nameIn('zh-Hant', 'AUO')).toBe('AUO');
      expect(t('zh-Hant', 'statusShown', { nodes: 66, edges: 120 })).toBe('66 個節點 · 120 條關係');
      expect(entityTypeName('zh-Hant', 'Project')).toBe('專案');
      expect(relationTypeName('zh-Hant', 'PARTNERS_WITH')).toBe('夥伴');
    });
  });
});

describe('the page’s code', () => {
  it('holds no Chinese text outside the catalogues (comments aside)', () => {
    const root = path.resolve(import.meta.dirname, '../../web/src');
    // canvas/ matches the plan's own words in data (专栏三's headings, Chinese punctuation for labels).
    const dirs = ['ui', 'explorer', 'api', '.'];
    const offending: string[] = [];
    for (const dir of dirs) {
      for (const file of fs.readdirSync(path.join(root, dir))) {
        if (!file.endsWith('.ts')) continue;
        const source = ts.createSourceFile(
          file,
          fs.readFileSync(path.join(root, dir, file), 'utf8'),
          ts.ScriptTarget.Latest,
        );
        const visit = (node: ts.Node): void => {
          if (
            (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) &&
            /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(node.text)
          )
            offending.push(`${dir}/${file}: ${node.text}`);
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
    expect(offending).toEqual([]);
  });
});
