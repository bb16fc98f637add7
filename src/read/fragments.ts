// Cypher fragments shared by the walking queries. Only integers from a checked range and constant
// variable names reach the text; everything that comes from a client travels as a parameter.

/**
 * `{min,max}` for a quantified path pattern. Quantifier bounds cannot be parameters in Cypher, so the
 * callers pass integers they have range-checked; this refuses anything else.
 */
export function quantifier(min: number, max: number): string {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min || max < 1 || max > 10) {
    throw new RangeError(`quantifier {${min},${max}} is outside the allowed bounds`);
  }
  return `{${min},${max}}`;
}

/** The filter on a fact `r` by the `$relationTypes` and `$statuses` parameters (null: no filter). */
export const factFilter = (r: string) =>
  /* Cypher */ `($relationTypes IS NULL OR type(${r}) IN $relationTypes) AND ($statuses IS NULL OR ${r}.status IN $statuses)`;
