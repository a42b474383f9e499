/**
 * Inboxes: the workflow tasks a person can act on ({@code myTasks}), with claim, unclaim and hand-over under the
 * same task rules Tasklist meets. Reads the engine's runtime tables in one statement per page (InboxQuery) and
 * keeps {@code inbox_candidate}, a trigger-maintained copy of the engine's candidate links with each task's sort values,
 * step and holder (migrations V9, V19 and V27).
 * Offers InboxService and InboxTask.
 */
package io.tandem.inbox;
