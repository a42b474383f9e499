package io.tandem.decision;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BetOptionRepository extends JpaRepository<BetOption, UUID> {

    @Query("select coalesce(max(o.proposal), 0) from BetOption o where o.betId = :betId")
    int latestProposal(UUID betId);

    List<BetOption> findByBetIdAndProposalOrderByPositionAsc(UUID betId, int proposal);

    /** The options of the latest proposal of each of many bets, in one statement. */
    @Query("""
            select o from BetOption o
            where o.betId in :betIds
              and o.proposal = (select max(x.proposal) from BetOption x where x.betId = o.betId)
            order by o.position
            """)
    List<BetOption> findCurrentByBetIds(Collection<UUID> betIds);
}
