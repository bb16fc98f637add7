// What a request selects below the field being resolved, so that a resolver reads only that (the translate
// step of translate → execute → map): e.g. chainGaps reads no neighbouring products when neither `upstream`
// nor `downstream` is selected, and no passage without `evidence`. Fragments and inline fragments count;
// `@skip`/`@include` are not looked at (a skipped field is read and not returned, which is only slower).
//
// Types are told apart by their shape, not with graphql-js's `instanceof` helpers: under vitest the schema
// and this module can hold two copies of graphql (ESM and CommonJS), which those helpers refuse.
import {
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** The nodes of the field `name` wherever it is selected in the selection sets `sets` (fragments followed). */
function fieldsIn(
  info: GraphQLResolveInfo,
  sets: readonly (SelectionSetNode | undefined)[],
  name: string,
): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return found;
}

/** The nodes of the sub-field `name` wherever the request selects it below the current field. */
function subFields(info: GraphQLResolveInfo, name: string): FieldNode[] {
  return fieldsIn(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
    name,
  );
}

/** Whether the request selects the sub-field `name` of the current field's (list of) objects. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return subFields(info, name).length > 0;
}

/**
 * Whether the request selects, below the sub-field `outer`, any of the fields `inner`: e.g. whether
 * singlePoints' `links` or `ranking` ask for `paths`, so that the resolver reads what paths are made of.
 * `outer` may go down several levels, `partners.reasons`.
 */
export function selectsWithin(info: GraphQLResolveInfo, outer: string, inner: readonly string[]): boolean {
  const [first = '', ...deeper] = outer.split('.');
  let sets = subFields(info, first).map((node) => node.selectionSet);
  for (const name of deeper) sets = fieldsIn(info, sets, name).map((node) => node.selectionSet);
  return inner.some((name) => fieldsIn(info, sets, name).length > 0);
}

/** The definition of the sub-field `name` of the objects the current field returns (lists and non-null unwrapped). */
function subFieldDefinition(
  info: GraphQLResolveInfo,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  let type: unknown = info.returnType;
  while (type && typeof type === 'object' && 'ofType' in type) type = (type as { ofType: unknown }).ofType;
  const fields = (type as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> }).getFields?.();
  return fields?.[name];
}

/** An integer argument of a field node: its literal, its variable's value, or the argument's default. */
function intArgumentOf(
  node: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  argument: string,
  info: GraphQLResolveInfo,
): number {
  const given = node.arguments?.find((a) => a.name.value === argument)?.value;
  const value =
    given?.kind === Kind.INT
      ? Number(given.value)
      : given?.kind === Kind.VARIABLE
        ? info.variableValues[given.name.value]
        : definition.args.find((a) => a.name === argument)?.defaultValue;
  return typeof value === 'number' ? value : 0;
}

/**
 * The largest `first` the request gives the sub-field `name` (its default where it gives none), or 0 when
 * it does not select it. The field's own resolver still checks the range.
 */
export function largestFirst(info: GraphQLResolveInfo, name: string): number {
  const definition = subFieldDefinition(info, name);
  if (!definition) return 0;
  return Math.max(0, ...subFields(info, name).map((node) => intArgumentOf(node, definition, 'first', info)));
}
