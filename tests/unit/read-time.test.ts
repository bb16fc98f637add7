// The status of an entity on a day (src/read/time.ts statusOf), without a database: the last dated step,
// else what the plan said once it was published, else nothing; an undated page's status only when nothing
// is asked but everything known; and the outcome from later pages only.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/infra/errors.ts';
import { asOfArgument, planStep, statusOf, toResearchRow, type StepRow } from '../../src/read/time.ts';

const project = { id: 'project:x', type: 'Project', stated: '2011-10-29', projectStatus: 'preparatory' };
const step = (status: StepRow['status'], date: string): StepRow => ({
  id: `project:x#${date}`,
  entity: 'project:x',
  basis: 'later',
  status,
  outcome: null,
  date,
  validFrom: date,
  validTo: null,
  stated: date,
  summary: 's',
  summaryZh: 's',
  where: 'p. 1',
  facts: {},
  source: null,
  seeAlso: [],
});
const researched = (status: string | null, date: string | null) =>
  toResearchRow({
    found: date ? 'dated' : 'undated',
    status,
    date,
    source: 'web:x',
    caveats: [],
    searched: ['q'],
  });

describe('statusOf', () => {
  it('takes the last dated step on or before the day, and its outcome', () => {
    const status = statusOf({
      entity: project,
      asOf: '2023-01-01',
      last: step('operating', '2022-12-19'),
      undatedLatest: null,
      research: researched('operating', '2022-12-19'),
    });
    expect(status).toMatchObject({
      status: 'operating',
      date: '2022-12-19',
      basis: 'later',
      outcome: 'realised',
    });
    const suspended = statusOf({
      entity: project,
      asOf: '2016-01-01',
      last: step('suspended', '2015-04-06'),
      undatedLatest: null,
      research: researched('operating', '2023-01-05'),
    });
    expect(suspended).toMatchObject({ status: 'suspended', outcome: 'suspended' });
  });

  it("falls back on the plan's status once the plan is out, with an unknown outcome; before it, nothing", () => {
    const plan = statusOf({
      entity: project,
      asOf: '2014-12-31',
      last: null,
      undatedLatest: null,
      research: toResearchRow(null),
    });
    expect(plan).toMatchObject({
      status: 'planned',
      date: '2011-10-29',
      basis: 'plan',
      outcome: 'unknown',
      step: null,
    });
    expect(plan.research.found).toBe('not-researched');
    const before = statusOf({
      entity: project,
      asOf: '2011-10-28',
      last: null,
      undatedLatest: null,
      research: toResearchRow(null),
    });
    expect(before).toMatchObject({ status: null, basis: null, outcome: 'unknown' });
    const park = statusOf({
      entity: { id: 'park:p', type: 'Park', stated: '2011-10-29' },
      asOf: null,
      last: null,
      undatedLatest: null,
      research: toResearchRow(null),
    });
    expect(park).toMatchObject({ status: null, date: '2011-10-29', basis: null, outcome: 'unknown' });
  });

  it('takes an undated later state only when everything known is asked', () => {
    const research = researched('operating', null);
    expect(
      statusOf({
        entity: project,
        asOf: null,
        last: step('under-construction', '2011-05-17'),
        undatedLatest: null,
        research,
      }),
    ).toMatchObject({
      status: 'operating',
      date: null,
      basis: 'later',
      outcome: 'realised',
    });
    expect(
      statusOf({
        entity: project,
        asOf: '2020-01-01',
        last: step('under-construction', '2011-05-17'),
        undatedLatest: null,
        research,
      }),
    ).toMatchObject({
      status: 'under-construction',
      outcome: 'pending',
    });
  });

  it("writes the plan's step in English and Chinese", () => {
    expect(planStep({ ...project, projectStatus: 'under-construction' })).toMatchObject({
      basis: 'plan',
      status: 'under-construction',
      summary: 'The plan lists it as under construction (在建).',
      summaryZh: '规划将其列为在建项目。',
      facts: { projectStatus: 'under-construction' },
    });
    expect(planStep({ id: 'region:r', type: 'Region', stated: null })).toBeNull();
  });
});

describe('asOfArgument', () => {
  it('takes a real day, or nothing', () => {
    expect(asOfArgument('asOf', '2012-02-29')).toBe('2012-02-29');
    expect(asOfArgument('asOf', null)).toBeNull();
    expect(() => asOfArgument('asOf', '2013-02-29')).toThrow(
      new BadInputError('asOf: "2013-02-29" is not a date; write it as YYYY-MM-DD, e.g. 2014-12-31.'),
    );
    expect(() => asOfArgument('asOf', '2013')).toThrow(BadInputError);
  });
});
