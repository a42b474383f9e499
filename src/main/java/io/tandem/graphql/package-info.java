/**
 * The conventions every GraphQL controller follows: opaque global ids and node(id) (GlobalId, NodeResolver),
 * Relay connections over keyset windows (Connections, KeysetCursors), mutations that turn a refusal into
 * userErrors (Mutations), the classified errors (GraphQlErrors, BadRequests), the scalars, and the limits on what
 * one request may ask (GraphQlLimits, RequestSizeLimit, QueryAdmission). How graphql-java itself is tuned for speed
 * lives apart, in {@code io.tandem.graphql.tuning}.
 */
package io.tandem.graphql;
