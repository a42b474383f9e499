package io.tandem.outcome;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutcomeReportRepository extends JpaRepository<OutcomeReport, UUID> {

    Optional<OutcomeReport> findFirstByBetIdOrderByRecordedAtDesc(UUID betId);
}
