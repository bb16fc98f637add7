// Turns what a user typed into a Lucene query for the full-text indexes (entitySearch, passageSearch,
// cjk analyzer). The text travels as a parameter, but Lucene has its own syntax: every special character
// is escaped and the boolean words are lower-cased, so any input is a plain search and never a syntax
// error. Latin words also match as prefixes (Gul finds Gulei); Chinese goes through the analyzer's
// bigrams (古雷 finds 古雷台湾石化工业园).

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Lucene-escaped text: every special character preceded by a backslash. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Removes control characters and collapses whitespace; what remains is what is searched for. */
export function normaliseSearchText(text: string): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The Lucene query for `text`, or null when nothing in it is searchable (only punctuation). Each
 * whitespace-separated term is searched as analysed words; a Latin or digit term also as a lower-cased
 * prefix; the whole text, when it has more than one term, also as a boosted phrase.
 */
export function luceneQuery(text: string): string | null {
  const terms = normaliseSearchText(text)
    .split(' ')
    .filter((term) => /[\p{L}\p{N}]/u.test(term));
  if (terms.length === 0) return null;
  const clauses: string[] = [];
  for (const term of terms) {
    // Lower case keeps AND / OR / NOT from being read as operators; the analyzer lower-cases anyway.
    const lower = term.toLowerCase();
    clauses.push(escapeLucene(lower));
    if (/^[a-z0-9]+$/.test(lower) && lower.length >= 2) clauses.push(`${lower}*`);
  }
  if (terms.length > 1) {
    clauses.push(`"${terms.map((t) => t.toLowerCase().replace(/["\\]/g, (c) => `\\${c}`)).join(' ')}"^2`);
  }
  return clauses.join(' ');
}
