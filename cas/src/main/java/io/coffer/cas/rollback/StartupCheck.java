package io.coffer.cas.rollback;

import io.coffer.cas.rollback.RollbackException.Reason;
import io.coffer.cas.witness.Cosigned;
import io.coffer.cas.witness.WitnessClient;
import io.coffer.cas.witness.WitnessException;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.TreeHeadSigner;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.StoredCheckpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at start-up whether the store may be served: its log must extend the newest checkpoint
 * that the CAS sealed and that every witness cosigned.
 *
 * <p>Steps, in order:
 *
 * <ol>
 *   <li>The sealed checkpoint file: missing while the log is not empty → {@code
 *       CHECKPOINT_FILE_INVALID}; larger than the log → {@code ROLLED_BACK}; another root at its
 *       size → {@code FORKED}.
 *   <li>Each witness is offered a checkpoint of the log's head with a consistency proof from the
 *       size it last cosigned (tlog-witness "add-checkpoint"; the log signs its head unless that
 *       was signed already). A witness that cosigned a larger tree → {@code ROLLED_BACK}; one whose
 *       tree the log does not extend → {@code FORKED}; fewer than {@code requiredWitnesses}
 *       cosignatures → {@code WITNESS_UNREACHABLE}.
 *   <li>The file is sealed at the log's head, so that a crash before the first commit leaves a
 *       file.
 * </ol>
 *
 * <p>Every refusal names the log's size and the size it was compared with.
 *
 * <p>Fail closed: by default every configured witness must answer. An operator who prefers to start
 * while a witness is down lowers {@code requiredWitnesses}, and accepts that a whole data directory
 * restored while those witnesses are unreachable goes unnoticed until they answer again.
 */
public final class StartupCheck {

  private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

  private final Ledger log;
  private final CheckpointFile file;
  private final TreeHeadSigner signer;
  private final List<WitnessClient> witnesses;
  private final int requiredWitnesses;

  /**
   * A check of {@code log} against {@code file} and {@code witnesses}, of which {@code
   * requiredWitnesses} must cosign (0 to all of them).
   */
  public StartupCheck(
      Ledger log,
      CheckpointFile file,
      TreeHeadSigner signer,
      List<WitnessClient> witnesses,
      int requiredWitnesses) {
    this.log = Objects.requireNonNull(log, "log");
    this.file = Objects.requireNonNull(file, "file");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.witnesses = List.copyOf(witnesses);
    if (requiredWitnesses < 0 || requiredWitnesses > this.witnesses.size()) {
      throw new IllegalArgumentException(
          "required witnesses must be 0.." + this.witnesses.size() + ", got " + requiredWitnesses);
    }
    this.requiredWitnesses = requiredWitnesses;
  }

  /** A check that requires every witness to cosign. */
  public static StartupCheck failClosed(
      Ledger log, CheckpointFile file, TreeHeadSigner signer, List<WitnessClient> witnesses) {
    return new StartupCheck(log, file, signer, witnesses, witnesses.size());
  }

  /**
   * Runs the check.
   *
   * @return what was compared, when the store may be served
   * @throws RollbackException when it may not, naming both tree sizes
   */
  public StartupReport run() throws RollbackException {
    TreeHead head = log.head();
    Optional<TreeHead> sealed = checkFile(head);
    StoredCheckpoint signed = signHead();
    List<Cosigned> cosigned = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (WitnessClient witness : witnesses) {
      try {
        cosigned.add(witness.addCheckpoint(signed.signedNote(), log));
      } catch (WitnessException e) {
        failures.add(checkWitnessFailure(head, witness, e));
      } catch (LedgerException e) {
        throw new RollbackException(
            Reason.IO_FAILED, "cannot read the store's log: " + e.getMessage(), e);
      }
    }
    if (cosigned.size() < requiredWitnesses) {
      throw new RollbackException(
          Reason.WITNESS_UNREACHABLE,
          cosigned.size()
              + " of "
              + witnesses.size()
              + " witnesses cosigned the store's log of size "
              + head.size()
              + ", "
              + requiredWitnesses
              + " required: "
              + String.join("; ", failures));
    }
    failures.forEach(
        f -> LOG.atWarn().addKeyValue("failure", f).log("a witness did not cosign at start-up"));
    if (sealed.map(TreeHead::size).orElse(-1L) != signed.size()) {
      try {
        file.write(signed.signedNote());
      } catch (IOException e) {
        throw new RollbackException(
            Reason.IO_FAILED, file.path() + ": cannot be written: " + e.getMessage(), e);
      }
    }
    return new StartupReport(head, sealed, cosigned, failures);
  }

