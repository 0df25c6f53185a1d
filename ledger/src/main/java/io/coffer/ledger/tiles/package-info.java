/**
 * C2SP tlog-tiles: the log as a static directory of a {@code checkpoint}, hash tiles {@code
 * tile/<L>/<N>[.p/<W>]} and entry bundles {@code tile/entries/<N>[.p/<W>]}.
 *
 * <ul>
 *   <li>{@link io.coffer.ledger.tiles.TileId}, {@link io.coffer.ledger.tiles.BundleId}: paths,
 *       encoded and parsed strictly; {@link io.coffer.ledger.tiles.TileLayout}: which tiles a tree
 *       size has.
 *   <li>{@link io.coffer.ledger.tiles.TilesWriter}: exports a ledger, atomically and incrementally,
 *       checkpoint last.
 *   <li>{@link io.coffer.ledger.tiles.TileReader}: bounded, strict reads inside the directory.
 *   <li>{@link io.coffer.ledger.tiles.TilesVerifier}: the offline audit of a whole directory
 *       against an authenticated tree head; {@link io.coffer.ledger.tiles.TileSubtreeSource}: roots
 *       and proofs served from tiles.
 * </ul>
 *
 * <p>Security guarantees: every file is size-checked before it is read and parsed exactly (a hash
 * tile is {@code 32·W} bytes, a bundle exactly {@code W} length-prefixed entries); reads and writes
 * never leave the directory; a verified directory holds exactly the entries the authenticated root
 * commits to, in order, and hash tiles that match them.
 *
 * <p>Not protected against: a tree head the caller has not authenticated (checkpoint signatures are
 * checked elsewhere); a directory changed after it was verified; concurrent writers.
 */
package io.coffer.ledger.tiles;
