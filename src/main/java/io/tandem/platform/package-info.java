/**
 * What Tandem runs on: the local database of the default run ({@link io.tandem.platform.LocalDatabase}, durable,
 * recovering from a crash, refused in production), the clock, the start-up banner, and what Tandem adds to the engine's
 * tables (indexes, a column).
 */
package io.tandem.platform;