  private Optional<TreeHead> checkFile(TreeHead head) throws RollbackException {
    Optional<VerifiedCheckpoint> read = file.read();
    if (read.isEmpty()) {
      if (head.size() > 0 || log.latestCheckpoint().isPresent()) {
        throw new RollbackException(
            Reason.CHECKPOINT_FILE_INVALID,
            "the sealed checkpoint "
                + file.path()
                + " is missing, but the store's log has "
                + head.size()
                + " entries: the data directory is not this store's, or was tampered with");
      }
      return Optional.empty();
    }
    TreeHead sealed = read.get().treeHead();
    compare(head, sealed, "the sealed checkpoint file");
    return Optional.of(sealed);
  }

  /** Fails unless the log's tree at {@code known}'s size has {@code known}'s root. */
  private void compare(TreeHead head, TreeHead known, String holder) throws RollbackException {
    if (known.size() > head.size()) {
      throw new RollbackException(
          Reason.ROLLED_BACK,
          "the store's log has "
              + head.size()
              + " entries but "
              + holder
              + " holds a checkpoint of size "
              + known.size()
              + ": the store was rolled back");
    }
    Hash root;
    try {
      root = log.root(known.size());
    } catch (LedgerException e) {
      throw new RollbackException(
          Reason.IO_FAILED, "cannot read the store's log: " + e.getMessage(), e);
    }
    if (!root.equals(known.root())) {
      throw new RollbackException(
          Reason.FORKED,
          "the store's log (size "
              + head.size()
              + ") has root "
              + root
              + " at size "
              + known.size()
              + " but "
              + holder
              + " holds root "
              + known.root()
              + ": the store was altered or forked");
    }
  }

  private StoredCheckpoint signHead() throws RollbackException {
    try {
      return log.checkpoint(signer);
    } catch (LedgerException e) {
      Reason reason =
          e.reason() == LedgerException.Reason.INCONSISTENT_STORE
              ? Reason.FORKED
              : Reason.IO_FAILED;
      throw new RollbackException(
          reason, "cannot sign a checkpoint of the store's log: " + e.getMessage(), e);
    }
  }

  /** Throws for a witness that knows better; returns the failure's description otherwise. */
  private static String checkWitnessFailure(
      TreeHead head, WitnessClient witness, WitnessException e) throws RollbackException {
    return switch (e.reason()) {
      case WITNESS_AHEAD ->
          throw new RollbackException(
              Reason.ROLLED_BACK,
              "the store's log has "
                  + head.size()
                  + " entries but witness "
                  + witness.endpoint()
                  + " cosigned a checkpoint of size "
                  + e.witnessSize().orElse(-1)
                  + ": the store was rolled back",
              e);
      case INCONSISTENT ->
          throw new RollbackException(
              Reason.FORKED,
              "the store's log of size "
                  + head.size()
                  + " does not extend the checkpoint witness "
                  + witness.endpoint()
                  + " cosigned: the store was altered or forked ("
                  + e.getMessage()
                  + ")",
              e);
      case REFUSED, BAD_COSIGNATURE, UNREACHABLE -> e.getMessage();
    };
  }
}
