// The shortest paths between two entities over facts, in either direction of each fact (passages are not
// stepped through), shortest first, e.g. 友达光电 -ANCHORS-> 翔安组团 -PART_OF-> 厦门台商投资区; no path passes
// an entity twice. src/read/paths.ts searches for them, for both `cskg query shortest-paths` and the GraphQL
// field paths: breadth first from both ends, one ring of entities at a time, the side whose next ring has
// fewer relationships first, each entity's facts read once; then the paths of each length, from 1 up, are
// joined from a half out of each end and ordered by their entities' ids, then their facts' ids. Each side
// reads at most `visits` facts; a search that would read more stops there and says so.
//
// This statement is one ring of that search: the types of the two ends and their numbers of relationships,
// and the facts of the entities `around` (at first, of the ends that have few) that pass the filters
// (`${factsAsked(r)}`, written only when one is asked for), as [entity, [the entity at the other end of each
// of its facts], [that entity's number of relationships]], at most `visits` + 1 facts (one more says the
// ring was cut). The numbers of relationships (a count lookup each, evidence links included) tell the
// search what the next ring of each side would cost. Only ids travel: a fact is named by its two ends until
// a path is chosen (the ids of the 14,000 facts of a hub tripled the time to read them).
//
// @param from          string             id of the first entity, e.g. enterprise:auo
// @param to            string             id of the second entity, e.g. region:xiamen
// @param maxHops       int[1..6] = 4      longest path considered
// @param first         int[1..50] = 5     how many paths to return
// @param relationTypes string[]? = null   only facts of these types, e.g. PART_OF,LOCATED_IN; null for all
// @param statuses      string[]? = null   only facts of these statuses, e.g. existing; null for all
// @param asOf          string? = null     YYYY-MM-DD: the graph as known on that date (facts stated or valid by then); null for all
// @param around        string[]? = null   the entities whose facts to read: the search's next ring, named by src/read/paths.ts (a command line's value is not used); null: the ends with at most `endFacts` facts
// @param endFacts      int = 1000         with `around` null, an end's facts are read at once when it has at most this many
// @param visits        int = 100000       most facts one side of the search reads (src/read/truncation.ts, PATH_FACTS)
// @example cskg query shortest-paths --param from=enterprise:auo --param to=park:gulei-taiwan-petrochemical-park
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a.type AS fromType, b.type AS toType, COUNT { (a)--() } AS fromDegree, COUNT { (b)--() } AS toDegree,
  COLLECT {
    CALL (a, b) {
      UNWIND coalesce($around, [end IN [a, b] WHERE COUNT { (end)--() } <= $endFacts | end.id]) AS id
      MATCH (:Entity {id: id})-[r:${FACT_TYPES}]-(other)
      WHERE ${factsAsked(r)}
      RETURN id, other.id AS otherId, COUNT { (other)--() } AS otherDegree
      LIMIT toInteger($visits) + 1
    }
    WITH id, collect(otherId) AS others, collect(otherDegree) AS degrees
    RETURN [id, others, degrees]
  } AS facts
