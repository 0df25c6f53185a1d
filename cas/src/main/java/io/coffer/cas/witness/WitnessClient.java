package io.coffer.cas.witness;

import io.coffer.cas.witness.WitnessException.Reason;
import io.coffer.ledger.checkpoint.Checkpoint;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.note.CosignatureVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteSignature;
import io.coffer.ledger.note.NoteVerifiers;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.note.VerifiedNote;
import io.coffer.ledger.witness.AddCheckpointRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * Submits a log's checkpoints to one C2SP tlog-witness ({@code POST <prefix>/add-checkpoint}) and
 * verifies its cosignatures.
 *
 * <p>The client remembers the size the witness last cosigned and sends the consistency proof from
 * it. When the witness answers 409 with another size, the client builds the proof from that size
 * and retries, as tlog-witness ("add-checkpoint") describes; a size larger than the checkpoint is
 * reported as {@link Reason#WITNESS_AHEAD}, never retried.
 *
 * <p>Security guarantees: a {@link Cosigned} is returned only when the answer holds a cosignature
 * of exactly the submitted checkpoint that verifies with the configured witness key; signatures by
 * other keys are ignored. Answers are read up to {@value #MAX_RESPONSE_BYTES} bytes.
 *
 * <p>Not protected against: the 409 answer's size is not signed, so a witness or a network attacker
 * (over plain HTTP) can claim a larger size and block a start-up, never make a rolled-back log look
 * fresh. Safe for concurrent use; submissions to one witness run one at a time.
 */
public final class WitnessClient {

  /** Cosignature lines are about 120 bytes; a witness with many keys stays far below this. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024;

  /** One request with the remembered size, and up to two more after 409 answers. */
  static final int MAX_ATTEMPTS = 3;

  private final URI endpoint;
  private final CosignatureVerifier witnessKey;
  private final HttpClient http;
  private final Duration timeout;
  private final ReentrantLock lock = new ReentrantLock();

  /** The size the witness last reported or cosigned for this log; 0 until it answers. */
  private long knownSize;

  private WitnessClient(
      URI endpoint, CosignatureVerifier witnessKey, HttpClient http, Duration timeout) {
    this.endpoint = endpoint;
    this.witnessKey = witnessKey;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * A client for the witness at {@code submissionPrefix} ({@code http} or {@code https}), whose
   * cosignatures verify with {@code witnessKey}; each request times out after {@code timeout}.
   *
   * @param tls the TLS context for {@code https} witnesses (the JDK's default trust if null)
   */
  public static WitnessClient create(
      URI submissionPrefix, CosignatureVerifier witnessKey, Duration timeout, SSLContext tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (tls != null) {
      builder.sslContext(tls);
    }
    return new WitnessClient(endpoint(submissionPrefix), witnessKey, builder.build(), timeout);
  }

  private static URI endpoint(URI prefix) {
    String scheme = prefix.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("a witness URL is http or https: " + prefix);
    }
    if (prefix.getRawQuery() != null || prefix.getRawFragment() != null) {
      throw new IllegalArgumentException("a witness URL has no query or fragment: " + prefix);
    }
    String base = prefix.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "add-checkpoint");
  }

  /** The {@code add-checkpoint} URL. */
  public URI endpoint() {
    return endpoint;
  }

  /** The witness's cosignature key. */
  public CosignatureVerifier witnessKey() {
    return witnessKey;
  }

  /**
   * Submits {@code signedCheckpoint}, a checkpoint of {@code log}'s tree, with a consistency proof
   * from the witness's latest size taken from {@code log}.
   *
   * @throws WitnessException why the witness did not cosign
   * @throws LedgerException if {@code log} cannot produce the proof
   * @throws IllegalArgumentException if the checkpoint is malformed or beyond the log's size
   */
  public Cosigned addCheckpoint(byte[] signedCheckpoint, Ledger log)
      throws WitnessException, LedgerException {
    UnverifiedNote note;
    Checkpoint checkpoint;
    try {
      note = UnverifiedNote.parse(signedCheckpoint);
      checkpoint = Checkpoint.parse(note.text());
    } catch (NoteException | CheckpointException e) {
      throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
    }
    long size = checkpoint.size();
    if (size > log.size()) {
      throw new IllegalArgumentException(
          "checkpoint size " + size + " is beyond the log's " + log.size());
    }
    lock.lock();
    try {
      long oldSize = Math.min(knownSize, size);
      for (int attempt = 1; ; attempt++) {
        List<Hash> proof =
            oldSize == 0 || oldSize == size
                ? List.of()
                : log.consistencyProof(oldSize, size).path();
        byte[] body = new AddCheckpointRequest(oldSize, proof, signedCheckpoint).encode();
        Answer answer = post(body);
        if (answer.status() == 200) {
          Cosigned cosigned = verify(note, checkpoint, answer.body());
          knownSize = size;
          return cosigned;
        }
        if (answer.status() != 409) {
          throw rejection(answer, size);
        }
        long witnessSize = parseSize(answer);
        knownSize = witnessSize;
        if (witnessSize > size) {
          throw new WitnessException(
              Reason.WITNESS_AHEAD,
              "witness "
                  + endpoint
                  + " cosigned size "
                  + witnessSize
                  + " of this log, larger than the checkpoint's "
                  + size,
              OptionalLong.of(witnessSize),
              null);
        }
        if (witnessSize == oldSize) {
          // Older versions of tlog-witness answer 409 for a root mismatch at the same size.
          throw new WitnessException(
              Reason.INCONSISTENT,
              "witness " + endpoint + " holds a different tree at size " + witnessSize);
        }
        if (attempt == MAX_ATTEMPTS) {
          throw new WitnessException(
              Reason.UNREACHABLE,
              "witness " + endpoint + " kept answering 409 with changing sizes");
        }
        oldSize = witnessSize;
      }
    } finally {
      lock.unlock();
    }
  }

  private record Answer(int status, byte[] body) {}

  private Answer post(byte[] body) throws WitnessException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] read = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (read.length > MAX_RESPONSE_BYTES) {
          throw new WitnessException(
              Reason.UNREACHABLE,
              "witness " + endpoint + " answered more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return new Answer(response.statusCode(), read);
      }
    } catch (IOException e) {
      throw new WitnessException(
          Reason.UNREACHABLE, "witness " + endpoint + " is unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WitnessException(
          Reason.UNREACHABLE, "interrupted while waiting for witness " + endpoint, e);
    }
  }

  /** tlog-witness: "The response body MUST be a sequence of one or more note signature lines". */
  private Cosigned verify(UnverifiedNote note, Checkpoint checkpoint, byte[] body)
      throws WitnessException {
    byte[] noteBytes = note.encode();
    byte[] cosignedNote = Arrays.copyOf(noteBytes, noteBytes.length + body.length);
    System.arraycopy(body, 0, cosignedNote, noteBytes.length, body.length);
    try {
      // "The client MAY concatenate it to the checkpoint, and use a note verification function
      // configured with the witness keys it trusts"; other keys' signatures are ignored.
      VerifiedNote verified = NoteVerifiers.of(witnessKey).open(cosignedNote);
      NoteSignature cosignature = verified.signatureBy(witnessKey).orElseThrow();
      return new Cosigned(
          endpoint.toString(),
          checkpoint.treeHead(),
          cosignature,
          CosignatureVerifier.timestamp(cosignature),
          withCosignature(note, cosignature));
    } catch (NoteException e) {
      throw new WitnessException(
          Reason.BAD_COSIGNATURE,
          "witness " + endpoint + " answered without a valid cosignature: " + e.getMessage(),
          e);
    }
  }

  private static byte[] withCosignature(UnverifiedNote note, NoteSignature cosignature) {
    List<NoteSignature> kept =
        new ArrayList<>(
            note.signatures().stream()
                .filter(s -> !s.isBy(cosignature.keyName(), cosignature.keyId()))
                .toList());
    kept.add(cosignature);
    return new UnverifiedNote(note.text(), kept).encode();
  }

  private WitnessException rejection(Answer answer, long size) {
    String detail = printable(answer.body());
    return switch (answer.status()) {
      case 422 ->
          new WitnessException(
              Reason.INCONSISTENT,
              "witness "
                  + endpoint
                  + " holds a checkpoint that this log's tree of size "
                  + size
                  + " does not extend: "
                  + detail);
      case 400, 403, 404 ->
          new WitnessException(
              Reason.REFUSED,
              "witness "
                  + endpoint
                  + " refused the checkpoint ("
                  + answer.status()
                  + "): "
                  + detail);
      default ->
          new WitnessException(
              Reason.UNREACHABLE,
              "witness " + endpoint + " answered " + answer.status() + ": " + detail);
    };
  }

  /** tlog-witness: the 409 body is "the tree size ... in decimal, followed by a newline". */
  private long parseSize(Answer answer) throws WitnessException {
    String text = new String(answer.body(), StandardCharsets.US_ASCII);
    boolean canonical =
        text.length() >= 2
            && text.length() <= 20
            && text.endsWith("\n")
            && text.chars().limit(text.length() - 1).allMatch(c -> c >= '0' && c <= '9')
            && (text.length() == 2 || text.charAt(0) != '0');
    if (canonical) {
      try {
        return Long.parseLong(text.substring(0, text.length() - 1));
      } catch (NumberFormatException e) {
        // falls through to the malformed answer
      }
    }
    throw new WitnessException(
        Reason.UNREACHABLE, "witness " + endpoint + " answered 409 without a tree size");
  }

  /** The first line of an answer, printable ASCII only, at most 200 characters. */
  private static String printable(byte[] body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length && out.length() < 200; i++) {
      int c = body[i] & 0xff;
      if (c == '\n') {
        break;
      }
      out.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "WitnessClient[" + endpoint + " " + Objects.toString(witnessKey) + "]";
  }
}
