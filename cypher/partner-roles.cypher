// Roles in the partnership network: the projection that src/read/partnerRoles.ts measures (betweenness:
// who bridges the two sides; Louvain communities: which groups cooperate), with graphology. The projection
// is the partnership facts (COOPERATES_WITH, PARTNERS_WITH, COUNTERPART_OF, INVESTS_IN) between firms,
// associations, parks, regions and agencies, the first `edges` by id, with each end's side of the strait:
// taiwan when it lies (up to six LOCATED_IN / PART_OF steps) in a Taiwan-side place, is a Taiwan
// association, or is a Taiwan firm the graph seats nowhere; cross-strait for an association of both sides;
// mainland otherwise. The measures change only when the graph is loaded, so the reader keeps them per load
// (the stamp's dataHash): given the hash it already has (`known`), this statement reads only the stamp.
//
// @param known string? = null          dataHash of the load the caller has the measures of (null: none)
// @param edges int[1..50000] = 20000   most partnership facts read, by id
// @example cskg query partner-roles
OPTIONAL MATCH (m:Meta {key: 'graph'})
WITH m, coalesce(m.dataHash = $known, false) AS cached
WITH m, cached, COLLECT {
  WITH cached WHERE NOT cached
  MATCH (a:Entity)-[r:COOPERATES_WITH|PARTNERS_WITH|COUNTERPART_OF|INVESTS_IN]->(b:Entity)
  WHERE (a:Enterprise OR a:Association OR a:Park OR a:Region OR a:Agency)
    AND (b:Enterprise OR b:Association OR b:Park OR b:Region OR b:Agency)
  RETURN r ORDER BY r.id LIMIT toInteger($edges + 1)
} AS facts
// the Taiwan side (src/read/fragments.ts), found once and only when the measures are not cached
WITH m, cached, facts, CASE WHEN cached THEN [] ELSE ${TAIWAN_SIDE} END AS taiwanSide
RETURN m.dataHash AS dataHash, cached, size(facts) > $edges AS more,
  [r IN facts[0..$edges] | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }] AS edges,
  COLLECT {
    UNWIND facts[0..$edges] AS r
    UNWIND [startNode(r), endNode(r)] AS e
    WITH DISTINCT e
    RETURN {
      props: properties(e), degree: ${degree(e)},
      side: CASE
        WHEN e.side = 'cross-strait' THEN 'cross-strait'
        WHEN e.side = 'taiwan' OR e IN taiwanSide
          OR (e.origin = 'taiwan' AND NOT EXISTS { (e)-[:LOCATED_IN]->() }) THEN 'taiwan'
        ELSE 'mainland' END
    } AS node ORDER BY e.id
  } AS nodes
