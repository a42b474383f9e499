package io.tandem.brief;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BriefRevisionRepository extends JpaRepository<BriefRevision, UUID> {

    Optional<BriefRevision> findFirstByBetIdOrderByRevisionDesc(UUID betId);

    List<BriefRevision> findByBetIdOrderByRevisionAsc(UUID betId);

    List<BriefRevision> findByBetIdInOrderByRevisionAsc(Collection<UUID> betIds);

    /**
     * The latest revision of each of many bets, in one statement: one backward index probe per bet, not every
     * revision of every bet. The ids travel as one array: with an IN list Hibernate translates the query again on
     * every call (its plan cache skips multi-valued parameters).
     */
    @Query(nativeQuery = true, value = """
            select r.* from (select distinct unnest(:betIds) as id) bet
            cross join lateral (select * from brief_revision x where x.bet_id = bet.id order by x.revision desc limit 1) r
            """)
    List<BriefRevision> findLatestByBetIds(UUID[] betIds);
}
