package io.coffer.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 Merkle tree hashing with SHA-256, with domain separation between leaves and
 * interior nodes so that no leaf can be passed off as a node (second-preimage attack):
 *
 * <ul>
 *   <li>the empty tree: {@code SHA-256()}
 *   <li>a leaf: {@code SHA-256(0x00 || entry)}
 *   <li>an interior node: {@code SHA-256(0x01 || left || right)}
 * </ul>
 *
 * <p>Thread-safe: every call uses its own digest.
 */
public final class TreeHasher {

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final MessageDigest PROTOTYPE;
  private static final Hash EMPTY_ROOT;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
    EMPTY_ROOT = Hash.wrap(digest().digest());
  }

  private TreeHasher() {}

  private static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
    }
  }

  /** The root of the empty tree, {@code SHA-256("")}. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /** The leaf hash of an entry: {@code SHA-256(0x00 || entry)}. */
  public static Hash leaf(byte[] entry) {
    MessageDigest d = digest();
    d.update(LEAF_PREFIX);
    d.update(entry);
    return Hash.wrap(d.digest());
  }

  /** The hash of an interior node: {@code SHA-256(0x01 || left || right)}. */
  public static Hash node(Hash left, Hash right) {
    MessageDigest d = digest();
    d.update(NODE_PREFIX);
    left.updateDigest(d);
    right.updateDigest(d);
    return Hash.wrap(d.digest());
  }
}
