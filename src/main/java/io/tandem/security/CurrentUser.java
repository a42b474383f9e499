package io.tandem.security;

import io.tandem.shared.RuleViolation;
import java.util.List;
import java.util.Set;

/** Who is calling: the identity provider's user id, a display name and the Tandem roles they hold. */
public record CurrentUser(String id, String displayName, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The side this person signs for (a gate, a proposal, a correction): {@code signAs} when given, which must be
     * PRODUCT or ENGINEERING, else the one of the two roles they hold; someone holding both must say which. Whether they
     * hold that role is checked where they sign, with the gate or entry in the message.
     */
    public Role side(Role signAs) {
        if (signAs != null) {
            if (signAs != Role.PRODUCT && signAs != Role.ENGINEERING) {
                throw RuleViolation.invalid("signAs", "Sign as PRODUCT or ENGINEERING");
            }
            return signAs;
        }
        if (has(Role.PRODUCT) && has(Role.ENGINEERING)) {
            throw RuleViolation.invalid("signAs", displayName + " holds both roles: say which side you sign with signAs");
        }
        return has(Role.PRODUCT) ? Role.PRODUCT : Role.ENGINEERING;
    }

    /** Engine group ids, so that the engine's own authentication carries the same roles. */
    public List<String> groups() {
        return roles.stream().map(Role::group).sorted().toList();
    }
}
