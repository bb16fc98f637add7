// A tour of the whole GraphQL schema: one document per Query field that selects every field reachable
// from it, a few levels deep (every scalar, every object field with its arguments, every entity type's own
// fields through inline fragments). Built from the schema, so a field added later is visited too. Used to
// show that no operation the API offers ever writes.
import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** The value of an argument (a JSON value written as a literal), or undefined to leave it out. */
export type ArgumentValue = (owner: string, field: string, argument: GraphQLArgument) => unknown;

export interface TourDocument {
  readonly field: string;
  readonly query: string;
}

const literal = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(literal).join(', ')}]`
    : typeof value === 'string' && /^[A-Z][A-Z_]*$/.test(value)
      ? value // an enum value
      : JSON.stringify(value);

export function schemaTour(schema: GraphQLSchema, argumentValue: ArgumentValue, depth = 3): TourDocument[] {
  const query = schema.getQueryType();
  if (!query) return [];

  /** `(a: 1, b: "x")`, or null when a required argument has no value. */
  const argumentsOf = (owner: string, field: GraphQLField<unknown, unknown>): string | null => {
    const parts: string[] = [];
    for (const argument of field.args) {
      const value = argumentValue(owner, field.name, argument);
      if (value === undefined) {
        if (isNonNullType(argument.type) && argument.defaultValue === undefined) return null;
        continue;
      }
      parts.push(`${argument.name}: ${literal(value)}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  };

  const selection = (type: GraphQLNamedType, level: number): string => {
    if (!(isObjectType(type) || isInterfaceType(type))) return '';
    const parts: string[] = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const args = argumentsOf(type.name, field);
      if (args === null) continue;
      if (isLeafType(named)) parts.push(`${field.name}${args}`);
      else if (level < depth) parts.push(`${field.name}${args} { ${selection(named, level + 1)} }`);
    }
    if (isAbstractType(type)) {
      const implementations = schema.getPossibleTypes(type);
      const own = (t: (typeof implementations)[number]) =>
        Object.values(t.getFields()).filter(
          (field) => !(field.name in type.getFields()) && isLeafType(getNamedType(field.type)),
        );
      // a field name with different types in two implementations (Sector.level: Int, Park.level: String)
      // needs an alias, or the two selections conflict
      const typesByName = new Map<string, Set<string>>();
      for (const t of implementations) {
        for (const field of own(t)) {
          typesByName.set(field.name, (typesByName.get(field.name) ?? new Set()).add(String(field.type)));
        }
      }
      for (const t of implementations) {
        const fields = own(t).map((field) =>
          (typesByName.get(field.name)?.size ?? 0) > 1
            ? `${t.name}_${field.name}: ${field.name}`
            : field.name,
        );
        if (fields.length) parts.push(`... on ${t.name} { ${fields.join(' ')} }`);
      }
    }
    return parts.join(' ');
  };

  const documents: TourDocument[] = [];
  for (const field of Object.values(query.getFields())) {
    const args = argumentsOf('Query', field);
    if (args === null)
      throw new Error(`Query.${field.name} has a required argument without a value in the tour`);
    const named = getNamedType(field.type);
    const body = isLeafType(named) ? '' : ` { ${selection(named, 1)} }`;
    documents.push({ field: field.name, query: `query Tour { ${field.name}${args}${body} }` });
  }
  return documents;
}
