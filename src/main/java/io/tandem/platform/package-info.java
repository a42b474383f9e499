/**
 * What Tandem runs on: the local database of the default run ({@link io.tandem.platform.LocalDatabase}, durable,
 * recovering from a crash, refused in production), the database's two users (the migration owner and the runtime user,
 * DatabaseUsers), the engine's tables created by Flyway (EngineSchemaMigration), the clock and the start-up banner.
 */
package io.tandem.platform;
