package io.tandem.outcome;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MetricReadingRepository extends JpaRepository<MetricReading, UUID> {

    Optional<MetricReading> findByBetIdAndClientKey(UUID betId, String clientKey);

    /** The newest reading of each metric of these bets (by when it was measured, then recorded). */
    @Query(value = """
            select distinct on (bet_id, metric) * from metric_reading where bet_id in (:bets)
            order by bet_id, metric, measured_at desc, recorded_at desc""", nativeQuery = true)
    List<MetricReading> latest(@Param("bets") Collection<UUID> betIds);
}
