// Policy reach: the policies and measures that reach an entity (a park, an enterprise, a project …):
// those that apply to it or target it directly (APPLIES_TO, TARGETS), and those that apply to what it
// belongs to — one first step (it LOCATED_IN, PART_OF, IN_SECTOR, FOCUSES_ON or ANCHORS something, or a
// park HOSTS it), then up the hierarchy only (PART_OF, LOCATED_IN: larger park, parent sector, larger
// region), four steps in all. Each policy once, by its shortest reason, as a path from the policy to the
// entity with the passages of every step; closest first. src/read/policyReach.ts runs this statement for
// both `cskg query policy-reach` and the GraphQL field policyReach.
// The walk is breadth-first, one step at a time (the `reduce` below is the loop): each entity it belongs to
// is reached once, at its distance, and the walk stops once it has visited `visits` entities, so a hub with
// thousands of memberships costs a bounded amount. It also stops once the policies of what it reached
// number `first`: the policies of anything farther would rank after all of them (closest first). A hub of
// a million generated facts reached 18,000 entities in four steps, yet 313 policies apply to it itself.
// The policies of what it reached are then ranked, and only for the first `first` is a shortest way from
// the entity looked for and read in full.
//
// @param entity string               id of the entity reached, e.g. enterprise:auo
// @param first  int[0..500] = 200    most policies and measures returned
// @param visits int[1..20000] = 20000  most entities the walk visits
// @param asOf   string? = null       YYYY-MM-DD: the graph as known on that date (facts stated or valid by then); null for all
// @example cskg query policy-reach --param entity=park:gulei-taiwan-petrochemical-park
OPTIONAL MATCH (e:Entity {id: $entity})
WITH e, reduce(walk = { seen: [e], level: [e], found: [{ node: e, steps: 0 }], policies: COLLECT {
    MATCH (policy:Entity)-[a:APPLIES_TO|TARGETS]->(e)
    WHERE (policy:Policy OR policy:Measure) AND policy <> e AND ${knownAsOf(a)}
    RETURN DISTINCT policy
  } }, k IN range(1, 4) |
  CASE WHEN e IS NULL OR size(walk.level) = 0 OR size(walk.seen) >= $visits OR size(walk.policies) >= $first THEN walk ELSE
    [next IN [COLLECT {
        UNWIND walk.level AS x
        CALL (x, k) {
          // the first step: what it lies in, is part of, is in the sector of, focuses on, anchors, or is hosted by
          WITH x WHERE k = 1
          MATCH (x)-[m:LOCATED_IN|PART_OF|IN_SECTOR|FOCUSES_ON|ANCHORS]->(y:Entity) WHERE ${knownAsOf(m)}
          RETURN y
          UNION ALL
          WITH x WHERE k = 1
          MATCH (x)<-[m:HOSTS]-(y:Entity) WHERE ${knownAsOf(m)}
          RETURN y
          UNION ALL
          // then up the hierarchy only
          WITH x WHERE k > 1
          MATCH (x)-[m:PART_OF|LOCATED_IN]->(y:Entity) WHERE ${knownAsOf(m)}
          RETURN y
        }
        WITH y WHERE NOT y IN walk.seen
        RETURN DISTINCT y LIMIT toInteger($visits)
      }] | { seen: walk.seen + next, level: next, found: walk.found + [y IN next | { node: y, steps: k }],
             policies: walk.policies + COLLECT {
               UNWIND next AS y
               MATCH (policy:Entity)-[a:APPLIES_TO|TARGETS]->(y)
               WHERE (policy:Policy OR policy:Measure) AND policy <> e AND ${knownAsOf(a)} AND NOT policy IN walk.policies
               RETURN DISTINCT policy
             } }][0]
  END) AS walk
