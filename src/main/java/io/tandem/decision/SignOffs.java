package io.tandem.decision;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores sign-offs; the lifecycle decides whether one may be given. */
@Service
public class SignOffs {

    private final SignOffRepository signOffs;

    SignOffs(SignOffRepository signOffs) {
        this.signOffs = signOffs;
    }

    @Transactional
    public SignOff record(SignOff signOff) {
        return signOffs.saveAndFlush(signOff);
    }

    @Transactional(readOnly = true)
    public List<SignOff> inRound(UUID roundId) {
        return signOffs.findByRoundIdOrderBySignedAtAsc(roundId);
    }
}
