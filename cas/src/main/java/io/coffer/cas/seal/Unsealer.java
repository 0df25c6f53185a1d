package io.coffer.cas.seal;

import io.coffer.cas.seal.SealException.Reason;
import io.coffer.cas.service.UnsealProgress;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a Shamir-sealed data key from share files submitted one by one, as stakeholders run {@code
 * coffer cas unseal}. Thread-safe: submissions are serialised.
 *
 * <p>Each share is checked on its own before it is kept: it must parse, belong to this seal (seal
 * id, CAS instance, threshold and share count), have an index not received yet, and match the
 * digest the sealed data key records for that index. Once the threshold is reached the KEK is
 * rebuilt and the data key unwrapped; if that fails every kept share is dropped and collection
 * starts again ({@code INVALID_SHARE}). After success the shares and the KEK are overwritten and
 * further shares are refused ({@code NOT_SEALED}).
 *
 * <p>The service maps reasons to its types: {@code MALFORMED}, {@code WRONG_SEAL}, {@code
 * DUPLICATE_SHARE} and {@code INVALID_SHARE} to {@code INVALID_SHARE}; {@code NOT_SEALED} to {@code
 * BAD_REQUEST}.
 *
 * <p>Not protected against: a store that records other digests (it can only stop unsealing, never
 * open the key with other shares: the header is the wrapped key's associated data).
 */
public final class Unsealer {

  private static final Logger LOG = LoggerFactory.getLogger(Unsealer.class);

  private final SealedDataKey sealed;
  private final SortedMap<Integer, byte[]> received = new TreeMap<>();
  private DataKey opened;

  private Unsealer(SealedDataKey sealed) {
    this.sealed = sealed;
  }

  /**
   * An unsealer for {@code sealed}.
   *
   * @throws SealException {@code WRONG_SEAL} unless it is a Shamir seal
   */
  public static Unsealer of(SealedDataKey sealed) throws SealException {
    Objects.requireNonNull(sealed, "sealed");
    ShamirSeal.requireShamir(sealed);
    return new Unsealer(sealed);
  }

  /** Progress so far. */
  public synchronized UnsealProgress progress() {
    return opened != null
        ? new UnsealProgress(sealed.threshold(), sealed.threshold(), false)
        : new UnsealProgress(received.size(), sealed.threshold(), true);
  }

  /** The data key, once the seal is open. */
  public synchronized Optional<DataKey> dataKey() {
    return Optional.ofNullable(opened);
  }

  /**
   * Adds one share file's bytes.
   *
   * @return progress; {@code sealed} is false once the data key is open
   * @throws SealException {@code MALFORMED}, {@code WRONG_SEAL}, {@code DUPLICATE_SHARE}, {@code
   *     INVALID_SHARE} (the share does not match its recorded digest, or the shares together do not
   *     open the key: collection starts again), or {@code NOT_SEALED}
   */
  public synchronized UnsealProgress submit(byte[] shareFile) throws SealException {
    if (opened != null) {
      throw new SealException(Reason.NOT_SEALED, "the seal is open already; no share is needed");
    }
    ShamirShare share = ShamirShare.parse(shareFile);
    requireThisSeal(share);
    if (received.containsKey(share.index())) {
      throw new SealException(
          Reason.DUPLICATE_SHARE,
          "share "
              + share.index()
              + " was received already; "
              + received.size()
              + " of "
              + sealed.threshold()
              + " distinct shares so far");
    }
    if (!share.digest().equals(sealed.shareDigests().get(share.index() - 1))) {
      throw new SealException(
          Reason.INVALID_SHARE,
          "share " + share.index() + " does not match the seal's record of share " + share.index());
    }
    received.put(share.index(), share.share());
    LOG.atInfo()
        .addKeyValue("seal", sealed.sealId())
        .addKeyValue("index", share.index())
        .addKeyValue("received", received.size())
        .addKeyValue("threshold", sealed.threshold())
        .log("unseal share accepted");
    if (received.size() >= sealed.threshold()) {
      open();
    }
    return progress();
  }

  private void requireThisSeal(ShamirShare share) throws SealException {
    if (!share.sealId().equals(sealed.sealId()) || !share.casId().equals(sealed.casId())) {
      throw new SealException(
          Reason.WRONG_SEAL,
          "the share belongs to seal "
              + share.sealId()
              + " of CAS "
              + share.casId()
              + "; this CAS is sealed by seal "
              + sealed.sealId()
              + " of CAS "
              + sealed.casId());
    }
    if (share.threshold() != sealed.threshold() || share.shareCount() != sealed.shareCount()) {
      throw new SealException(
          Reason.WRONG_SEAL,
          "the share says "
              + share.threshold()
              + " of "
              + share.shareCount()
              + ", the seal is "
              + sealed.threshold()
              + " of "
              + sealed.shareCount());
    }
  }

  private void open() throws SealException {
    KeyEncryptionKey kek = ShamirSeal.combine(received);
    clear();
    try {
      opened = DataKey.unwrap(sealed.wrappedKey(), kek.aead(), sealed.associatedData());
      LOG.atInfo().addKeyValue("seal", sealed.sealId()).log("seal opened");
    } catch (GeneralSecurityException e) {
      throw new SealException(
          Reason.INVALID_SHARE,
          "the "
              + sealed.threshold()
              + " shares do not open the data key; every share was dropped, submit them again",
          e);
    } finally {
      kek.destroy();
    }
  }

  private void clear() {
    received.values().forEach(b -> Arrays.fill(b, (byte) 0));
    received.clear();
  }

  @Override
  public synchronized String toString() {
    return "Unsealer[seal " + sealed.sealId() + ", " + progress() + "]";
  }
}
