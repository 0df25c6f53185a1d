package io.coffer.ledger.witness;

import io.coffer.ledger.note.NoteSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The witness's answer to an {@code add-checkpoint} request: an outcome with the HTTP status C2SP
 * tlog-witness prescribes, a human-readable detail, and for {@link Outcome#COSIGNED} the
 * cosignatures or for {@link Outcome#OLD_SIZE_CONFLICT} the witness's latest size.
 *
 * @param outcome what happened
 * @param detail a message for the client, without secrets or stack traces
 * @param cosignatures the witness's cosignature lines when cosigned, else empty
 * @param latestSize the size of the latest cosigned checkpoint on a conflict, else empty
 */
public record AddCheckpointResult(
    Outcome outcome, String detail, List<NoteSignature> cosignatures, OptionalLong latestSize) {

  /** The content type of a 409 body (tlog-witness, "add-checkpoint"). */
  public static final String TLOG_SIZE_CONTENT_TYPE = "text/x.tlog.size";

  /** What the witness did with a request, and the HTTP status for it. */
  public enum Outcome {
    /** Checked, recorded and cosigned. */
    COSIGNED(200),
    /** The body is not a well-formed request or checkpoint. */
    MALFORMED_REQUEST(400),
    /** "The old size MUST be equal to or lower than the checkpoint size." */
    OLD_SIZE_AFTER_CHECKPOINT(400),
    /** "If the checkpoint origin is unknown, the witness MUST respond with 404 Not Found." */
    UNKNOWN_LOG(404),
    /** No signature verifies against a trusted key of the log. */
    NOT_SIGNED_BY_LOG(403),
    /** A trusted key of the log signed, but the signature does not verify. */
    INVALID_LOG_SIGNATURE(403),
    /** The old size is not the size of the witness's latest cosigned checkpoint. */
    OLD_SIZE_CONFLICT(409),
    /** A size-0 checkpoint whose root is not SHA-256(""). */
    EMPTY_TREE_ROOT_MISMATCH(422),
    /** A non-empty proof with old size 0. */
    PROOF_NOT_EMPTY(422),
    /** The consistency proof does not verify. */
    INCONSISTENT_PROOF(422),
    /** The old size equals the checkpoint size but the root hashes differ. */
    ROOT_MISMATCH_AT_SAME_SIZE(422),
    /** The state store failed; nothing changed. */
    STORE_FAILED(500),
    /** Cosigning failed; nothing changed. */
    SIGNING_FAILED(500);

    private final int httpStatus;

    Outcome(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The HTTP status code. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  public AddCheckpointResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    cosignatures = List.copyOf(cosignatures);
    Objects.requireNonNull(latestSize, "latestSize");
    if ((outcome == Outcome.COSIGNED) == cosignatures.isEmpty()) {
      throw new IllegalArgumentException("cosignatures are given exactly when cosigned");
    }
    if ((outcome == Outcome.OLD_SIZE_CONFLICT) != latestSize.isPresent()) {
      throw new IllegalArgumentException("the latest size is given exactly on a conflict");
    }
  }

  static AddCheckpointResult cosigned(List<NoteSignature> cosignatures) {
    return new AddCheckpointResult(
        Outcome.COSIGNED, "cosigned", cosignatures, OptionalLong.empty());
  }

  static AddCheckpointResult conflict(long latestSize) {
    return new AddCheckpointResult(
        Outcome.OLD_SIZE_CONFLICT,
        "the witness's latest cosigned checkpoint has size " + latestSize,
        List.of(),
        OptionalLong.of(latestSize));
  }

  static AddCheckpointResult rejected(Outcome outcome, String detail) {
    return new AddCheckpointResult(outcome, detail, List.of(), OptionalLong.empty());
  }

  /** The HTTP status code. */
  public int httpStatus() {
    return outcome.httpStatus();
  }

  /** The HTTP content type of {@link #body()}. */
  public String contentType() {
    return outcome == Outcome.OLD_SIZE_CONFLICT
        ? TLOG_SIZE_CONTENT_TYPE
        : "text/plain; charset=utf-8";
  }

  /**
   * The HTTP response body: the cosignature lines (200), the latest size and a newline (409), or
   * the detail and a newline.
   */
  public byte[] body() {
    StringBuilder out = new StringBuilder();
    switch (outcome) {
      case COSIGNED -> cosignatures.forEach(c -> out.append(c.toLine()));
      case OLD_SIZE_CONFLICT -> out.append(latestSize.getAsLong()).append('\n');
      default -> out.append(detail).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
