package io.tandem.security;

import io.tandem.shared.OwnEngineCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the engine's identity service in step with the people who use Tandem: the engine's web apps only accept people
 * it knows and re-read their groups from it, and handing a task over checks the recipient's groups there. A person
 * is recorded on first use (with a random password nobody knows: the way in stays Tandem's identity provider), and
 * their memberships follow the roles they last came with: a membership of any other group (the engine's admin group
 * included) is taken away. The system account that holds the engine's admin group is never touched.
 */
@Component
public class EngineIdentities {


    private static final Logger log = LoggerFactory.getLogger(EngineIdentities.class);

    private final IdentityService identityService;
    /** Its own transaction: recording a person must neither fail nor roll back with the work they came to do. */
    private final TransactionTemplate ownTransaction;
    /** The groups this instance last recorded for each person: one check when they change, not one per request. */
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    EngineIdentities(IdentityService identityService, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.identityService = identityService;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the caller, once per instance and role set, in a transaction of its own. */
    public void remember(CurrentUser user) {
        String[] names = user.displayName().split(" ", 2);
        remember(user.id(), names[0], names.length > 1 ? names[1] : "", null, groupsOf(user.roles()));
    }

    /** Records a person with these groups (a group per Tandem role), unless this instance last recorded the same. */
    public void remember(String userId, String firstName, String lastName, String email, List<String> groups) {
        String key = String.join(",", groups.stream().sorted().toList());
        if (key.equals(recorded.get(userId)) || EngineSystemAccount.ID.equals(userId)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> OwnEngineCalls.run(() -> {
                record(identityService, userId, firstName, lastName, email, groups);
                events.publishEvent(new PersonRecorded(userId, displayName(userId, firstName, lastName), email,
                        groups.stream().map(Role::fromGroup).flatMap(Optional::stream).collect(Collectors.toSet())));
                return null;
            }));
            recorded.put(userId, key);
        } catch (RuntimeException e) {
            // they can still work; only a hand-over to them, or their Tasklist sign-in, has to wait for the next try
            log.warn("Could not record {} in the engine's identity service: {}", userId, e.getMessage());
        }
    }

    private static String displayName(String userId, String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? userId : name;
    }

    /**
     * The engine groups of a set of Tandem roles: one per role. Never the engine's own admin group, whose members the
     * engine's authorization does not check at all; a Tandem admin gets what engineaccess/RoleGrants gives the admin group.
     */
    static List<String> groupsOf(Iterable<Role> roles) {
        List<String> groups = new ArrayList<>();
        roles.forEach(role -> groups.add(role.group()));
        return groups;
    }

    private static void record(IdentityService identity, String userId, String firstName, String lastName, String email,
                       List<String> groups) {
        try {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName(firstName);
                user.setLastName(lastName);
                user.setEmail(email);
                user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
                identity.saveUser(user);
            }
            List<String> current = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
            for (String group : groups) {
                if (!current.contains(group)) {
                    if (identity.createGroupQuery().groupId(group).count() == 0) {
                        Group created = identity.newGroup(group);
                        created.setName(group);
                        created.setType("WORKFLOW");
                        identity.saveGroup(created);
                    }
                    identity.createMembership(userId, group);
                }
            }
            current.stream().filter(group -> !groups.contains(group)).forEach(group -> identity.deleteMembership(userId, group));
        } catch (ProcessEngineException concurrentFirstUse) {
            // two first requests of the same person raced; the other one recorded them
            if (identity.createUserQuery().userId(userId).count() == 0) {
                throw concurrentFirstUse;
            }
        }
    }

    /** The engine's record of a person (Tasklist and Cockpit show it) keeps their name and e-mail. */
    @Bean
    static NameCopy engineUserFirstNames() {
        return NameCopy.column("act_id_user", "id_", "first_");
    }

    @Bean
    static NameCopy engineUserLastNames() {
        return NameCopy.cleared("act_id_user", "id_", "last_");
    }

    @Bean
    static NameCopy engineUserEmails() {
        return NameCopy.cleared("act_id_user", "id_", "email_");
    }
}