// What the walk reached is unwound here, in the query itself, and the answer collected at its end: a row
// of a subquery carries every list of the query around it (here the walk), and at 1M facts sorting the
// policies of thousands of reached entities, each row charged with the whole walk, ran out of memory.
UNWIND walk.found[0..$visits] AS reached
WITH e, size(walk.found) <= 8000 AND walk.found[-1].steps >= 3 AS oneSearch, reached.node AS target, reached.steps AS steps
MATCH (policy:Entity)-[a:APPLIES_TO|TARGETS]->(target)
WHERE (policy:Policy OR policy:Measure) AND policy <> e AND ${knownAsOf(a)}
WITH e, oneSearch, policy, a, target, steps ORDER BY steps, target.id, a.id
// One reach per policy: its shortest reason.
WITH e, oneSearch, policy, collect({ a: a, target: target, steps: steps })[0] AS best
WITH e, oneSearch, policy, best.a AS a, best.target AS target, best.steps AS steps
ORDER BY steps, policy.type, policy.id
LIMIT toInteger($first)
// A shortest way from the entity to what each policy applies to, the same steps as the walk's. One search
// per target stops at its target, but one that ends at a hub three or four steps out searches back through
// the hub's thousands of members (a park whose walk reached 2,700 entities took 5 s for 200 of them); one
// search from the entity for every target costs what a whole walk of four steps costs. So: one search for
// all when the walk went three steps or more and reached few entities, one per target when it reached many
// (measured on a generated graph of a million facts: 11,000 reached took the same either way, 16,000 2.5
// times longer with one search for all) or stopped within two steps, its targets being that close (hubs of
// that graph: 75–130 ms per target, 300–700 ms with one search).
WITH e, oneSearch, collect({ policy: policy, a: a, target: target, steps: steps }) AS top
WITH e, oneSearch, top, [x IN top | x.target] AS targets
CALL (e, oneSearch, targets) {
  WITH e, targets WHERE oneSearch
  MATCH belongs = ANY SHORTEST ${belongsWay(e)}(t:Entity)
  WHERE t IN targets
  RETURN { t: t, belongs: belongs } AS way
  UNION ALL
  WITH e, targets WHERE NOT oneSearch
  UNWIND targets AS target
  WITH DISTINCT e, target
  CALL (e, target) {
    MATCH belongs = ANY SHORTEST ${belongsWay(e)}(target)
    RETURN belongs
  }
  RETURN { t: target, belongs: belongs } AS way
}
WITH top, collect(way) AS ways
UNWIND top AS x
WITH x.policy AS policy, x.a AS a, x.target AS target, x.steps AS steps, [w IN ways WHERE w.t = x.target][0].belongs AS belongs
WITH policy, a, target, steps, [policy] + reverse(nodes(belongs)) AS pathNodes,
     [a] + reverse(relationships(belongs)) AS pathRels
WITH steps, policy, {
  policy: { props: properties(policy), degree: ${degree(policy)} },
  relation: { type: type(a), source: startNode(a).id, target: endNode(a).id, props: properties(a) },
  target: { props: properties(target), degree: ${degree(target)} },
  steps: steps,
  nodes: [n IN pathNodes | { props: properties(n), degree: ${degree(n)} }],
  edges: [r IN pathRels | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
  partOf: COLLECT {
    MATCH (policy)-[:PART_OF]->(whole:Policy)
    RETURN { props: properties(whole), degree: ${degree(whole)} } AS part ORDER BY whole.id
  },
  passages: COLLECT {
    WITH reduce(ids = [], r IN pathRels | ids + coalesce(r.evidence, [])) AS ids
    MATCH (ps:Passage) WHERE ps.id IN ids
    RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
    ORDER BY ps.ordinal
  }
} AS reach
ORDER BY steps, policy.type, policy.id
// (an aggregation without a grouping key answers one row even when nothing reaches the entity)
WITH collect(reach) AS reaches
OPTIONAL MATCH (asked:Entity {id: $entity})
RETURN asked.type AS entityType, reaches
