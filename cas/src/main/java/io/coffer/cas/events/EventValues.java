package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.PolicyName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The shapes of the values events carry, checked by every event's constructor. */
final class EventValues {

  /** SHA-256 in lower-case hex: policy hashes, key hashes. */
  static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** A proposal id: 128 random bits in unpadded base64url (RFC 4648 §5). */
  static final Pattern PROPOSAL_ID = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");

  /**
   * A name inside a policy: a service, secret or volume. The policy language's rule (the policy
   * parser's local names): 1 to 64 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit.
   */
  static final Pattern LOCAL_NAME = io.coffer.policy.model.LocalName.PATTERN;

  /**
   * An X.509 serial number in lower-case hex without leading zeros: positive and at most 20 octets
   * (RFC 5280 §4.1.2.2).
   */
  static final Pattern CERTIFICATE_SERIAL = Pattern.compile("[1-9a-f][0-9a-f]{0,39}");

  /** The evidence types the attestation protocol accepts ({@code evidence_type}). */
  static final Set<String> EVIDENCE_TYPES =
      Set.of("sgx", "tdx", "snp", "snp-azure-hcl", "simulation");

  /** The largest integer an event holds: I-JSON's exact integers (RFC 7493 §2.2). */
  static final long MAX_INTEGER = (1L << 53) - 1;

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

  static String localName(String name, String field) {
    Objects.requireNonNull(name, field);
    if (!LOCAL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          field + ": not a name (1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)");
    }
    return name;
  }

  static String certificateSerial(String serial, String field) {
    Objects.requireNonNull(serial, field);
    if (!CERTIFICATE_SERIAL.matcher(serial).matches()) {
      throw new IllegalArgumentException(
          field + ": not a certificate serial (1 to 40 lower-case hex digits, no leading zero)");
    }
    return serial;
  }

  static String evidenceType(String type, String field) {
    Objects.requireNonNull(type, field);
    if (!EVIDENCE_TYPES.contains(type)) {
      throw new IllegalArgumentException(
          field + ": not an evidence type (sgx, tdx, snp, snp-azure-hcl, simulation)");
    }
    return type;
  }

  /** Checks that {@code optional} is not null, and its value if it has one. */
  static <T> Optional<T> optional(Optional<T> optional, String field, Function<T, ?> check) {
    Objects.requireNonNull(optional, field);
    optional.ifPresent(check::apply);
    return optional;
  }

  /** A copy of {@code list}, checked to hold at most {@code max} items, none twice. */
  static <T> List<T> distinct(List<T> list, int max, String field) {
    Objects.requireNonNull(list, field);
    for (int i = 0; i < list.size(); i++) {
      Objects.requireNonNull(list.get(i), field + "[" + i + "]");
    }
    List<T> copy = List.copyOf(list);
    if (copy.size() > max) {
      throw new IllegalArgumentException(field + ": more than " + max + " items");
    }
    Set<T> seen = new HashSet<>();
    for (int i = 0; i < copy.size(); i++) {
      if (!seen.add(copy.get(i))) {
        throw new IllegalArgumentException(field + "[" + i + "]: a duplicate");
      }
    }
    return copy;
  }
}
