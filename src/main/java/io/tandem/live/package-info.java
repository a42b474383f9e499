/**
 * Live updates: {@code betChanged} and {@code inboxChanged} over GraphQL subscriptions (the WebSocket endpoint
 * /graphql-ws, or server-sent events on /graphql). Events are sent with PostgreSQL NOTIFY inside the transaction
 * that caused them (LiveEvents: delivered on commit, never on rollback) from the modules' own events and the
 * engine's task events (LiveEventSources, TaskEventPlugin); each replica LISTENs on one connection and fans them out to its subscribers (LiveEventStream).
 */
package io.tandem.live;
