package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.PolicyName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The shapes of the values events carry, checked by every event's constructor. */
final class EventValues {

  /** SHA-256 in lower-case hex: policy hashes, key hashes. */
  static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** A proposal id: 128 random bits in unpadded base64url (RFC 4648 §5). */
  static final Pattern PROPOSAL_ID = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");

  /** The most identities one event lists (as many as approvals one evaluation takes). */
  static final int MAX_IDENTITIES = 256;

  /** The last instant an event's time may name. */
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  private EventValues() {}

  static Instant time(Instant time, String field) {
    Objects.requireNonNull(time, field);
    Instant ms = time.truncatedTo(ChronoUnit.MILLIS);
    if (ms.isBefore(Instant.EPOCH) || ms.isAfter(LAST)) {
      throw new IllegalArgumentException(field + ": out of the years 1970..9999");
    }
    return ms;
  }

  static String name(String name, String field) {
    String problem = PolicyName.problem(name);
    if (problem != null) {
      throw new IllegalArgumentException(field + ": " + problem);
    }
    return name;
  }

  static String hash(String hash, String field) {
    Objects.requireNonNull(hash, field);
    if (!SHA256_HEX.matcher(hash).matches()) {
      throw new IllegalArgumentException(field + ": not 64 lower-case hex digits");
    }
    return hash;
  }

  static String proposalId(String id, String field) {
    Objects.requireNonNull(id, field);
    if (!PROPOSAL_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(field + ": not a proposal id (22 base64url characters)");
    }
    return id;
  }

  static List<Identity> identities(List<Identity> identities, String field) {
    List<Identity> copy = List.copyOf(identities);
    if (copy.size() > MAX_IDENTITIES) {
      throw new IllegalArgumentException(field + ": more than " + MAX_IDENTITIES + " identities");
    }
    return copy;
  }
}
