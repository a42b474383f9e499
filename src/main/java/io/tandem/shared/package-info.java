/**
 * What every module uses and none owns: the error codes and the refusal they travel in (ErrorCode, RuleViolation),
 * hashing, text length limits, JSON columns, and the marker for Tandem's own engine calls (OwnEngineCalls).
 * Depends on no other module.
 */
package io.tandem.shared;
