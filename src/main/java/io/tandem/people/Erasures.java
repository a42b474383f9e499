package io.tandem.people;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.PersonErased;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a person's personal data. Their person row keeps their user id (the key the engine, the tasks and the
 * history name them by) and their pseudonym, and loses their name (it becomes {@code erased_name()}) and e-mail, and so
 * does every copy of the name a module declares (NameCopy), in the same transaction; a module may refuse first
 * (PersonErased). The decision log's entries
 * of hash version 2 name people by pseudonym only, so every chain verifies as before. The erasure is recorded in the
 * append-only {@code person_erasure} table.
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcTemplate jdbc;
    private final List<NameCopy> copies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Erasures(JdbcTemplate jdbc, List<NameCopy> copies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.copies = List.copyOf(copies);
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('admin')")
    public PersonErasure erase(String personId, String reason, CurrentUser admin) {
        String why = Texts.required("reason", reason, Texts.SHORT_TEXT_MAX);
        // the row lock makes a second admin's erasure of the same person wait, then find it erased
        List<Person> found = jdbc.query("select display_name, pseudonym, erased_at from person where id = ? for update",
                (rs, n) -> new Person(rs.getString(1), rs.getObject(2, UUID.class), rs.getTimestamp(3)), personId);
        if (found.isEmpty()) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "personId", "Tandem knows nobody called " + personId);
        }
        Person person = found.get(0);
        if (person.erasedAt() != null) {
            throw new RuleViolation(ErrorCode.ALREADY_ERASED, "personId", personId + "'s personal data was erased at "
                    + person.erasedAt().toInstant());
        }
        events.publishEvent(new PersonErased(personId));
        Instant now = StoredTime.now(clock);
        PersonErasure erasure = new PersonErasure(UUID.randomUUID(), personId, person.pseudonym(), admin.id(), why, now);
        jdbc.update("insert into person_erasure (id, person_id, pseudonym, erased_by, reason, erased_at) values (?, ?, ?, ?, ?, ?)",
                erasure.id(), personId, person.pseudonym(), admin.id(), why, Timestamp.from(now));
        jdbc.update("update person set display_name = erased_name(), email = null, erased_at = ? where id = ?",
                Timestamp.from(now), personId);
        copies.forEach(copy -> blank(copy, personId, person.displayName()));
        log.info("{} erased the personal data of {} (pseudonym {}): {}", admin.id(), personId, person.pseudonym(), why);
        return erasure;
    }

    private void blank(NameCopy copy, String personId, String name) {
        switch (copy.kind()) {
            case COLUMN -> jdbc.update("update " + copy.table() + " set " + copy.column() + " = erased_name() where "
                    + copy.personColumn() + " = ? and " + copy.column() + " is distinct from erased_name()", personId);
            case CLEARED -> jdbc.update("update " + copy.table() + " set " + copy.column() + " = null where "
                    + copy.personColumn() + " = ?", personId);
            case TEXT -> replace(copy, name);
            case JSON_TEXT -> replace(copy, inJsonString(name));
        }
    }

    private void replace(NameCopy copy, String mention) {
        jdbc.update("update " + copy.table() + " set " + copy.column() + " = replace(" + copy.column() + ", ?, erased_name())"
                + " where strpos(" + copy.column() + ", ?) > 0", mention, mention);
    }

    /** How a name reads inside a JSON string: escaped as Jackson writes it, without the quotes. */
    private static String inJsonString(String name) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(name));
    }

    private record Person(String displayName, UUID pseudonym, Timestamp erasedAt) {
    }
}
