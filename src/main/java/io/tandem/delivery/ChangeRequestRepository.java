package io.tandem.delivery;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, UUID> {

    List<ChangeRequest> findByBetIdInOrderByRequestedAtAsc(Collection<UUID> betIds);
}
