// The lookups the panels repeat (an entity's details, a relation's, the passages around a passage, the
// policies that reach an entity, a timeline, a scorecard), each asked of the API once per argument, reading
// language and day the view is seen as of. A failed answer is forgotten, so asking again asks the server
// again.
import type { ExplorerApi } from './explorerApi.ts';

function remembered<A extends unknown[], R>(
  lookup: (...args: A) => Promise<R>,
  language: () => string,
): (...args: A) => Promise<R> {
  const answers = new Map<string, Promise<R>>();
  return (...args: A) => {
    const key = JSON.stringify([language(), ...args]);
    let answer = answers.get(key);
    if (!answer) {
      answer = lookup(...args);
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}

export function cachedApi(api: ExplorerApi): ExplorerApi {
  let lang = '';
  let asOf: string | null = null;
  const language = () => `${lang}|${asOf ?? ''}`;
  return {
    ...api,
    setLanguage(next) {
      lang = next;
      api.setLanguage(next);
    },
    setAsOf(next) {
      asOf = next;
      api.setAsOf(next);
    },
    entity: remembered(api.entity, language),
    relation: remembered(api.relation, language),
    passageContext: remembered(api.passageContext, language),
    policyReach: remembered(api.policyReach, language),
    timeline: remembered(api.timeline, language),
    scorecard: remembered(api.scorecard, language),
  };
}
