// What a refused request must look like, wherever it is refused (the yoga instance, the HTTP layer, a
// resolver over Neo4j): a 4xx or a GraphQL error with a code, and nothing of the server's insides.
import { expect } from 'vitest';

export interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/** An Answer from a fetch Response (yoga.fetch's or a real server's). */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, text, body };
}

/** A refusal: 4xx or 200 with errors, each error with a code and no internals in the whole answer. */
export function expectCleanRefusal(answer: Answer, code?: string): void {
  expect(answer.status, answer.text).toBeLessThan(500);
  expect(answer.body?.errors?.length, answer.text).toBeGreaterThan(0);
  expectNoInternals(answer.text);
  for (const error of answer.body?.errors ?? []) expect(error.extensions?.code, answer.text).toBeTruthy();
  if (code) expect(answer.body!.errors!.map((e) => e.extensions?.code)).toContain(code);
}

export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat .+\.(ts|js|mjs|cjs):\d+/); // stack frames
  expect(text).not.toMatch(/Neo4jError|neo4j-driver|Neo\.ClientError|\/work\/|node_modules/); // driver internals
  expect(text).not.toMatch(/COLLECT \{|COUNT \{|properties\(|startNode\(|fulltext\.query/); // our Cypher
}
