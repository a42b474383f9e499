package io.tandem.stewardship;

import io.tandem.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadReassignmentRepository extends JpaRepository<LeadReassignment, UUID> {

    Optional<LeadReassignment> findByBetIdAndSide(UUID betId, Role side);

    List<LeadReassignment> findByBetIdInOrderByAskedAt(Collection<UUID> betIds);
}
