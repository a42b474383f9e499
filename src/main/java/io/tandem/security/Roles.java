package io.tandem.security;

/** Method-security expressions shared by the module services. */
public final class Roles {

    /** Every Tandem role may read every bet (docs/product.md, "Roles": leadership and integrations read everything). */
    public static final String READ = "hasAnyRole('product','engineering','leadership','integration','admin')";

    /** Comments are shared context from people: both roles and leadership; integrations read only, admins operate. */
    public static final String COMMENT = "hasAnyRole('product','engineering','leadership')";

    /** Appending metric readings: integrations given the integration-metrics scope, nobody else. */
    public static final String RECORD_READINGS = "hasRole('integration-metrics')";

    private Roles() {
    }
}
