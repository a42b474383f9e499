package io.tandem.brief;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TechnicalConstraintRepository extends JpaRepository<TechnicalConstraint, UUID> {

    /**
     * The constraints of many bets, oldest first (the ids as one array: BriefRevisionRepository says why). A native
     * query reads no formula, so it selects TechnicalConstraint's {@code acknowledged} itself.
     */
    @Query(nativeQuery = true, value = """
            select c.*, exists (select 1 from constraint_acknowledgement ack where ack.constraint_id = c.id) as acknowledged
            from technical_constraint c where c.bet_id = any(:betIds) order by c.created_at
            """)
    List<TechnicalConstraint> findByBetIds(UUID[] betIds);

    @Query("select count(c) from TechnicalConstraint c where c.betId = :betId and c.severity in :severities"
            + " and c.acknowledged = false")
    long countUnacknowledged(UUID betId, Collection<TechnicalConstraint.Severity> severities);
}
