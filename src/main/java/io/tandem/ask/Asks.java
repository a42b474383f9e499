package io.tandem.ask;

import io.tandem.decision.SignOffs;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks, their options and their receipts. The lifecycle claims the bet and runs the OPTIONS gate; this records what the
 * gate works on and what it decided, and settles the receipts at the outcome review.
 */
@Service
public class Asks {

    /** At most this many options for one ask. */
    static final int OPTIONS_MAX = 10;

    /** A settlement's outcome review round passed. */
    private static final String PASSED_REVIEW = SignOffs.outcomeReviewPassed("s");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Asks(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records a leader's ask of a committed bet whose window is {@code committedWindow}; the lifecycle has claimed the
     * bet, checked it is in delivery with no ask waiting, and opens the gate. An earlier window names a date from today
     * to the day before the committed window.
     */
    @Transactional
    public Ask make(UUID betId, LocalDate committedWindow, AskDraft draft, String leaderId) {
        if (draft.kind() == null) {
            throw RuleViolation.invalid("kind", "kind must be given: EARLIER_WINDOW, MORE_SCOPE or NEW_PRIORITY");
        }
        String request = Texts.required("request", draft.request(), Texts.SHORT_TEXT_MAX);
        LocalDate window = draft.window();
        if (draft.kind() == AskKind.EARLIER_WINDOW) {
            if (window == null) {
                throw RuleViolation.invalid("window", "An earlier window names the date asked for");
            }
            if (committedWindow != null && !window.isBefore(committedWindow)) {
                throw RuleViolation.invalid("window", "The committed window is " + committedWindow + "; an earlier window is"
                        + " before it, not " + window);
            }
        }
        if (window != null && window.isBefore(today())) {
            throw RuleViolation.invalid("window", "The window " + window + " is in the past");
        }
        Ask ask = new Ask(UUID.randomUUID(), betId, leaderId, draft.kind(), request, window, StoredTime.now(clock),
                Ask.State.OPEN, null);
        jdbc.update("insert into ask (id, bet_id, asked_by, kind, request, window_date, asked_at) values (?, ?, ?, ?, ?, ?, ?)",
                ask.id(), betId, leaderId, ask.kind().name(), request, window == null ? null : Date.valueOf(window),
                Timestamp.from(ask.askedAt()));
        events.publishEvent(new AskMade(betId, ask.id(), ask.kind(), leaderId));
        return ask;
    }

    /** The ask waiting on the bet's OPTIONS gate, if one does. */
    @Transactional(readOnly = true)
    public Optional<Ask> open(UUID betId) {
        return jdbc.query("select * from ask where bet_id = ? and state = 'OPEN'", Asks::ask, betId).stream().findFirst();
    }

    /**
     * Records the options engineering stated for the bet's open ask (one to ten, each with what it gives up; a new
     * window from today on). The lifecycle completes engineering's step with them.
     */
    @Transactional
    public List<AskOption> state(UUID betId, List<AskOptionDraft> drafts, String statedBy) {
        Ask ask = open(betId).orElseThrow(() -> new RuleViolation(ErrorCode.WRONG_STAGE, "betId",
                "No ask waits on this bet for its options"));
        if (!options(ask.id()).isEmpty()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "options", "The options for this ask are already stated");
        }
        if (drafts == null || drafts.isEmpty()) {
            throw new RuleViolation(ErrorCode.TOO_FEW_OPTIONS, "options", "State at least one option, with what it gives up");
        }
        if (drafts.size() > OPTIONS_MAX) {
            throw RuleViolation.invalid("options", "At most " + OPTIONS_MAX + " options for one ask");
        }
        Instant now = StoredTime.now(clock);
        List<AskOption> stated = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AskOptionDraft d = drafts.get(i);
            String field = "options[" + i + "]";
            if (d == null) {
                throw RuleViolation.invalid(field, "An option must be given");
            }
            String summary = Texts.required(field + ".summary", d.summary(), Texts.SHORT_TEXT_MAX);
            String givesUp = Texts.required(field + ".givesUp", d.givesUp(), Texts.SHORT_TEXT_MAX);
            String scope = Texts.optional(field + ".newScope", d.newScope(), Texts.LONG_TEXT_MAX);
            if (d.newWindow() != null && d.newWindow().isBefore(today())) {
                throw RuleViolation.invalid(field + ".newWindow", "The window " + d.newWindow() + " is in the past");
            }
            stated.add(new AskOption(UUID.randomUUID(), ask.id(), i, summary, givesUp, d.newWindow(), scope, statedBy, now));
        }
        for (AskOption o : stated) {
            jdbc.update("""
                    insert into ask_option (id, ask_id, position, summary, gives_up, new_window, new_scope, stated_by, stated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", o.id(), o.askId(), o.position(), o.summary(), o.givesUp(),
                    o.newWindow() == null ? null : Date.valueOf(o.newWindow()), o.newScope(), statedBy, Timestamp.from(now));
        }
        events.publishEvent(new AskOptionsStated(betId, ask.id(), stated.size()));
        return stated;
    }

    @Transactional(readOnly = true)
    public List<AskOption> options(UUID askId) {
        return jdbc.query("select * from ask_option where ask_id = ? order by position", Asks::option, askId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, List<AskOption>> options(Collection<UUID> askIds) {
        return jdbc.query("select * from ask_option where ask_id = any(?) order by position", Asks::option,
                (Object) askIds.toArray(UUID[]::new)).stream().collect(Collectors.groupingBy(AskOption::askId));
    }

    /**
     * The asker co-signed {@code optionId}: the ask is accepted and its receipt issued, with the bet's window and scope
     * before ({@code windowFrom}, {@code scopeFrom}) and after.
     */
    @Transactional
    public Receipt accept(UUID askId, UUID optionId, LocalDate windowFrom, String scopeFrom) {
        Ask ask = answer(askId, Ask.State.ACCEPTED);
        AskOption option = options(askId).stream().filter(o -> o.id().equals(optionId)).findFirst().orElseThrow();
        Receipt receipt = new Receipt(UUID.randomUUID(), askId, ask.betId(), ask.askedBy(), optionId, option.givesUp(),
                option.newWindow() == null ? null : windowFrom, option.newWindow(),
                option.newScope() == null ? null : scopeFrom, option.newScope(), StoredTime.now(clock));
        jdbc.update("""
                insert into receipt (id, ask_id, bet_id, leader_id, option_id, gives_up, window_from, window_to, scope_from,
                                     scope_to, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", receipt.id(), askId, receipt.betId(), receipt.leaderId(), optionId,
                receipt.givesUp(), date(receipt.windowFrom()), date(receipt.windowTo()), receipt.scopeFrom(), receipt.scopeTo(),
                Timestamp.from(receipt.issuedAt()));
        return receipt;
    }

    /** A side or the asker turned the ask down. */
    @Transactional
    public Ask decline(UUID askId) {
        return answer(askId, Ask.State.DECLINED);
    }

    /** The bet's open ask, if any, lapses: its gate closed unanswered (the bet left delivery, or its window passed). */
    @Transactional
    public void lapse(UUID betId) {
        jdbc.update("update ask set state = 'LAPSED', answered_at = ? where bet_id = ? and state = 'OPEN'",
                Timestamp.from(StoredTime.now(clock)), betId);
    }

    private Ask answer(UUID askId, Ask.State state) {
        Ask ask = jdbc.query("select * from ask where id = ? for update", Asks::ask, askId).stream().findFirst().orElseThrow();
        if (ask.state() != Ask.State.OPEN) {
            throw new RuleViolation(ErrorCode.CONFLICT, "betId", "The ask was already answered: " + ask.state());
        }
        jdbc.update("update ask set state = ?, answered_at = ? where id = ?", state.name(),
                Timestamp.from(StoredTime.now(clock)), askId);
        return ask;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Ask> find(UUID askId) {
        return jdbc.query("select * from ask where id = ?", Asks::ask, askId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<AskOption> findOption(UUID optionId) {
        return jdbc.query("select * from ask_option where id = ?", Asks::option, optionId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Receipt> findReceipt(UUID receiptId) {
        return jdbc.query("select * from receipt where id = ?", Asks::receipt, receiptId).stream().findFirst();
    }

    /** Each bet's asks, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, List<Ask>> asks(Collection<UUID> betIds) {
        return jdbc.query("select * from ask where bet_id = any(?) order by asked_at, id", Asks::ask,
                (Object) betIds.toArray(UUID[]::new)).stream().collect(Collectors.groupingBy(Ask::betId));
    }

    /** Each bet's receipts, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, List<Receipt>> receipts(Collection<UUID> betIds) {
        return jdbc.query("select * from receipt where bet_id = any(?) order by issued_at, id", Asks::receipt,
                (Object) betIds.toArray(UUID[]::new)).stream().collect(Collectors.groupingBy(Receipt::betId));
    }

    /** The receipt of each of these asks that was accepted. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, Receipt> receiptsOfAsks(Collection<UUID> askIds) {
        return jdbc.query("select * from receipt where ask_id = any(?)", Asks::receipt, (Object) askIds.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Receipt::askId, r -> r));
    }

    /**
     * Records one side's settlement of the bet's receipts in an outcome review round: exactly one for each receipt
     * (INVALID_INPUT naming what is missing, unknown or given twice), a note unless paid as stated.
     */
    @Transactional
    public void settle(UUID betId, UUID roundId, String side, String signerId, List<ReceiptSettlement> given) {
        List<Receipt> receipts = jdbc.query("select * from receipt where bet_id = ? order by issued_at, id", Asks::receipt, betId);
        Map<String, Receipt> byId = receipts.stream().collect(Collectors.toMap(r -> r.id().toString(), r -> r,
                (a, b) -> a, LinkedHashMap::new));
        Map<String, ReceiptSettlement> settled = new HashMap<>();
        List<ReceiptSettlement> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            ReceiptSettlement s = list.get(i);
            String field = "receipts[" + i + "]";
            if (s == null || s.receiptId() == null || !byId.containsKey(s.receiptId())) {
                throw RuleViolation.invalid(field + ".receiptId", "Not a receipt of this bet: " + (s == null ? null : s.receiptId()));
            }
            if (s.paid() == null) {
                throw RuleViolation.invalid(field + ".paid", "Say whether the cost was paid AS_STATED, MORE or LESS");
            }
            String note = Texts.optional(field + ".note", s.note(), Texts.SHORT_TEXT_MAX);
            if (s.paid() != Paid.AS_STATED && note == null) {
                throw RuleViolation.invalid(field + ".note", "The cost was paid " + s.paid() + " than stated: say how, in a note");
            }
            if (settled.put(s.receiptId(), new ReceiptSettlement(s.receiptId(), s.paid(), note)) != null) {
                throw RuleViolation.invalid(field + ".receiptId", "Receipt " + s.receiptId() + " is settled twice");
            }
        }
        List<String> missing = byId.keySet().stream().filter(id -> !settled.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.invalid("receipts", "Say for every receipt of the bet whether its cost was paid as stated;"
                    + " missing " + String.join(", ", missing));
        }
        Instant now = StoredTime.now(clock);
        for (Receipt r : receipts) {
            ReceiptSettlement s = settled.get(r.id().toString());
            jdbc.update("""
                    insert into receipt_settlement (id, receipt_id, bet_id, round_id, role, signer_id, paid, note, settled_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), r.id(), betId, roundId, side, signerId,
                    s.paid().name(), s.note(), Timestamp.from(now));
        }
    }

    /** The receipts of the bet, as the outcome review's form and the engine door ask about them. */
    @Transactional(readOnly = true)
    public List<Receipt> receiptsDue(UUID betId) {
        return jdbc.query("select * from receipt where bet_id = ? order by issued_at, id", Asks::receipt, betId);
    }

    /** What both sides said of the receipts in the round, as the passed review's entry says it; null when there were none. */
    @Transactional(readOnly = true)
    public String settlementSummary(UUID roundId) {
        List<Settled> round = jdbc.query("select s.* from receipt_settlement s join receipt r on r.id = s.receipt_id"
                + " where s.round_id = ? order by r.issued_at, r.id, s.role", Asks::settled, roundId);
        if (round.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        round.stream().collect(Collectors.groupingBy(Settled::receiptId, LinkedHashMap::new, Collectors.toList()))
                .forEach((receipt, sides) -> lines.add("receipt " + receipt + ": " + sides.stream()
                        .map(s -> s.side() + " says " + describe(s.paid()) + (s.note() == null ? "" : " (" + s.note() + ")"))
                        .collect(Collectors.joining(", "))));
        return "Receipts: " + String.join("; ", lines);
    }

    private static String describe(Paid paid) {
        return switch (paid) {
            case AS_STATED -> "paid as stated";
            case MORE -> "paid more";
            case LESS -> "paid less";
        };
    }

    /** Each receipt's settlements at its bet's passed outcome review. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, List<Settled>> settlements(Collection<UUID> receiptIds) {
        return jdbc.query("select s.* from receipt_settlement s where s.receipt_id = any(?) and " + PASSED_REVIEW
                + " order by s.role", Asks::settled, (Object) receiptIds.toArray(UUID[]::new)).stream()
                .collect(Collectors.groupingBy(Settled::receiptId));
    }

    /** A settlement as recorded. */
    public record Settled(UUID receiptId, String side, String signerId, Paid paid, String note, Instant settledAt) {
    }

    /**
     * What one leader's asks made in a period cost: how many they made, how many they co-signed (the costs promised),
     * and of those settled at a passed outcome review, how many both sides said were paid as stated, and how many
     * either side said cost more, or less (more wins when the sides disagree that way).
     */
    public record LeaderCosts(int asksMade, int costsPromised, int paidAsStated, int paidMore, int paidLess) {

        public static final LeaderCosts NONE = new LeaderCosts(0, 0, 0, 0, 0);
    }

    /** Per leader, the asks they made in [start, end) on bets of one team or all. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<String, LeaderCosts> costsByLeader(Instant start, Instant end, String team) {
        Map<String, LeaderCosts> costs = new LinkedHashMap<>();
        jdbc.query("""
                with asked as (
                    select a.id, a.asked_by, r.id as receipt_id
                      from ask a join bet b on b.id = a.bet_id left join receipt r on r.ask_id = a.id
                     where a.asked_at >= ? and a.asked_at < ? and (?::varchar is null or b.team = ?)),
                settled as (
                    select s.receipt_id, bool_or(s.paid = 'MORE') as more, bool_or(s.paid = 'LESS') as less
                      from receipt_settlement s where s.receipt_id in (select receipt_id from asked) and\s"""
                + PASSED_REVIEW + """
                     group by s.receipt_id)
                select a.asked_by, count(*), count(a.receipt_id),
                       count(s.receipt_id) filter (where not s.more and not s.less),
                       count(s.receipt_id) filter (where s.more),
                       count(s.receipt_id) filter (where s.less and not s.more)
                  from asked a left join settled s on s.receipt_id = a.receipt_id
                 group by a.asked_by order by a.asked_by""",
                rs -> {
                    costs.put(rs.getString(1), new LeaderCosts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6)));
                }, Timestamp.from(start), Timestamp.from(end), team, team);
        return costs;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Ask ask(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Ask(rs.getObject("id", UUID.class), rs.getObject("bet_id", UUID.class), rs.getString("asked_by"),
                AskKind.valueOf(rs.getString("kind")), rs.getString("request"), localDate(rs, "window_date"),
                rs.getTimestamp("asked_at").toInstant(), Ask.State.valueOf(rs.getString("state")),
                answered == null ? null : answered.toInstant());
    }

    private static AskOption option(ResultSet rs, int n) throws SQLException {
        return new AskOption(rs.getObject("id", UUID.class), rs.getObject("ask_id", UUID.class), rs.getInt("position"),
                rs.getString("summary"), rs.getString("gives_up"), localDate(rs, "new_window"), rs.getString("new_scope"),
                rs.getString("stated_by"), rs.getTimestamp("stated_at").toInstant());
    }

    private static Receipt receipt(ResultSet rs, int n) throws SQLException {
        return new Receipt(rs.getObject("id", UUID.class), rs.getObject("ask_id", UUID.class), rs.getObject("bet_id", UUID.class),
                rs.getString("leader_id"), rs.getObject("option_id", UUID.class), rs.getString("gives_up"),
                localDate(rs, "window_from"), localDate(rs, "window_to"), rs.getString("scope_from"), rs.getString("scope_to"),
                rs.getTimestamp("issued_at").toInstant());
    }

    private static Settled settled(ResultSet rs, int n) throws SQLException {
        return new Settled(rs.getObject("receipt_id", UUID.class), rs.getString("role"), rs.getString("signer_id"),
                Paid.valueOf(rs.getString("paid")), rs.getString("note"), rs.getTimestamp("settled_at").toInstant());
    }
}
