package io.tandem.lifecycle;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskEscalationRepository extends JpaRepository<TaskEscalation, UUID> {

    List<TaskEscalation> findByBetIdInOrderByEscalatedAtAsc(Collection<UUID> betIds);
}
