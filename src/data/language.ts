// The reader's language, and the two conversions between Chinese scripts the project makes, both with
// OpenCC's dictionaries (the npm package opencc-js: characters and phrases, Taiwan usage included):
//
// - folding for search: Traditional to Simplified with Taiwan phrases read as mainland ones (臺塑 → 台塑,
//   軟體 → 软件, 資訊 → 信息), applied to the names the index holds and to the text typed, so either script
//   finds either. A phrase dictionary can map a Simplified word too (程序 → 进程: 程序 is Taiwan's word for a
//   process), which is why both sides are folded by the same function rather than only the query; and since
//   folding is not idempotent (顯著 → 显著, but 显著 → 显着), the index keeps the text as written beside its
//   folded form and a search looks for the query as typed and folded in both.
// - Traditional Chinese for a reader in Taiwan, derived from the Simplified text with Taiwan's characters
//   and phrases (信息 → 資訊, 台湾 → 臺灣); only 简体 is written in data/.
import { Converter } from 'opencc-js';

/** The languages a reader can read the server's texts in (GraphQL enum Language, `cskg query --lang`). */
export const LANGUAGES = ['ZH_HANS', 'ZH_HANT', 'EN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in English and Simplified Chinese; the Traditional form is derived (toTraditional). */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

// The converters load their dictionaries (a few MB) on first use, not when the module is imported.
let foldConverter: ((text: string) => string) | undefined;
let traditionalConverter: ((text: string) => string) | undefined;

/**
 * The form both the full-text index and a search hold: NFKC (full-width letters and digits become
 * ASCII), Traditional folded to Simplified with Taiwan phrases, lower case.
 */
export function foldForSearch(text: string): string {
  const fold = (foldConverter ??= Converter({ from: 'twp', to: 'cn' }));
  return fold(text.normalize('NFKC')).toLowerCase();
}

/** Simplified Chinese as a reader in Taiwan writes it (characters and phrases). */
export function toTraditional(simplified: string): string {
  const convert = (traditionalConverter ??= Converter({ from: 'cn', to: 'twp' }));
  return convert(simplified);
}

/** The text in `language`: English, the Simplified text, or its Traditional form. */
export function inLanguage(text: Bilingual, language: Language): string {
  if (language === 'EN') return text.en;
  return language === 'ZH_HANS' ? text.zh : toTraditional(text.zh);
}

/**
 * The language of a BCP 47 tag, or null when it is none the project writes: zh-Hant, zh-TW, zh-HK and
 * zh-MO are Traditional; zh, zh-Hans, zh-CN, zh-SG and any other zh are Simplified (a script, when the tag
 * has one, wins over the region: zh-Hans-TW is Simplified); en is English.
 */
export function languageOfTag(tag: string): Language | null {
  const [primary, ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  if (primary === 'en') return 'EN';
  if (primary !== 'zh') return null;
  if (rest.includes('hans')) return 'ZH_HANS';
  if (rest.includes('hant') || rest.some((s) => s === 'tw' || s === 'hk' || s === 'mo')) return 'ZH_HANT';
  return 'ZH_HANS';
}

/**
 * The reader's language from an Accept-Language header: of the languages it names that the project
 * writes (languageOfTag), the one with the highest q (the first listed on a tie); `*` counts as English.
 * English when the header is absent or names none of them.
 */
export function negotiateLanguage(acceptLanguage: string | null | undefined): Language {
  let best: { language: Language; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    const language = tag.trim() === '*' ? 'EN' : languageOfTag(tag);
    if (language !== null && (best === undefined || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'EN';
}
