package io.tandem.decision;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DecisionRepository extends JpaRepository<Decision, UUID> {

    Optional<Decision> findFirstByBetIdOrderBySequenceDesc(UUID betId);

    List<Decision> findByBetIdOrderBySequenceAsc(UUID betId);

    Window<Decision> findByBetId(UUID betId, ScrollPosition position, Sort sort, Limit limit);

    long countByBetId(UUID betId);

    List<Decision> findByRecordedAtGreaterThanEqualAndRecordedAtLessThanOrderByBetIdAscSequenceAsc(Instant from, Instant to);

    /** The newest entry of each of many bets, in one statement (BriefRevisionRepository's latest revisions say how). */
    @Query(nativeQuery = true, value = """
            select d.* from (select distinct unnest(:betIds) as id) bet
            cross join lateral (select * from decision x where x.bet_id = bet.id order by x.sequence desc limit 1) d
            """)
    List<Decision> findLatestByBetIds(UUID[] betIds);

    /** The entries that supersede any of these, oldest first. */
    List<Decision> findBySupersedesIdInOrderBySequenceAsc(Collection<UUID> supersededIds);
}
