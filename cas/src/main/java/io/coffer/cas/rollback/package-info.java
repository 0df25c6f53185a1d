/**
 * Rollback protection for the CAS's store: the latest signed checkpoint kept outside the store in a
 * sealed file, updated before any write is acknowledged; witnesses that cosign the checkpoints in
 * the background; and a check at start-up that refuses a store whose log is smaller than, or
 * inconsistent with, the newest checkpoint the CAS or a witness knows.
 *
 * <p>Security guarantees:
 *
 * <ul>
 *   <li>The database restored alone from an older copy is refused: the sealed checkpoint file is
 *       newer than its log ({@link io.coffer.cas.rollback.RollbackException.Reason#ROLLED_BACK}).
 *   <li>The whole data directory restored (database and file) is refused as long as one configured
 *       witness cosigned a newer checkpoint and answers at start-up.
 *   <li>A store whose history was rewritten below a known checkpoint is refused ({@code FORKED}).
 *   <li>An unreachable witness blocks the start unless the operator lowered the number of witnesses
 *       required (fail closed).
 * </ul>
 *
 * <p>Not protected against: a whole data directory restored while no witness is configured, or
 * while every witness is tolerated as unreachable; writes acknowledged after the latest checkpoint
 * a witness cosigned being lost together with the directory (witnesses see checkpoints every few
 * seconds, not every write).
 */
package io.coffer.cas.rollback;
