// The whole of data/: validates the real sources and graph files and expects no error. This is the test
// that proves every quote of every entity and relation occurs verbatim (whitespace aside) in the plan,
// that ids are unique and endpoints exist with allowed labels, and that every entity has evidence, a
// relation and an English name. It fails while the curators are mid-way; the failures name file and line.
// It also holds the README to the data: the counts it states (entities by type, relations and their statuses,
// sections, passages, questions) are those of data/ and of the question set, so a fact added without updating
// them fails.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/issues.ts';
import { validateDataDir, type ValidationResult } from '../../src/data/validate.ts';
import { readQuestions } from '../support/questions.ts';

let result: ValidationResult;

beforeAll(async () => {
  result = await validateDataDir();
});

describe('data/', () => {
  it('validates with no errors', () => {
    expect(result.errors.map(formatIssue)).toEqual([]);
    expect(result.graph.entities.length).toBeGreaterThan(0);
    for (const entity of result.graph.entities) expect(entity.evidence.length).toBeGreaterThan(0);
    for (const relation of result.graph.relations) expect(relation.evidence.length).toBeGreaterThan(0);
  });
});

describe('README.md', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const figure = (text: string) => Number(text.replace(/,/g, ''));
  /** The README's words for each type, as the first word after the figure ("95 parks, sub-areas, …"). */
  const TYPE_WORDS: Readonly<Record<string, string>> = {
    products: 'Product',
    sectors: 'Sector',
    parks: 'Park',
    measures: 'Measure',
    enterprises: 'Enterprise',
    regions: 'Region',
    indicators: 'Indicator',
    projects: 'Project',
    policies: 'Policy',
    associations: 'Association',
    agencies: 'Agency',
    events: 'Event',
  };

  it('states the entities by type and the relations of data/graph', () => {
    const stated = /curated graph: ([\d,]+) entities \(([^)]*)\) and ([\d,]+) relations/.exec(readme);
    expect(stated, 'the sentence "curated graph: N entities (…) and N relations"').not.toBeNull();
    const [, entities, byType, relations] = stated!;
    const counted: Record<string, number> = {};
    for (const e of result.graph.entities) counted[e.type] = (counted[e.type] ?? 0) + 1;
    const statedByType: Record<string, number> = {};
    for (const [, n, word] of byType!.matchAll(/(\d[\d,]*) (\p{L}+)/gu)) {
      expect(TYPE_WORDS[word!], `README names "${word}"`).toBeDefined();
      statedByType[TYPE_WORDS[word!]!] = figure(n!);
    }
    if (/\bthe document\b/.test(byType!)) statedByType.Document = 1;
    expect(statedByType).toEqual(counted);
    expect(figure(entities!)).toBe(result.graph.entities.length);
    expect(figure(relations!)).toBe(result.graph.relations.length);
  });

  it('states the relations by status', () => {
    const stated = /from the plan's wording: ([\d,]+), ([\d,]+) and ([\d,]+);/.exec(readme);
    expect(
      stated,
      'the sentence "existing, planned or sought, from the plan\'s wording: N, N and N;"',
    ).not.toBeNull();
    const count = (status: string) => result.graph.relations.filter((r) => r.status === status).length;
    expect(stated!.slice(1).map(figure)).toEqual([count('existing'), count('planned'), count('sought')]);
  });

  it('states the sections and passages the parser finds', () => {
    const stated = /splits the plan into ([\d,]+) sections .*? and ([\d,]+) passages/.exec(readme);
    expect(stated).not.toBeNull();
    const plan = result.graph.documents.find((d) => d.id === 'fujian-plan-2011')!;
    expect(figure(stated![1]!)).toBe(plan.sections.length);
    expect(figure(stated![2]!)).toBe(result.graph.passages.length);
  });

  it('states the size of the question set', () => {
    const questions = readQuestions().length;
    expect(figure(/the analyst's question set: ([\d,]+) questions/.exec(readme)![1]!)).toBe(questions);
    expect(figure(/question set: N of ([\d,]+) answered/.exec(readme)![1]!)).toBe(questions);
  });
});
