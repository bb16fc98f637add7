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
// The ends of the facts kept, each once. Done in the query's own rows, not in a subquery over the list:
// every row of a subquery carries the lists it sees, and Neo4j charges each row for them (40,000 rows of a
// 20,000-fact list ran out of transaction memory at a million facts). An empty list unwinds to one null
// row, so the stamp is still returned.
WITH m, cached, size(facts) > $edges AS more, facts[0..$edges] AS kept
UNWIND CASE WHEN kept = [] THEN [null] ELSE kept END AS r
WITH m, cached, more, r
UNWIND CASE WHEN r IS NULL THEN [null] ELSE [startNode(r), endNode(r)] END AS e
WITH m, cached, more, collect(DISTINCT r) AS kept, collect(DISTINCT e) AS ends
// the Taiwan side (src/read/fragments.ts), found once and only when the measures are not cached
WITH m, cached, more, kept, ends, CASE WHEN cached THEN [] ELSE ${TAIWAN_SIDE} END AS taiwanSide
RETURN m.dataHash AS dataHash, cached, more,
  [r IN kept | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }] AS edges,
  [e IN ends | {
    props: properties(e), degree: ${degree(e)},
    side: CASE
      WHEN e.side = 'cross-strait' THEN 'cross-strait'
      WHEN ${taiwanPartner(e)} THEN 'taiwan'
      ELSE 'mainland' END
  }] AS nodes
