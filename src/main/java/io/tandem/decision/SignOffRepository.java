package io.tandem.decision;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignOffRepository extends JpaRepository<SignOff, UUID> {

    List<SignOff> findByRoundIdOrderBySignedAtAsc(UUID roundId);

    List<SignOff> findByRoundIdInOrderBySignedAtAsc(Collection<UUID> roundIds);
}
