// Resolvers of the Entity interface and its object types (Region, Park, ... Document). Every type shares
// the common fields; its typed fields (Park.areaKm2, Project.capacity, ...) are generated from the
// type-specific properties of src/data/model.ts, so a property added there only needs its line in
// schema.graphql. Evidence and relations go through the request's loaders: one statement for all the
// entities of a request, per level of nesting.
import { ENTITY_PROPERTIES, ENTITY_TYPES, type EntityType } from '../../../data/model.ts';
import { BadInputError } from '../../../infra/errors.ts';
import { attributesOf, type EntityRow } from '../../../read/rows.ts';
import { asOfArgument } from '../../../read/time.ts';
import { NotFoundError } from '../../../infra/errors.ts';
import { decodeCursor, relationConnection } from '../connections.ts';
import { caveatsIn } from '../context.ts';
import type { EntityResolvers, Resolvers } from '../generated/resolvers.ts';
import { filterArgument, intArgument, LIMITS } from '../limits.ts';

const common: Omit<EntityResolvers, '__resolveType'> = {
  attributes: (entity) => attributesOf(entity.properties),
  caveats: (entity, args, context) => caveatsIn(entity, args.language, context),
  evidence: (entity, _args, { loaders }) => loaders.entityEvidence(entity.id),
  // Asked as of a day, else the day of the walk that returned the entity, else everything known.
  status: async (entity, args, { loaders }) => {
    const asOf = args.asOf === null || args.asOf === undefined ? (entity.asOf ?? null) : asOfArgument('status.asOf', args.asOf);
    const status = await loaders.status(entity.id, asOf);
    if (!status) throw new NotFoundError(`The entity ${entity.id} is no longer in the graph; retry.`);
    return status;
  },
  relations: async (entity, args, { loaders, returned }) => {
    const first = intArgument('relations.first', args.first, 0, LIMITS.relationsFirst);
    const afterId = decodeCursor('relation', args.after, 'relations.after');
    const page = await loaders.relations({
      entityId: entity.id,
      direction: args.direction,
      types: filterArgument(args.types),
      statuses: filterArgument(args.statuses),
      first,
      afterId,
    });
    // graphql-armor's cost estimate multiplies a literal `first` only; relations of relations asked
    // for with variables are bounded here, by what the request has actually returned.
    returned.relations += page.items.length;
    if (returned.relations > LIMITS.relationsPerRequest) {
      throw new BadInputError(
        `relations: this request asks for more than ${LIMITS.relationsPerRequest} relations in all (relations of relations multiply); ask for fewer with first, or page with after.`,
      );
    }
    return relationConnection(page, afterId);
  },
};

function typedFields(type: EntityType) {
  return Object.fromEntries(
    Object.keys(ENTITY_PROPERTIES[type]).map((key) => [
      key,
      (entity: EntityRow) => entity.properties[key] ?? null,
    ]),
  );
}

export const Entity: EntityResolvers = {
  __resolveType: (entity) => entity.type,
};

/** Resolvers of every object type that implements Entity. */
export const entityTypes = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, { ...common, ...typedFields(type) }]),
) as Pick<Resolvers, EntityType>;
