package io.tandem.delivery;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StatusUpdateRepository extends JpaRepository<StatusUpdate, UUID> {

    List<StatusUpdate> findByBetIdInOrderByCreatedAtAsc(Collection<UUID> betIds);
}
