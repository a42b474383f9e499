package io.tandem.activity;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.security.NameCopy;
import io.tandem.security.Roles;
import io.tandem.shared.StoredTime;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change feed: records each change in its own transaction, and pages through them in the order of the
 * transactions that made them. A page holds only changes of transactions older than every transaction still running
 * (the snapshot's xmin), so a change that commits late can never land behind a cursor already handed out: a reader
 * resuming from its cursor, after a day or a restart, gets every change once, none twice.
 */
@Service
public class ActivityLog {

    /** A page of the feed, and whether more changes are readable after it. */
    public record Page(List<Activity> activities, boolean hasNext) {
    }

    private static final String COLUMNS = "id, tx::text as tx, bet_id, team, kind, actor_id, actor_name, subject_type,"
            + " subject_id, summary, at";

    private final NamedParameterJdbcTemplate jdbc;
    private final BetService bets;
    private final Actors actors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityLog(NamedParameterJdbcTemplate jdbc, BetService bets, Actors actors, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.bets = bets;
        this.actors = actors;
        this.events = events;
        this.clock = clock;
    }

    /** Records a change of this bet by whoever is acting now; called inside the transaction that made it. */
    @Transactional
    public Activity record(UUID betId, ActivityKind kind, String subjectType, UUID subjectId, String summary) {
        Actors.Actor actor = actors.current();
        String team = bets.find(betId).map(Bet::getTeam).orElse(null);
        Instant at = StoredTime.now(clock);
        MapSqlParameterSource row = new MapSqlParameterSource().addValue("bet", betId).addValue("team", team)
                .addValue("kind", kind.name()).addValue("actorId", actor.id()).addValue("actorName", cut(actor.name(), 200))
                .addValue("subjectType", subjectType).addValue("subjectId", subjectId).addValue("summary", cut(summary, 500))
                .addValue("at", Timestamp.from(at));
        Activity activity = jdbc.queryForObject("""
                insert into activity (bet_id, team, kind, actor_id, actor_name, subject_type, subject_id, summary, at)
                values (:bet, :team, :kind, :actorId, :actorName, :subjectType, :subjectId, :summary, :at)
                returning""" + " " + COLUMNS, row, (rs, n) -> activity(rs));
        events.publishEvent(new ActivityRecorded(activity));
        return activity;
    }

    /** Up to {@code size} changes after {@code cursor} (from the oldest kept when null) that match the filter. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Page page(ActivityFilter filter, Optional<Position> after, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from activity"
                + " where tx < pg_snapshot_xmin(pg_current_snapshot())");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", size + 1);
        after.ifPresent(position -> {
            sql.append(" and (tx, id) > (cast(:tx as xid8), :id)");
            params.addValue("tx", Long.toUnsignedString(position.tx())).addValue("id", position.id());
        });
        if (filter.kinds() != null && !filter.kinds().isEmpty()) {
            sql.append(" and kind in (:kinds)");
            params.addValue("kinds", filter.kinds().stream().map(Enum::name).toList());
        }
        if (filter.team() != null) {
            sql.append(" and team = :team");
            params.addValue("team", filter.team());
        }
        if (filter.betId() != null) {
            sql.append(" and bet_id = :bet");
            params.addValue("bet", filter.betId());
        }
        sql.append(" order by tx, id limit :limit");
        List<Activity> found = new ArrayList<>(jdbc.query(sql.toString(), params, (rs, n) -> activity(rs)));
        boolean more = found.size() > size;
        return new Page(more ? found.subList(0, size) : found, more);
    }

    /** Where a reader is in the feed: after this change. */
    public record Position(long tx, long id) {

        public static Position of(Activity activity) {
            return new Position(activity.tx(), activity.id());
        }

        public String cursor() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("Activity:" + Long.toUnsignedString(tx) + ":" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** The position a cursor names; empty when it is not one this feed handed out. */
        public static Optional<Position> parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                if (parts.length != 3 || !parts[0].equals("Activity")) {
                    return Optional.empty();
                }
                return Optional.of(new Position(Long.parseUnsignedLong(parts[1]), Long.parseLong(parts[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        String subject = rs.getString("subject_id");
        return new Activity(rs.getLong("id"), Long.parseUnsignedLong(rs.getString("tx")), rs.getObject("bet_id", UUID.class),
                rs.getString("team"), ActivityKind.valueOf(rs.getString("kind")), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getString("subject_type"), subject == null ? null : UUID.fromString(subject),
                rs.getString("summary"), rs.getTimestamp("at").toInstant());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** An activity keeps its actor's name. */
    @Bean
    static NameCopy activityActorNames() {
        return NameCopy.column("activity", "actor_id", "actor_name");
    }

    /** An activity's summary may name anyone. */
    @Bean
    static NameCopy activitySummaryNames() {
        return NameCopy.text("activity", "summary");
    }
}
