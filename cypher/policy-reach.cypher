// Policy reach: the policies and measures that reach an entity (a park, an enterprise, a project …):
// those that apply to it or target it directly (APPLIES_TO, TARGETS), and those that apply to what it
// belongs to — one first step (it LOCATED_IN, PART_OF, IN_SECTOR, FOCUSES_ON or ANCHORS something, or a
// park HOSTS it), then up the hierarchy only (PART_OF, LOCATED_IN: larger park, parent sector, larger
// region), four steps in all. Each policy once, by its shortest reason, as a path from the policy to the
// entity with the passages of every step; closest first. src/read/policyReach.ts runs this statement for
// both `cskg query policy-reach` and the GraphQL field policyReach.
//
// @param entity string               id of the entity reached, e.g. enterprise:auo
// @param first  int[0..500] = 200    most policies and measures returned
// @example cskg query policy-reach --param entity=park:gulei-taiwan-petrochemical-park
OPTIONAL MATCH (e:Entity {id: $entity})
RETURN e.type AS entityType, COLLECT {
  MATCH belongs = ANY SHORTEST (e)
    ((x)-[m]-(y:Entity) WHERE
        (type(m) IN ['LOCATED_IN', 'PART_OF', 'IN_SECTOR', 'FOCUSES_ON', 'ANCHORS'] AND startNode(m) = x)
     OR (type(m) = 'HOSTS' AND endNode(m) = x)){0,1}
    (:Entity)(()-[:PART_OF|LOCATED_IN]->(:Entity)){0,3}(target:Entity)
  MATCH (policy:Entity)-[a:APPLIES_TO|TARGETS]->(target)
  WHERE (policy:Policy OR policy:Measure) AND policy <> e
  WITH policy, a, target, belongs ORDER BY length(belongs), target.id, a.id
  // One reach per policy: its shortest reason.
  WITH policy, collect({ a: a, target: target, belongs: belongs })[0] AS best
  WITH policy, best.a AS a, best.target AS target, best.belongs AS belongs
  WITH policy, a, target, length(belongs) AS steps,
       [policy] + reverse(nodes(belongs)) AS pathNodes,
       [a] + reverse(relationships(belongs)) AS pathRels
  RETURN {
    policy: { props: properties(policy), degree: COUNT { (policy)--(:Entity) } },
    relation: { type: type(a), source: startNode(a).id, target: endNode(a).id, props: properties(a) },
    target: { props: properties(target), degree: COUNT { (target)--(:Entity) } },
    steps: steps,
    nodes: [n IN pathNodes | { props: properties(n), degree: COUNT { (n)--(:Entity) } }],
    edges: [r IN pathRels | { type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }],
    partOf: COLLECT {
      MATCH (policy)-[:PART_OF]->(whole:Policy)
      RETURN { props: properties(whole), degree: COUNT { (whole)--(:Entity) } } AS part ORDER BY whole.id
    },
    passages: COLLECT {
      WITH reduce(ids = [], r IN pathRels | ids + coalesce(r.evidence, [])) AS ids
      MATCH (ps:Passage) WHERE ps.id IN ids
      RETURN ps { .id, .documentId, .section, .sectionPath, .ordinal, .kind, .text, .start, .end } AS passage
      ORDER BY ps.ordinal
    }
  } AS reach
  ORDER BY steps, policy.type, policy.id
  LIMIT toInteger($first)
} AS reaches
