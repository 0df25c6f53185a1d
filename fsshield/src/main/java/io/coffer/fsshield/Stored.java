package io.coffer.fsshield;

import java.util.List;

/**
 * What storing one file produced.
 *
 * @param digest SHA-256 of the stored object
 * @param segmentDigests in authenticated mode, the SHA-256 of each segment; else empty
 */
record Stored(byte[] digest, List<byte[]> segmentDigests) {
  public Stored {
    digest = digest.clone();
    segmentDigests = List.copyOf(segmentDigests);
  }
}
