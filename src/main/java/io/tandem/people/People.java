package io.tandem.people;

import io.tandem.security.PersonRecorded;
import io.tandem.security.Role;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import jakarta.persistence.criteria.Predicate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory of people: who they are, which roles they hold, and the check a named lead must pass. */
@Service
public class People {

    public static final int SEARCH_MAX = 200;

    private final PersonRepository people;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    People(PersonRepository people, JdbcTemplate jdbc, Clock clock) {
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who the engine's identity service just recorded: the same transaction writes them here. */
    @EventListener
    void recorded(PersonRecorded person) {
        Instant now = StoredTime.now(clock);
        // an upsert: two first sign-ins of one person may race on two instances
        jdbc.update("""
                insert into person (id, display_name, email, product, engineering, leadership, integration, admin,
                                    integration_metrics, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set
                    display_name = case when person.erased_at is null then excluded.display_name else person.display_name end,
                    email = case when person.erased_at is null then coalesce(excluded.email, person.email) end,
                    product = excluded.product,
                    engineering = excluded.engineering, leadership = excluded.leadership,
                    integration = excluded.integration, admin = excluded.admin,
                    integration_metrics = excluded.integration_metrics, recorded_at = excluded.recorded_at""",
                person.userId(), person.displayName(), person.email(), person.roles().contains(Role.PRODUCT),
                person.roles().contains(Role.ENGINEERING), person.roles().contains(Role.LEADERSHIP),
                person.roles().contains(Role.INTEGRATION), person.roles().contains(Role.ADMIN),
                person.roles().contains(Role.INTEGRATION_METRICS),
                Timestamp.from(now));
    }

    /** The pseudonym of each of these people Tandem knows: how the decision log's hashes name them. */
    @Transactional(readOnly = true)
    public Map<String, UUID> pseudonyms(Collection<String> ids) {
        Map<String, UUID> pseudonyms = new HashMap<>();
        jdbc.query("select id, pseudonym from person where id = any(?)",
                rs -> { pseudonyms.put(rs.getString(1), rs.getObject(2, UUID.class)); },
                (Object) ids.toArray(String[]::new));
        return pseudonyms;
    }

    /**
     * The pseudonyms of the people who sign an entry, recording first, by the name given, anyone Tandem does not know
     * yet (an operator of the engine's web apps before their first sign-in to Tandem itself).
     */
    @Transactional
    public Map<String, UUID> pseudonymsRecording(Map<String, String> namesById) {
        Map<String, UUID> known = pseudonyms(namesById.keySet());
        if (known.size() == namesById.size()) {
            return known;
        }
        Instant now = StoredTime.now(clock);
        namesById.forEach((id, name) -> {
            if (!known.containsKey(id)) {
                jdbc.update("insert into person (id, display_name, recorded_at) values (?, ?, ?) on conflict (id) do nothing",
                        id, name == null || name.isBlank() ? id : name, Timestamp.from(now));
            }
        });
        return pseudonyms(namesById.keySet());
    }

    /** The display name of each of these people Tandem knows, as it is now: erased once their data is erased. */
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select id, display_name from person where id = any(?)",
                rs -> { names.put(rs.getString(1), rs.getString(2)); }, (Object) ids.toArray(String[]::new));
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(String id) {
        return id == null ? Optional.empty() : people.findById(id);
    }

    /**
     * The person named in {@code field} as a lead for this side: INVALID_INPUT when Tandem knows nobody of that id,
     * WRONG_ROLE when they do not hold the side's role.
     */
    @Transactional(readOnly = true)
    public Person requireHolder(String id, Role side, String field) {
        Person person = find(id).orElseThrow(() -> RuleViolation.invalid(field, "Tandem knows nobody called " + id
                + ": a lead is someone who has signed in, or whom the directory lists"));
        if (!person.has(side)) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, field, person.getDisplayName() + " (" + id + ") does not hold the "
                    + side.group() + " role");
        }
        return person;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Window<Person> page(Role role, String search, ScrollPosition position, int size) {
        Sort sort = Sort.by("displayName", "id");
        return people.findBy(matching(role, search), q -> q.sortBy(sort).limit(size).scroll(position));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public long count(Role role, String search) {
        return people.count(matching(role, search));
    }

    /** Marks these people as listed by a directory read that started at {@code readAt}. */
    @Transactional
    void listed(Collection<String> ids, Instant readAt) {
        people.findAllById(ids).forEach(person -> person.listed(readAt));
    }

    /** People an earlier directory read listed and the one started at {@code readAt} did not. */
    @Transactional(readOnly = true)
    List<Person> unlistedSince(Instant readAt) {
        return people.listedBefore(readAt);
    }

    private static Specification<Person> matching(Role role, String search) {
        String text = search == null ? null : search.strip();
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (role != null) {
                predicates.add(builder.isTrue(root.get(Person.flag(role))));
            }
            if (text != null && !text.isEmpty()) {
                String pattern = "%" + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(builder.or(builder.like(builder.lower(root.get("id")), pattern, '\\'),
                        builder.like(builder.lower(root.get("displayName")), pattern, '\\'),
                        builder.like(builder.lower(root.get("email")), pattern, '\\')));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }
}
