package io.tandem.brief;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TechnicalConstraintRepository extends JpaRepository<TechnicalConstraint, UUID> {

    List<TechnicalConstraint> findByBetIdInOrderByCreatedAtAsc(Collection<UUID> betIds);

    @Query("""
            select count(c) from TechnicalConstraint c where c.betId = :betId
              and not exists (select 1 from ConstraintAcknowledgement a where a.constraintId = c.id)
            """)
    long countUnacknowledged(UUID betId);
}
