// The parts of a park (片区, 组团, sub-parks: PART_OF it, at any depth), each with its kind, area and what
// it focuses on. Answers "what are the sub-areas of 泉州台商投资区?".
//
// @param park string  id of a Park, e.g. park:quanzhou-tiz
// @example cskg query park-parts --param park=park:quanzhou-tiz
MATCH (park:Entity:Park {id: $park})
MATCH path = (part:Entity:Park)-[:PART_OF*1..3]->(park)
WITH part, min(length(path)) AS depth
RETURN
  part.id AS id,
  part.name AS name,
  part.nameEn AS nameEn,
  part.kind AS kind,
  part.areaKm2 AS areaKm2,
  depth,
  [(part)-[f:FOCUSES_ON]->(x:Entity) | x { .id, .name, status: f.status }] AS focus
ORDER BY depth, id
