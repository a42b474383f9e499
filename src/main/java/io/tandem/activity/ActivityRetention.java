package io.tandem.activity;

import io.tandem.shared.BatchedDeletes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the feed for {@code tandem.activity.keep} (90 days unless set): older changes are deleted, oldest first, in
 * batches. A reader whose cursor is older than that resumes from the oldest change kept. Bets, their logs and their
 * comments are kept for ever; only the feed is pruned.
 */
@Component
class ActivityRetention {

    private static final Logger log = LoggerFactory.getLogger(ActivityRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration keep;
    private final Clock clock;

    ActivityRetention(JdbcTemplate jdbc, @Value("${tandem.activity.keep}") Duration keep, Clock clock) {
        this.jdbc = jdbc;
        this.keep = keep;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.activity.prune-every}", initialDelayString = "${tandem.activity.prune-every}")
    void prune() {
        int deleted = BatchedDeletes.untilDone(jdbc,
                "delete from activity where id in (select id from activity where at < ? order by id limit ?)",
                Timestamp.from(clock.instant().minus(keep)));
        if (deleted > 0) {
            log.info("Pruned {} changes older than {} from the activity feed", deleted, keep);
        }
    }
}
