// The associations (Taiwan-side, cross-strait or mainland) that cooperate with a park: any relation
// between an association and the park or one of its sub-areas (COOPERATES_WITH, PARTNERS_WITH,
// SUPPORTS, COUNTERPART_OF ...), with how, its status and the passages that say so.
//
// The sub-areas, up to three PART_OF steps down, are found by a shortest-path search from the park, which
// reaches each park once (a variable-length pattern enumerated every path to it: on a graph of 1M facts
// with hub parks that ran past the query timeout); the first `first` rows are returned.
//
// @param park string  id of a Park, e.g. park:fuzhou-qingkou-auto-park
// @param first int[1..5000] = 1000  most rows, by association id and relation
// @example cskg query park-associations --param park=park:gulei-taiwan-petrochemical-park
MATCH (park:Entity:Park {id: $park})
MATCH ANY SHORTEST (place:Entity:Park)-[:PART_OF]->{0,3}(park)
MATCH (association:Entity:Association)-[r]-(place)
WITH park, place, association, r
ORDER BY association.id, type(r), r.id
LIMIT toInteger($first)
RETURN
  association.id AS id,
  association.name AS name,
  association.nameEn AS nameEn,
  association.side AS side,
  type(r) AS relation,
  r.status AS status,
  CASE WHEN place = park THEN null ELSE place.name END AS via,
  COLLECT { MATCH (p:Passage) WHERE p.id IN r.evidence RETURN p.text ORDER BY p.ordinal } AS passages
