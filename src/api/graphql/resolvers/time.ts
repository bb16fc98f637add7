// Resolvers of time (docs/graph-model.md, "Time"): status steps, research records, the status of an
// entity on a day, timelines and scorecards. The rows come from src/read/time.ts, timeline.ts and
// scorecard.ts; here the model's words become the schema's enum values (under-construction is
// under_construction, plan is PLAN) and the pages and entities a row names by id are loaded, batched.
import type { LaterStatus } from '../../../data/model.ts';
import { NotFoundError } from '../../../infra/errors.ts';
import { attributesOf, type EntityRow, type PropertyValue } from '../../../read/rows.ts';
import type { StepBasis as StepBasisName } from '../../../read/time.ts';
import { enumValue } from '../generatedSdl.ts';
import type {
  EntityStatusResolvers,
  LaterStatus as LaterStatusValue,
  ResearchResolvers,
  ScorecardResolvers,
  StatusStepResolvers,
  StepBasis,
} from '../generated/resolvers.ts';
import type { Loaders } from '../loaders.ts';

const laterStatus = (status: LaterStatus | null): LaterStatusValue | null =>
  status === null ? null : (enumValue(status) as LaterStatusValue);

const basis = (value: StepBasisName | null): StepBasis | null =>
  value === null ? null : value === 'plan' ? 'PLAN' : 'LATER';

/** Nested facts (owners with their shares, lists of names) as JSON text; numbers and words as they are. */
function factValue(value: unknown): PropertyValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

async function entityOn(loaders: Loaders, id: string, asOf: string | null): Promise<EntityRow> {
  const entity = await loaders.entity(id);
  if (!entity) throw new NotFoundError(`The entity ${id} is no longer in the graph; retry.`);
  return asOf === null ? entity : { ...entity, asOf };
}

export const StatusStep: StatusStepResolvers = {
  basis: (step) => basis(step.basis) as StepBasis,
  status: (step) => laterStatus(step.status),
  facts: (step) =>
    attributesOf(
      Object.fromEntries(Object.entries(step.facts).map(([key, value]) => [key, factValue(value)])),
    ),
  // The plan's step rests on the plan's sentences about the entity; a later step on its page.
  evidence: (step, _args, { loaders }) => (step.basis === 'plan' ? loaders.entityEvidence(step.entity) : []),
};

export const Research: ResearchResolvers = {
  found: (research) =>
    research.found === 'not-researched'
      ? 'NOT_RESEARCHED'
      : research.found === 'dated'
        ? 'DATED'
        : research.found === 'undated'
          ? 'UNDATED'
          : 'NONE',
  status: (research) => laterStatus(research.status),
  source: (research, _args, { loaders }) =>
    research.source === null ? null : loaders.source(research.source),
};

export const EntityStatus: EntityStatusResolvers = {
  status: (status) => laterStatus(status.status),
  basis: (status) => basis(status.basis),
};

export const Scorecard: ScorecardResolvers = {
  scope: (scorecard, _args, { loaders }) => entityOn(loaders, scorecard.scope, scorecard.asOf),
};
