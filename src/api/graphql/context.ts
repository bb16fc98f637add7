// What every resolver receives: a statement-counting view of the database for this one request, the
// request's loaders, which batch the entity, evidence and relation loads of the whole request, the
// reader's language, and what the request has spent against the per-request limits.
import { inLanguage, toTraditional, type Bilingual, type Language } from '../../data/language.ts';
import type { Reader, StatementCounter } from '../../infra/database.ts';
import type { Logger } from '../../infra/log.ts';
import type { TruncationRow } from '../../read/truncation.ts';
import type { Loaders } from './loaders.ts';

/** A list answer a limit cut that has no `truncation` field of its own (chainGaps as of a day). */
export interface TruncatedField extends Omit<TruncationRow, 'message'> {
  /** the field's path in the response, e.g. `chainGaps` or `gaps2014` for an alias */
  readonly path: string;
  /** in the request's language */
  readonly message: string;
}

export interface GraphQLContext {
  readonly db: Reader;
  readonly statements: StatementCounter;
  readonly logger: Logger;
  readonly loaders: Loaders;
  /** what this request has returned so far, against the per-request limits of ./limits.ts */
  readonly returned: { relations: number; walks: number };
  /** list answers cut by a limit, reported in the response's `extensions.truncation` */
  readonly truncated: TruncatedField[];
  /** the language of the request's Accept-Language header (negotiateLanguage), for fields asked without `language` */
  readonly language: Language;
}

/** A composed text in the language asked for, else in the request's. */
export function textIn(
  text: Bilingual,
  language: Language | null | undefined,
  context: GraphQLContext,
): string {
  return inLanguage(text, language ?? context.language);
}

/** Caveats in the language asked for, else in the request's: English, their Chinese, or its Traditional form. */
export function caveatsIn(
  row: { readonly caveats: readonly string[]; readonly caveatsZh: readonly string[] },
  language: Language | null | undefined,
  context: GraphQLContext,
): string[] {
  const chosen = language ?? context.language;
  if (chosen === 'EN') return [...row.caveats];
  return chosen === 'ZH_HANS' ? [...row.caveatsZh] : row.caveatsZh.map(toTraditional);
}

/**
 * Reports a list answer that a limit cut in the response's `extensions.truncation`, under the field's path
 * in the response (its alias, if any): a list has no field of its own to say so (paths, chainGaps as of a day).
 */
export function reportCut(
  context: Pick<GraphQLContext, 'truncated' | 'language'>,
  path: string,
  cut: TruncationRow | null,
): void {
  if (!cut) return;
  const { reason, limit, message } = cut;
  context.truncated.push({ path, reason, limit, message: inLanguage(message, context.language) });
}
