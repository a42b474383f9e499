package io.tandem.decision;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionProposalRepository extends JpaRepository<CorrectionProposal, UUID> {

    List<CorrectionProposal> findByIdIn(Collection<UUID> ids);
}
