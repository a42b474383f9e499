package io.tandem.outcome;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutcomeReportRepository extends JpaRepository<OutcomeReport, UUID> {

    Optional<OutcomeReport> findFirstByBetIdOrderByRecordedAtDesc(UUID betId);

    /** The latest report of each of many bets, in one statement. */
    @Query("""
            select r from OutcomeReport r
            where r.betId in :betIds
              and r.recordedAt = (select max(x.recordedAt) from OutcomeReport x where x.betId = r.betId)
            """)
    List<OutcomeReport> findLatestByBetIds(Collection<UUID> betIds);
}
