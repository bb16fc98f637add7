// The scorecard of a zone, park or sector: what the plan intended there and what became of it. The
// members are the parks within a park (PART_OF, up to six levels, the park itself included), the projects
// and enterprises they host (HOSTS) and the enterprises that anchor them (ANCHORS); for a sector (with its
// sub-sectors), the projects, parks and enterprises in it (IN_SECTOR), focusing on it (FOCUSES_ON) or
// anchoring it (ANCHORS). For each member: the plan's facts that tie it to the scope (their status is what
// the plan intended: existing, planned, sought), its status on asOf (the last dated step of a later page on
// or before it; without asOf, everything known) and the step that says so, with its page. Answers "which of
// the plan's projects in the 古雷 park were realised, abandoned, or are unknown, and who says so?".
// src/read/scorecard.ts runs this statement for both `cskg query scorecard` and the GraphQL field
// scorecard, and counts the outcomes over every member; only the first `first` come with their evidence.
// The walk down the scope and the members are bounded by `visits`.
//
// @param scope  string                 id of a Park (zone or park) or a Sector, e.g. park:gulei-taiwan-petrochemical-park
// @param asOf   string? = null         YYYY-MM-DD: the scorecard as known on that date; null for everything known
// @param first  int[0..500] = 200      most members returned with their evidence (the counts are over all)
// @param visits int[1..20000] = 20000  most parks or sectors the walk down the scope visits, and most members
// @example cskg query scorecard --param scope=park:gulei-taiwan-petrochemical-park
// @example cskg query scorecard --param scope=sector:petrochemical --param asOf=2014-12-31
OPTIONAL MATCH (scope:Entity {id: $scope})
WITH scope, scope:Park OR scope:Sector AS scoped
// Down the scope, breadth-first (the reduce is the loop): the parks within a park, the sub-sectors of a sector.
WITH scope, reduce(walk = { seen: CASE WHEN scoped THEN [scope] ELSE [] END, level: CASE WHEN scoped THEN [scope] ELSE [] END, cut: false },
    k IN range(1, 6) |
    CASE WHEN size(walk.level) = 0 OR walk.cut THEN walk ELSE
      [next IN [COLLECT {
          UNWIND walk.level AS a
          MATCH (x:Entity)-[r:PART_OF]->(a)
          WHERE x.type = a.type AND ${knownAsOf(r)} AND NOT x IN walk.seen
          RETURN DISTINCT x LIMIT toInteger($visits)
        }] | { seen: walk.seen + next, level: next, cut: size(walk.seen) + size(next) >= $visits }][0]
    END) AS walk
WITH scope, walk.seen AS area, walk.cut AS areaCut
// The members and the plan's facts that tie each to the scope. Grouped and sorted in the query's own rows,
// not in a subquery: a subquery's grouping and sort keep the row it was called with, so every member would
// be charged for the whole `area` list (a hub sector: 500 MB, QUERY_TOO_LARGE with a few clients at once).
// The branches are disjoint (each fact has one type and one end in the area), hence UNION ALL; a scope
// that is not a park or sector still gives one row, with no member (m null, sorted last and dropped).
UNWIND CASE WHEN size(area) = 0 THEN [null] ELSE area END AS a
OPTIONAL CALL (a, area) {
  WITH a WHERE a:Park
  OPTIONAL MATCH (a)-[r:PART_OF]->(whole:Park) WHERE whole IN area AND ${knownAsOf(r)}
  RETURN a AS m, r
  UNION ALL
  WITH a WHERE a:Park
  MATCH (a)-[r:HOSTS]->(m:Entity) WHERE (m:Project OR m:Enterprise) AND ${knownAsOf(r)}
  RETURN m, r
  UNION ALL
  MATCH (m:Enterprise)-[r:ANCHORS]->(a) WHERE ${knownAsOf(r)}
  RETURN m, r
  UNION ALL
  WITH a WHERE a:Sector
  MATCH (m:Entity)-[r:IN_SECTOR|FOCUSES_ON]->(a) WHERE (m:Project OR m:Park OR m:Enterprise) AND ${knownAsOf(r)}
  RETURN m, r
}
WITH scope, areaCut, m, collect(r) AS via
ORDER BY m IS NULL, CASE WHEN m = scope THEN 0 WHEN m:Park THEN 1 WHEN m:Project THEN 2 ELSE 3 END, m.id
LIMIT toInteger($visits) + 2
WITH scope, areaCut, collect(CASE WHEN m IS NOT NULL THEN { m: m, via: via } END) AS members
WITH scope, areaCut, size(members) > $visits AS membersCut, members[0..$visits] AS members
// Every member, slim, for the counts: its status on asOf is one expansion of its own few steps.
CALL (members) {
  UNWIND members AS x
  WITH x.m AS m, x.via AS via
  OPTIONAL MATCH (rr:Research)-[:RESEARCH_OF]->(m)
  RETURN collect({
    id: m.id, type: m.type, stated: m.stated, projectStatus: m.projectStatus,
    intended: [r IN via | r.status],
    research: rr { .found, .status, .date, .source },
    lastStatus: COLLECT {
      MATCH (s:StatusStep)-[:STEP_OF]->(m) WHERE s.validFrom IS NOT NULL AND ($asOf IS NULL OR s.validFrom <= $asOf)
      RETURN s { .status, .date } AS last ORDER BY s.validFrom DESC, s.ordinal DESC LIMIT 1
    }[0]
  }) AS all
}
RETURN scope.type AS scopeType, areaCut OR membersCut AS visitsCut, all,
  // the first members, with their evidence
  COLLECT {
    UNWIND members[0..$first] AS x
    WITH x.m AS m, x.via AS via
    OPTIONAL MATCH (rr:Research)-[:RESEARCH_OF]->(m)
    RETURN {
      entity: { props: properties(m), degree: ${degree(m)} },
      via: [r IN via | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
      id: m.id, type: m.type, stated: m.stated, projectStatus: m.projectStatus,
      research: properties(rr),
      last: ${lastStep(m)},
      undatedLatest: CASE WHEN $asOf IS NULL AND rr.status IS NOT NULL AND rr.date IS NULL THEN COLLECT {
        MATCH (s:StatusStep)-[:STEP_OF]->(m) WHERE s.validFrom IS NULL AND s.source = rr.source
        RETURN ${step(s)} AS step ORDER BY s.ordinal LIMIT 1
      }[0] END
    } AS detail
  } AS details
