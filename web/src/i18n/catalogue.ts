// The shape of a catalogue: a message for every key of the Simplified Chinese one (zh-Hans.ts).
import type { zhHans } from './zh-Hans.ts';

export type MessageKey = keyof typeof zhHans;

/** Forms of a message by plural category (Intl.PluralRules) of its `count`; `other` is required. */
export type PluralForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type Message = string | PluralForms;

export type Catalogue = { readonly [K in MessageKey]: Message };
