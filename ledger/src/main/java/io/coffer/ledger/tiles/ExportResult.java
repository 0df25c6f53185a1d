package io.coffer.ledger.tiles;

import io.coffer.ledger.merkle.TreeHead;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param head the tree head the directory now serves, as the ledger computes it
 * @param bundlesWritten the entry bundles written by this export
 * @param tilesWritten the hash tiles written by this export
 */
public record ExportResult(TreeHead head, long bundlesWritten, long tilesWritten) {

  public ExportResult {
    Objects.requireNonNull(head, "head");
    if (bundlesWritten < 0 || tilesWritten < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
