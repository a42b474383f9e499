package io.tandem.decision;

import io.tandem.inbox.BetChange;
import io.tandem.inbox.LiveEvents;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores sign-offs; the lifecycle decides whether one may be given. */
@Service
public class SignOffs {

    private final SignOffRepository signOffs;
    private final LiveEvents live;

    SignOffs(SignOffRepository signOffs, LiveEvents live) {
        this.signOffs = signOffs;
        this.live = live;
    }

    @Transactional
    public SignOff record(SignOff signOff) {
        live.betChanged(signOff.getBetId(), BetChange.Kind.SIGNED_OFF, signOff.getSignerName() + " answered " + signOff.getAnswer() + " for " + signOff.getRole() + " at " + signOff.getGate());
        return signOffs.saveAndFlush(signOff);
    }

    @Transactional(readOnly = true)
    public List<SignOff> inRound(UUID roundId) {
        return signOffs.findByRoundIdOrderBySignedAtAsc(roundId);
    }
}
