package io.coffer.cas.service;

import io.coffer.policy.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An operation of the CAS refused or failed. The {@link Type} is stable: the HTTP API turns it into
 * the problem type {@code https://coffer.dev/problems/<slug>} and a status code; the message says
 * what was wrong for the caller, and never holds a secret value or an internal detail.
 */
public final class CasException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why an operation did not happen. */
  public enum Type {
    /** The request is malformed: a missing or ill-formed field. */
    BAD_REQUEST(400),
    /** A policy does not parse or validate; {@link #problems()} says where. */
    INVALID_POLICY(422),
    /** An approval does not parse or its signature does not verify for this change. */
    INVALID_APPROVAL(422),
    /** The caller's identities do not satisfy the rule that decides the operation. */
    FORBIDDEN(403),
    /** No such policy, version or proposal (also when the caller may not know it exists). */
    NOT_FOUND(404),
    /** A policy of that name exists already. */
    ALREADY_EXISTS(409),
    /** A proposal names a predecessor that is not the current version. */
    STALE_PREDECESSOR(409),
    /** The proposal was activated, rejected, withdrawn, superseded or has expired. */
    PROPOSAL_CLOSED(409),
    /** A volume's tag is not the one the writer expected: a stale or concurrent writer. */
    STALE_TAG(409),
    /** The CAS is sealed: nothing but status and unsealing until enough shares arrive. */
    SEALED(503),
    /** A share does not belong to this CAS's seal, or the shares do not open it. */
    INVALID_SHARE(422),
    /** The store or ledger cannot take the operation now; it did not happen. */
    UNAVAILABLE(503),
    /** Anything else; the message is opaque and the details are in the server's log. */
    INTERNAL(500);

    private final int status;

    Type(int status) {
      this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
      return status;
    }

    /** The problem type's last path segment: {@code stale-predecessor}. */
    public String slug() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Type type;
  private final transient List<Problem> problems;

  public CasException(Type type, String message) {
    this(type, message, List.of(), null);
  }

  public CasException(Type type, String message, Throwable cause) {
    this(type, message, List.of(), cause);
  }

  public CasException(Type type, String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.type = Objects.requireNonNull(type, "type");
    this.problems = List.copyOf(problems);
  }

  /** Why. */
  public Type type() {
    return type;
  }

  /** For {@link Type#INVALID_POLICY}: each problem with its line, column and field path. */
  public List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }
}
