package io.tandem.brief;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConstraintAcknowledgementRepository extends JpaRepository<ConstraintAcknowledgement, UUID> {

    List<ConstraintAcknowledgement> findByConstraintIdInOrderByCreatedAtAsc(Collection<UUID> constraintIds);

    boolean existsByConstraintId(UUID constraintId);
}
