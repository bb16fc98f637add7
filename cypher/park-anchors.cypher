// Parks that focus on a sector (the sector itself, one of its sub-sectors, or a product in it), with the
// Taiwan firms that anchor them (龙头企业: ANCHORS the park or one of its sub-areas) and the other anchors.
//
// The sub-sectors (up to five PART_OF steps down) are found breadth-first and a park's sub-areas (parks up
// to three PART_OF steps below it, through parks) by a shortest-path search, each reaching an entity once;
// variable-length patterns enumerated every path and, on a graph of 1M facts with hub sectors and parks, ran out of memory. The work is capped: 20,000
// focuses, 500 parks and 200 sub-areas per park are looked at (the plan has a few dozen of each). The
// first `first` parks are returned, those with the most Taiwan anchors first, each listing its first 50
// focuses, Taiwan anchors and other anchors (anchors by id), with how many there are.
//
// @param sector string  id of a Sector, e.g. sector:petrochemical
// @param first int[1..5000] = 500  most parks
// @example cskg query park-anchors --param sector=sector:petrochemical
MATCH (sector:Entity:Sector {id: $sector})
// the sector and its sub-sectors (PART_OF it), five steps down, breadth-first (each once; the reduce is the loop)
WITH reduce(walk = { seen: [sector], level: [sector] }, k IN range(1, 5) |
  CASE WHEN size(walk.level) = 0 OR size(walk.seen) >= 20000 THEN walk ELSE
    [next IN [COLLECT {
        UNWIND walk.level AS x
        MATCH (x)<-[:PART_OF]-(y:Entity:Sector) WHERE NOT y IN walk.seen
        RETURN DISTINCT y LIMIT 20000
      }] | { seen: walk.seen + next, level: next }][0]
  END).seen AS parts
// the focuses: those, and the products in a sector among them
UNWIND parts AS part
CALL (part) {
  RETURN part AS focus
  UNION
  WITH part WHERE part:Sector
  MATCH (focus:Entity:Product)-[:IN_SECTOR]->(part)
  RETURN focus
}
WITH DISTINCT focus LIMIT 20000
MATCH (park:Entity:Park)-[f:FOCUSES_ON]->(focus)
WITH park, collect(DISTINCT focus { .id, .name, status: f.status }) AS focuses
LIMIT 500
// (a short list: every row below carries it, and Neo4j charges each sorted row with what it carries)
WITH park, focuses[0..50] AS focus, size(focuses) AS focusCount
// The sub-areas: parks PART_OF it, up to three steps through parks, by a shortest-path search (each once).
CALL (park) {
  MATCH ANY SHORTEST (area:Entity:Park)(()-[:PART_OF]->(:Park)){0,3}(park)
  RETURN collect(area)[0..200] AS areas
}
// Ranked on counts first; the anchors are listed only for the parks kept (lists in sorted rows cost memory).
CALL (areas) {
  UNWIND areas AS area
  MATCH (firm:Entity:Enterprise)-[:ANCHORS]->(area)
  RETURN count(CASE WHEN firm.origin = 'taiwan' THEN 1 END) AS taiwanAnchorCount,
    count(CASE WHEN coalesce(firm.origin, '') <> 'taiwan' THEN 1 END) AS otherAnchorCount
}
WITH park, focus, focusCount, areas, taiwanAnchorCount, otherAnchorCount
ORDER BY taiwanAnchorCount DESC, park.id
LIMIT toInteger($first)
CALL (areas) {
  UNWIND areas AS area
  MATCH (firm:Entity:Enterprise)-[a:ANCHORS]->(area)
  WITH firm, a ORDER BY firm.id
  WITH firm { .id, .name, .origin, status: a.status } AS anchor, firm.origin = 'taiwan' AS taiwan
  RETURN collect(CASE WHEN taiwan THEN anchor END)[0..50] AS taiwanAnchors,
    collect(CASE WHEN taiwan IS NULL OR NOT taiwan THEN anchor END)[0..50] AS otherAnchors
}
RETURN
  park.id AS id,
  park.name AS name,
  park.nameEn AS nameEn,
  park.kind AS kind,
  focus,
  focusCount,
  taiwanAnchors,
  taiwanAnchorCount,
  otherAnchors,
  otherAnchorCount
