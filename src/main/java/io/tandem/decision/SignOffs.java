package io.tandem.decision;

import io.tandem.security.NameCopy;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores sign-offs; the lifecycle decides whether one may be given. */
@Service
public class SignOffs {

    private final SignOffRepository signOffs;
    private final ApplicationEventPublisher events;

    SignOffs(SignOffRepository signOffs, ApplicationEventPublisher events) {
        this.signOffs = signOffs;
        this.events = events;
    }

    @Transactional
    public SignOff record(SignOff signOff) {
        SignOff saved = signOffs.saveAndFlush(signOff);
        events.publishEvent(new SignOffRecorded(saved.getBetId(), saved.getGate(), saved.getRole(), saved.getSignerName(),
                saved.getAnswer()));
        return saved;
    }

    @Transactional(readOnly = true)
    public List<SignOff> inRound(UUID roundId) {
        return signOffs.findByRoundIdOrderBySignedAtAsc(roundId);
    }

    /** A sign-off keeps its signer's name. */
    @Bean
    static NameCopy signOffNames() {
        return NameCopy.column("sign_off", "signer_id", "signer_name");
    }
}
