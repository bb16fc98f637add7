// Caveats in Chinese. The caveats of data/graph and data/later are written in English where the facts are;
// their Chinese (简体, the project's own words) is kept in one catalogue, data/caveats.zh.yaml, keyed by the
// English text, so whoever edits a graph file does not also edit a translation beside every caveat, and a
// caveat reworded in English shows up here as an untranslated caveat and a stale entry. The loader stores
// the Chinese beside the English (`caveatsZh`); Traditional is derived at read time (language.ts).
import type { RuleCode, ValidationIssue } from './issues.ts';
import { CAVEAT_CATALOGUE_FILE, isPlainObject, type YamlDataFile, type YamlPath } from './read.ts';

export const CAVEAT_RULES = {
  'caveat-catalogue':
    'data/caveats.zh.yaml is a list of { en, zh }: en a caveat written in data/graph or data/later (a stale entry is an error), zh its Chinese, each en once',
  'caveat-untranslated': 'every caveat of data/graph and data/later has its Chinese in data/caveats.zh.yaml',
} as const satisfies Partial<Record<RuleCode, string>>;

/** English caveat → its Chinese (简体). */
export type CaveatTranslations = ReadonlyMap<string, string>;

const KEYS = new Set(['en', 'zh']);
const HAN = /\p{Script=Han}/u;

/** A caveat as written: its text and where it stands. */
export interface WrittenCaveat {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly path: string;
}

/** Every caveat of a YAML file of data/graph or data/later: the strings of every `caveats` list in it. */
export function caveatsWrittenIn(file: YamlDataFile): WrittenCaveat[] {
  const found: WrittenCaveat[] = [];
  const walk = (value: unknown, at: YamlPath): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, i]));
    else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'caveats' && Array.isArray(child)) {
          child.forEach((text, i) => {
            if (typeof text === 'string' && text.trim() !== '')
              found.push({ text, file: file.file, line: file.lineOf([...at, key, i]), path: pathText([...at, key, i]) });
          });
        } else walk(child, [...at, key]);
      }
    }
  };
  walk(file.content, []);
  return found;
}

function pathText(at: YamlPath): string {
  return at.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/**
 * Reads the catalogue and checks it against the caveats written: its shape, each English text once, and
 * no entry whose English is no caveat anymore; with `complete`, also that every caveat has an entry.
 * `file` null: the data directory has no catalogue (every caveat then reads in English in every language).
 */
export function checkCaveatCatalogue(
  file: YamlDataFile | null,
  written: readonly WrittenCaveat[],
  options: { readonly complete: boolean },
): { translations: Map<string, string>; issues: ValidationIssue[] } {
  const translations = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  if (file) {
    issues.push(...file.syntaxIssues);
    const texts = new Set(written.map((c) => c.text));
    const lineOfEntry = new Map<string, number>();
    const entries: unknown[] = Array.isArray(file.content) ? file.content : [];
    if (file.content !== undefined && file.content !== null && !Array.isArray(file.content)) {
      issues.push({ file: file.file, line: 1, path: '', rule: 'caveat-catalogue', message: 'the catalogue is a YAML list of { en, zh } entries' });
    }
    entries.forEach((value, i) => {
      const at = (key: string | undefined, message: string, v?: unknown) =>
        issues.push({ file: file.file, line: file.lineOf(key === undefined ? [i] : [i, key]), path: key === undefined ? `[${i}]` : `[${i}].${key}`,
          rule: 'caveat-catalogue', message, ...(v === undefined ? {} : { value: v }) });
      if (!isPlainObject(value)) return at(undefined, 'an entry is a mapping { en, zh }');
      for (const key of Object.keys(value)) if (!KEYS.has(key)) at(key, `unknown key "${key}"; an entry has en and zh`);
      const { en, zh } = value;
      if (typeof en !== 'string' || en.trim() === '') return at('en', 'en is the caveat as written in English', en);
      if (typeof zh !== 'string' || !HAN.test(zh)) return at('zh', 'zh is the caveat in Chinese (简体), in the project\'s own words', zh);
      const first = lineOfEntry.get(en);
      if (first !== undefined) return at('en', `this caveat is already translated at line ${first}`, en);
      lineOfEntry.set(en, file.lineOf([i]));
      if (!texts.has(en)) return at('en', 'no caveat of data/graph or data/later reads so (reworded or removed?): update or remove this entry', en);
      translations.set(en, zh);
    });
  }
  if (options.complete) {
    for (const caveat of written) {
      if (translations.has(caveat.text)) continue;
      issues.push({ file: caveat.file, line: caveat.line, path: caveat.path, rule: 'caveat-untranslated', value: caveat.text,
        message: `this caveat has no Chinese; add { en, zh } for it to data/${CAVEAT_CATALOGUE_FILE}` });
    }
  }
  return { translations, issues };
}
