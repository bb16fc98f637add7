// The error banner's words: what went wrong in the interface's language, the server's own words after it.
import { ApiError } from '../api/client.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';

const MESSAGES: Readonly<Record<string, MessageKey>> = {
  SERVICE_UNAVAILABLE: 'errorUnavailable',
  QUERY_TIMEOUT: 'errorTimeout',
  INTERNAL_SERVER_ERROR: 'errorServer',
  timeout: 'errorTimeout',
  network: 'errorNetwork',
  http: 'errorHttp',
};

/** What went wrong, in the interface's language, with the server's own words in brackets. */
export function describeError(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = MESSAGES[(error.kind === 'graphql' ? error.code : error.kind) ?? ''];
  return key ? t(lang, key, { detail: error.message }) : error.message;
}

/**
 * Whether the failure may come from the size of the work asked (a timeout, the server running out of memory
 * or failing unexpectedly), so that asking for less may help; not when the request itself was refused.
 */
export function lessMayHelp(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'timeout') return true;
  return (
    error.kind === 'graphql' && (error.code === 'QUERY_TIMEOUT' || error.code === 'INTERNAL_SERVER_ERROR')
  );
}
