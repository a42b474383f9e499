/**
 * Tandem's own Prometheus metrics: gates passed and refused, how long sign-offs wait, open gate tasks and
 * the engine's jobs and incidents. Nothing here writes business data; the counters only listen.
 */
package io.tandem.metrics;
