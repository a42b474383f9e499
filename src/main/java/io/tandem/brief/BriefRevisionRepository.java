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

    /** The latest revision of each of many bets, in one statement. */
    @Query("""
            select r from BriefRevision r
            where r.betId in :betIds
              and r.revision = (select max(x.revision) from BriefRevision x where x.betId = r.betId)
            """)
    List<BriefRevision> findLatestByBetIds(Collection<UUID> betIds);
}
