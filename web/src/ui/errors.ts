// The error banner's words: what went wrong in the interface's language, the server's own words after it.
import { ApiError } from '../api/client.ts';
import type { Lang } from '../model.ts';

/** What went wrong, in the interface's language, with the server's own words in brackets. */
export function describeError(error: unknown, lang: Lang): string {
  const zh = lang === 'zh';
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const raw = error.message;
  switch (error.kind === 'graphql' ? error.code : error.kind) {
    case 'SERVICE_UNAVAILABLE':
      return zh ? `数据库暂时不可用，请稍后重试（${raw}）` : raw;
    case 'QUERY_TIMEOUT':
    case 'timeout':
      return zh ? `服务器响应超时，请缩小深度或跳数后重试（${raw}）` : raw;
    case 'network':
      return zh ? `无法连接服务器（${raw}）` : raw;
    case 'http':
      return zh ? `服务器出错（${raw}）` : raw;
    default:
      return raw;
  }
}
