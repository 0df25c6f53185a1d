package io.coffer.cas.client;

import io.coffer.policy.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to the CAS that did not succeed: an RFC 9457 problem the CAS answered (its type slug,
 * status and detail), or a failure to talk to it (slug {@value #TRANSPORT}, status 0) or to
 * understand its answer (slug {@value #BAD_RESPONSE}).
 */
public final class CasClientException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The CAS could not be reached, or the TLS handshake failed (for example a wrong key). */
  public static final String TRANSPORT = "transport";

  /** The CAS answered something that is not the API's answer. */
  public static final String BAD_RESPONSE = "bad-response";

  /** The server's TLS key is not the key its self-description names. */
  public static final String KEY_MISMATCH = "key-mismatch";

  private final String slug;
  private final int status;
  private final String correlationId;
  private final transient List<Problem> problems;
  private transient List<String> reasons = List.of();

  public CasClientException(
      String slug, int status, String detail, Optional<String> correlationId, Throwable cause) {
    this(slug, status, detail, correlationId, List.of(), cause);
  }

  /** A problem the CAS answered together with what it found wrong in a policy. */
  public CasClientException(
      String slug,
      int status,
      String detail,
      Optional<String> correlationId,
      List<Problem> problems,
      Throwable cause) {
    super(detail, cause);
    this.slug = Objects.requireNonNull(slug, "slug");
    this.status = status;
    this.correlationId = correlationId.orElse(null);
    this.problems = List.copyOf(problems);
  }

  /** The problem type's last segment: {@code stale-predecessor}, {@code unauthenticated}, ... */
  public String slug() {
    return slug;
  }

  /** The HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  /**
   * What the CAS found wrong in a policy ({@code invalid-policy}), each with its place; empty for
   * other problems.
   */
  public List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }

  /** This exception with the reason codes of an {@code attestation-failed} answer. */
  CasClientException withReasons(List<String> codes) {
    this.reasons = List.copyOf(codes);
    return this;
  }

  /**
   * The reason codes of an {@code attestation-failed} answer ({@code nonce-replayed}, {@code
   * wrong-measurement}, ...); empty for other problems.
   */
  public List<String> reasons() {
    return reasons == null ? List.of() : reasons;
  }

  /** The correlation id of an internal error, to quote to the CAS's operator. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }
}
