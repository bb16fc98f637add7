// The policies and measures that reach a park or an enterprise: those that apply to it or target it
// directly (APPLIES_TO, TARGETS), and those that apply to its park (it ANCHORS the park, the park HOSTS
// it, it is PART_OF the park), its sector (IN_SECTOR, ANCHORS, a park's FOCUSES_ON) or its region
// (LOCATED_IN), and from there up the hierarchy (larger park, parent sector, larger region: PART_OF,
// LOCATED_IN), up to four steps. Each comes with the shortest chain of reasons, as text, and the
// passages that state the policy link.
//
// @param entity string  id of a Park or Enterprise (any entity works), e.g. enterprise:auo
// @example cskg query policy-reach --param entity=park:gulei-taiwan-petrochemical-park
MATCH (target:Entity {id: $entity})
MATCH reason = (target)
  ((a:Entity)-[r]-(b:Entity)
    WHERE (startNode(r) = a AND type(r) IN ['PART_OF', 'LOCATED_IN', 'IN_SECTOR', 'FOCUSES_ON', 'ANCHORS'])
       OR (endNode(r) = a AND type(r) = 'HOSTS')){0,4}
  (scope:Entity)
WHERE all(i IN range(1, length(reason) - 1) WHERE type(relationships(reason)[i]) IN ['PART_OF', 'LOCATED_IN'])
  AND all(n IN nodes(reason) WHERE single(m IN nodes(reason) WHERE m = n))
MATCH (measure:Entity)-[applies:APPLIES_TO|TARGETS]->(scope)
WHERE measure:Policy OR measure:Measure
WITH measure, applies, scope, reason
ORDER BY length(reason), scope.id
WITH measure, collect({ applies: applies, scope: scope, reason: reason })[0] AS best
WITH measure, best.applies AS applies, best.scope AS scope, best.reason AS reason
RETURN
  measure.id AS id,
  measure.name AS name,
  measure.type AS type,
  type(applies) AS relation,
  applies.status AS status,
  scope.id AS via,
  length(reason) AS hops,
  reduce(text = head(nodes(reason)).name, i IN range(0, length(reason) - 1) |
    text + CASE WHEN startNode(relationships(reason)[i]) = nodes(reason)[i]
      THEN ' -' + type(relationships(reason)[i]) + '-> '
      ELSE ' <-' + type(relationships(reason)[i]) + '- ' END + nodes(reason)[i + 1].name) +
    ' <-' + type(applies) + '- ' + measure.name AS reasonText,
  COLLECT { MATCH (p:Passage) WHERE p.id IN applies.evidence RETURN p.text ORDER BY p.ordinal } AS passages
ORDER BY hops, type, id
