/**
 * Live updates: {@code betChanged}, {@code activityChanged} and {@code inboxChanged} over GraphQL subscriptions (the
 * WebSocket endpoint /graphql-ws, or server-sent events on /graphql). Events are sent with PostgreSQL NOTIFY inside the
 * transaction that caused them (LiveEvents: delivered on commit, never on rollback), from the changes the activity
 * module records and the engine's task events (LiveEventSources, TaskEventPlugin); each replica LISTENs on one
 * connection and fans them out to its subscribers (LiveEventStream).
 */
package io.tandem.live;
