package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code access.denied}: an authenticated caller was refused for want of rights.
 *
 * <p>Members: {@code caller} (identity string), {@code operation} (an {@link Operation} code),
 * {@code name} (the policy), {@code proposal} (its id, exactly for the operations on a proposal:
 * {@link Operation#onProposal}), {@code reason} (a {@link Reason} code).
 */
public record AccessDenied(
    Instant time,
    Identity caller,
    Operation operation,
    String name,
    Optional<String> proposal,
    Reason reason)
    implements CasEvent {

  /** What the caller tried. Codes are the lower-case names: {@code propose}. */
  public enum Operation {
    CREATE,
    READ,
    HISTORY,
    PROPOSALS,
    PROPOSAL,
    PROPOSE,
    APPROVE,
    REJECT,
    WITHDRAW,
    /** {@code GET /v1/secrets/<policy>/<name>}: a secret shown to a person. */
    REVEAL,
    /** {@code POST /v1/volumes/<policy>/<volume>/tag}: a volume's tag moved forward. */
    VOLUME_TAG;

    /** The code in the event. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operation is on one proposal, whose id the event then names. */
    public boolean onProposal() {
      return switch (this) {
        case PROPOSAL, APPROVE, REJECT, WITHDRAW -> true;
        case CREATE, READ, HISTORY, PROPOSALS, PROPOSE, REVEAL, VOLUME_TAG -> false;
      };
    }
  }

  /** Which rule refused. Codes are the names: {@code READ_RULE}. */
  public enum Reason {
    /** The nearest ancestor's {@code create} rule is not satisfied. */
    CREATE_RULE,
    /** The current version's {@code read} rule is not satisfied. */
    READ_RULE,
    /** The identity is not one the current version's {@code update} rule counts. */
    UPDATE_RULE,
    /** Only the proposer may do this. */
    NOT_PROPOSER,
    /** The caller is not an identity the secret's {@code reveal_to} names. */
    REVEAL_TO,
    /** The caller is not an instance of the policy attested by this CAS. */
    NOT_ATTESTED,
    /** The instance's service does not mount that volume read-write. */
    NOT_MOUNTED
  }

  public AccessDenied {
    time = EventValues.time(time, "time");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(operation, "operation");
    EventValues.name(name, "name");
    Objects.requireNonNull(proposal, "proposal");
    proposal.ifPresent(p -> EventValues.proposalId(p, "proposal"));
    if (proposal.isPresent() != operation.onProposal()) {
      throw new IllegalArgumentException(
          "proposal: present exactly for the operations on a proposal, not for "
              + operation.code());
    }
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public EventType type() {
    return EventType.ACCESS_DENIED;
  }
}
