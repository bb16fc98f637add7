// The analyst's question set (tests/questions/plan-questions.yaml), each question answered through GraphQL
// over HTTP against the plan graph in a real Neo4j, starting from the entity the question names. A question
// the data cannot answer yet carries `knownFailure`: it runs as an expected failure, so one that starts
// passing fails the suite (remove its knownFailure) and one that stops passing fails it too. The last line
// of the run gives the score.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/database.ts';
import { DEFAULT_DATA_DIR } from '../../src/data/read.ts';
import { connectTestDatabase } from '../support/neo4j.ts';
import { ensurePlanLoaded } from '../support/plan.ts';
import { cites, QuestionProbe, readQuestions } from '../support/questions.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const questions = readQuestions();
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');
const plan = squeeze(fs.readFileSync(path.join(DEFAULT_DATA_DIR, 'sources', 'fujian-plan-2011.txt'), 'utf8'));

let db: Database;
let server: TestServer;
let probe: QuestionProbe;
const answered = new Set<string>();
const unanswered = new Map<string, string>();

beforeAll(async () => {
  db = connectTestDatabase();
  await ensurePlanLoaded(db);
  server = await startTestServer(db);
  probe = new QuestionProbe(server);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  if (answered.size + unanswered.size === questions.length) {
    const lines = [...unanswered].map(([id, why]) => `  ${id}: ${why}`);
    console.log(`question set: ${answered.size} of ${questions.length} answered\n${lines.join('\n')}`);
  }
});

describe('the question set', () => {
  it('has at least 80 questions with unique ids, each citing the plan verbatim', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const missing = questions.flatMap((q) =>
      cites(q)
        .filter((c) => !plan.includes(squeeze(c)))
        .map((c) => `${q.id}: ${c}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('questions', () => {
  for (const q of questions) {
    const run = async () => {
      try {
        await probe.answer(q);
        answered.add(q.id);
      } catch (error) {
        unanswered.set(q.id, (error as Error).message);
        throw error;
      }
    };
    if (q.knownFailure) it.fails(`${q.id} [known failure: ${q.knownFailure}] ${q.question}`, run);
    else it(`${q.id} ${q.question}`, run);
  }
});
