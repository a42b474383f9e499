/**
 * What people may do through the engine's own doors: the engine's web apps (Tasklist, Cockpit, Admin) and the engine REST
 * API behind them. The engine's authorization is on ({@link io.tandem.engineaccess.EngineAccessPlugin}): a product or
 * engineering person may read, claim, hand over, comment on and complete the tasks they are a candidate for or hold
 * ({@link io.tandem.engineaccess.CandidateTaskAuthorizations}) and read the lifecycle's diagram and history; an admin
 * may read everything and retry a failed job, which goes on the bet's decision log
 * ({@link io.tandem.engineaccess.RecordedJobRepairs}); leadership and integrations get nothing
 * ({@link io.tandem.engineaccess.RoleGrants}). What authorization cannot express, a task ended around its listeners or
 * a completion that writes the workflow's own variables, is refused by {@link io.tandem.engineaccess.EngineDoor}.
 * Tandem's own engine calls, made after its own checks, are not checked again.
 */
package io.tandem.engineaccess;
