// Parks that focus on a sector (the sector itself, one of its sub-sectors, or a product in it), with the
// Taiwan firms that anchor them (龙头企业: ANCHORS the park or one of its sub-areas) and the other anchors.
//
// @param sector string  id of a Sector, e.g. sector:petrochemical
// @example cskg query park-anchors --param sector=sector:petrochemical
MATCH (sector:Entity:Sector {id: $sector})
MATCH (park:Entity:Park)-[f:FOCUSES_ON]->(focus:Entity)
WHERE focus = sector
  OR EXISTS { (focus)-[:PART_OF*1..5]->(sector) }
  OR EXISTS { (focus:Product)-[:IN_SECTOR]->(:Entity:Sector)-[:PART_OF*0..5]->(sector) }
WITH park, collect(DISTINCT focus { .id, .name, status: f.status }) AS focus
WITH park, focus,
  [(firm:Entity:Enterprise)-[a:ANCHORS]->(:Entity:Park)-[:PART_OF*0..3]->(park) | firm { .id, .name, .origin, status: a.status }] AS anchors
RETURN
  park.id AS id,
  park.name AS name,
  park.nameEn AS nameEn,
  park.kind AS kind,
  focus,
  [firm IN anchors WHERE firm.origin = 'taiwan'] AS taiwanAnchors,
  [firm IN anchors WHERE coalesce(firm.origin, '') <> 'taiwan'] AS otherAnchors
ORDER BY size(taiwanAnchors) DESC, id
