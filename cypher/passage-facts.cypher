// Every fact one passage of the plan supports: the entities that cite it (EVIDENCED_BY) and the
// relations whose evidence lists it, each with the words quoted. Answers "what does this sentence say?".
// The relations are found through the ids the loader stores on the passage (`facts`, the first 500 by id;
// `factCount` says how many cite it: docs/graph-model.md), never by scanning every fact.
//
// @param passage string  id of a Passage, e.g. fujian-plan-2011:p0146
// @example cskg query passage-facts --param passage=fujian-plan-2011:p0146
MATCH (p:Passage {id: $passage})
CALL (p) {
  MATCH (e:Entity)-[ev:EVIDENCED_BY]->(p)
  RETURN 'entity' AS kind, e.id AS id, e.type + ' ' + e.name AS fact, null AS status, ev.quote AS quote
  UNION ALL
  UNWIND coalesce(p.facts, []) AS factId
  WITH factId, split(factId, '|') AS parts
  MATCH (a:Entity {id: parts[0]})
  MATCH (b:Entity {id: parts[2]})
  MATCH (a)-[r]->(b) WHERE r.id = factId
  RETURN 'relation' AS kind, r.id AS id, a.name + ' -' + type(r) + '-> ' + b.name AS fact, r.status AS status,
    [i IN range(0, size(r.evidence) - 1) WHERE r.evidence[i] = $passage | r.quotes[i]][0] AS quote
}
RETURN kind, id, fact, status, quote
ORDER BY kind, id
