// Every word of the interface, in each reading language: one catalogue per language (zh-Hans.ts, zh-Hant.ts,
// en.ts), one lookup (t), and the names the page shows for entities, types, relations, statuses and
// attributes. Entity names come from the graph in Simplified Chinese and English; in Traditional Chinese
// they are converted on the page (traditional.ts).
// A message may hold {placeholders} and plural forms; a key the catalogues lack (a type the API adds
// later) falls back to its code.
import type { Outcome, RelationStatus } from '../model.ts';
import type { Catalogue, Message, MessageKey } from './catalogue.ts';
import { en } from './en.ts';
import { toTraditional } from './traditional.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export type { MessageKey } from './catalogue.ts';
export { loadTraditional } from './traditional.ts';

/**
 * The reading languages, as BCP 47 tags (they go into <html lang>, the URL and the API's Accept-Language as
 * they are), in the order the language switch shows them: Simplified Chinese (the plan's), Traditional
 * Chinese as written in Taiwan, English.
 */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'zh-Hans';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = {
  'zh-Hans': '简体',
  'zh-Hant': '繁體',
  en: 'EN',
};

/** A language from a URL parameter; anything unknown (or the old `zh`) is the default. */
export function parseLang(value: string | null | undefined): Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Lang) : DEFAULT_LANG;
}

/** Chinese script, Simplified or Traditional: labels break between words, not at spaces. */
export function isChinese(lang: Lang): boolean {
  return lang.startsWith('zh');
}

type Params = Readonly<Record<string, string | number>>;

const pluralRules = new Map<Lang, Intl.PluralRules>();

function format(lang: Lang, message: Message, params: Params): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    let rules = pluralRules.get(lang);
    if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
    text = message[rules.select(Number(params.count ?? 0))] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The message `key` in `lang`, its {placeholders} filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return format(lang, CATALOGUES[lang][key], params);
}

/** A message whose key is made from data (a type, a status, an attribute); undefined when there is none. */
function lookup(lang: Lang, key: string): string | undefined {
  const message = (CATALOGUES[lang] as Readonly<Record<string, Message>>)[key];
  return message === undefined ? undefined : format(lang, message, {});
}

export function entityTypeName(lang: Lang, type: string): string {
  return lookup(lang, `type.${type}`) ?? type;
}

export function relationTypeName(lang: Lang, type: string): string {
  return lookup(lang, `relation.${type}`) ?? type.toLowerCase().replaceAll('_', ' ');
}

export function statusName(lang: Lang, status: RelationStatus): string {
  return lookup(lang, `status.${status}`) ?? status;
}

/** What became of the plan's intention (realised, transformed, pending, suspended, abandoned, unknown). */
export function outcomeName(lang: Lang, outcome: Outcome): string {
  return lookup(lang, `outcome.${outcome}`) ?? outcome;
}

/** A status a later page gives (planned, under_construction, operating, …). */
export function laterStatusName(lang: Lang, status: string): string {
  return lookup(lang, `later.${status}`) ?? status.replaceAll('_', ' ');
}

export function attributeName(lang: Lang, key: string): string {
  return lookup(lang, `attribute.${key}`) ?? key;
}

/** An attribute's value in words (kind, level, origin, …); other values as they are. */
export function attributeValueName(lang: Lang, value: string): string {
  return lookup(lang, `value.${value}`) ?? value;
}

/** How a policy reaches an entity (DIRECT, PARK, SECTOR, REGION, OTHER). */
export function viaName(lang: Lang, via: string): string {
  return lookup(lang, `via.${via}`) ?? via;
}

/** Items joined the way the language lists them (、 in Chinese). */
export function list(
  lang: Lang,
  items: readonly string[],
  separator: 'list.separator' | 'list.separatorStrong' = 'list.separator',
): string {
  return items.join(t(lang, separator));
}

/**
 * An entity's name in a language: its English name in English (its Chinese one when it has none), its
 * Chinese name in Traditional characters in zh-Hant (once the converter is loaded: loadTraditional()).
 */
export function displayName(entity: { readonly name: string; readonly nameEn: string }, lang: Lang): string {
  if (lang === 'en') return entity.nameEn || entity.name;
  if (lang === 'zh-Hant') return entity.name ? toTraditional(entity.name) : entity.nameEn;
  return entity.name || entity.nameEn;
}

/** A name from the graph (an alias, a chain's name) in the script of the reading language. */
export function nameIn(lang: Lang, name: string): string {
  return lang === 'zh-Hant' ? toTraditional(name) : name;
}

/** The language of the second name shown under an entity's name: English under Chinese, Chinese under English. */
export function secondLanguage(lang: Lang): Lang {
  return lang === 'en' ? DEFAULT_LANG : 'en';
}
