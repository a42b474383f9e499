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

    /**
     * A SQL condition on a row of {@code alias} with {@code bet_id} and {@code round_id}: its outcome review round passed,
     * both sides having approved the verdict in it (a round one side answered with changes does not count).
     */
    public static String outcomeReviewPassed(String alias) {
        return alias + ".round_id in (select o.round_id from sign_off o where o.bet_id = " + alias + ".bet_id"
                + " and o.gate = 'OUTCOME_REVIEW' and o.answer = 'APPROVE' group by o.round_id having count(*) = 2)";
    }
}
