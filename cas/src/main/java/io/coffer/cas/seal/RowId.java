package io.coffer.cas.seal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a ciphertext belongs: its table, its row's key and the row's version. Bound to the
 * ciphertext as associated data, so that a ciphertext moved to another row, table or version does
 * not decrypt.
 *
 * @param table the table's name
 * @param key the row's key as text (a policy name, a proposal id, ...)
 * @param version the row's version (1 for rows that have one version)
 */
public record RowId(String table, String key, long version) {

  private static final byte[] DOMAIN = "coffer-cas-row-v1".getBytes(StandardCharsets.US_ASCII);

  public RowId {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    if (table.isEmpty() || version < 0) {
      throw new IllegalArgumentException("a row needs a table and a version >= 0");
    }
  }

  /**
   * The associated data: the domain, then table and key each as a 4-byte big-endian length and its
   * UTF-8 bytes, then the version as 8 bytes big-endian. Lengths make it unambiguous.
   */
  public byte[] associatedData() {
    byte[] t = table.getBytes(StandardCharsets.UTF_8);
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(DOMAIN.length + t.length + k.length + 16);
    out.writeBytes(DOMAIN);
    writeInt(out, t.length);
    out.writeBytes(t);
    writeInt(out, k.length);
    out.writeBytes(k);
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (version >>> shift));
    }
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write(value >>> shift);
    }
  }

  @Override
  public String toString() {
    return table + "/" + key + "@" + version;
  }
}
