// Chain gaps (补链) of a sector: the links of the chains the plan describes (products of the sector or
// its sub-sectors that take part in an INPUT_TO link) that no enterprise, project, park or region in
// Fujian covers (PRODUCES or FOCUSES_ON), those covered only by Taiwan-invested firms, and those covered
// only by relations the plan merely plans or seeks; each with the passages that say so. Without a
// sector, every chain. A link can have several gaps.
//
// @param sector string? = null  id of a Sector, e.g. sector:petrochemical; null for every chain
// @example cskg query chain-gaps --param sector=sector:flat-panel-display
MATCH (link:Entity:Product)
WHERE EXISTS { (link)-[:INPUT_TO]-(:Entity:Product) }
  AND ($sector IS NULL OR EXISTS { (link)-[:IN_SECTOR]->(:Entity:Sector)-[:PART_OF*0..5]->(:Entity:Sector {id: $sector}) })
WITH link,
  [(c:Entity)-[r:PRODUCES|FOCUSES_ON]->(link)
    WHERE (c:Enterprise OR c:Project OR c:Park OR c:Region)
      AND coalesce(c.level, '') <> 'taiwan-place'
      AND NOT EXISTS { (c)-[:LOCATED_IN]->(:Entity:Region {level: 'taiwan-place'}) }
    | {
        id: c.id, name: c.name, type: c.type, status: r.status, evidence: r.evidence,
        origin: CASE
          WHEN c:Enterprise THEN c.origin
          WHEN c:Project THEN head([(owner:Entity:Enterprise)-[:OWNS]->(c) | owner.origin])
        END
      }] AS cover
WITH link, cover,
  CASE WHEN size(cover) = 0 THEN ['uncovered'] ELSE [] END +
  CASE WHEN size(cover) > 0 AND all(x IN cover WHERE x.origin = 'taiwan') THEN ['taiwan-only'] ELSE [] END +
  CASE WHEN size(cover) > 0 AND all(x IN cover WHERE x.status <> 'existing') THEN ['planned-or-sought-only'] ELSE [] END AS gaps
WHERE size(gaps) > 0
WITH link, cover, gaps,
  [(link)-[:EVIDENCED_BY]->(p:Passage) | p.id] +
  reduce(ids = [], r IN [(link)-[r:INPUT_TO]-(:Entity:Product) | r] | ids + r.evidence) +
  reduce(ids = [], x IN cover | ids + x.evidence) AS passageIds
RETURN
  link.id AS id,
  link.name AS name,
  link.nameEn AS nameEn,
  gaps,
  [(link)-[:IN_SECTOR]->(s:Entity:Sector) | s.id] AS sectors,
  [x IN cover | x { .id, .name, .type, .origin, .status }] AS coveredBy,
  COLLECT { MATCH (p:Passage) WHERE p.id IN passageIds RETURN p { .id, .section, .text } ORDER BY p.ordinal } AS passages
ORDER BY id
