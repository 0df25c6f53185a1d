package io.coffer.cas.pki;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The SPIFFE ID of a workload of a policy: {@code spiffe://<trustDomain>/<policy>/<service>}, where
 * the policy's {@code /}-separated segments become path segments and the service is the last one.
 *
 * <p>Validated per SPIFFE-ID.md: §2.1 the trust domain is lower-case letters, digits, {@code .},
 * {@code -} and {@code _}; §2.2 every path segment is {@code [a-zA-Z0-9.-_]}, never empty, {@code
 * .} or {@code ..}; §2.3 the whole ID is at most 2048 bytes. A policy name may contain {@code ~},
 * which SPIFFE forbids: such a policy has no SPIFFE ID.
 *
 * @param trustDomain the trust domain (the CAS name by default)
 * @param policy the policy's name, one or more segments
 * @param service the service's name, one segment
 */
public record SpiffeId(String trustDomain, String policy, String service) {

  /** SPIFFE-ID.md §2.3: the longest SPIFFE ID, in bytes. */
  public static final int MAX_LENGTH_BYTES = 2048;

  private static final String SCHEME = "spiffe://";

  public SpiffeId {
    checkTrustDomain(trustDomain);
    Objects.requireNonNull(policy, "policy");
    for (String segment : policy.split("/", -1)) {
      checkSegment("policy", policy, segment);
    }
    Objects.requireNonNull(service, "service");
    checkSegment("service", service, service);
    // Every character is ASCII by now: characters are bytes.
    int length = (SCHEME + trustDomain + "/" + policy + "/" + service).length();
    if (length > MAX_LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "a SPIFFE ID has at most "
              + MAX_LENGTH_BYTES
              + " bytes (SPIFFE-ID.md §2.3), this one would have "
              + length);
    }
  }

  /**
   * Parses a SPIFFE ID strictly: scheme {@code spiffe} in lower case, a trust domain, at least two
   * path segments (policy and service); no user info, port, query, fragment, percent-encoding or
   * trailing {@code /}. The last segment is the service, the others the policy.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static SpiffeId parse(URI uri) {
    String text = uri.toString();
    if (text.length() > MAX_LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "a SPIFFE ID has at most " + MAX_LENGTH_BYTES + " bytes (SPIFFE-ID.md §2.3)");
    }
    if (!text.startsWith(SCHEME)) {
      throw new IllegalArgumentException(
          "a SPIFFE ID starts with 'spiffe://' (SPIFFE-ID.md §2): " + text);
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "a workload SPIFFE ID has a path (policy and service): " + text);
    }
    List<String> segments = Arrays.asList(rest.substring(slash + 1).split("/", -1));
    if (segments.size() < 2) {
      throw new IllegalArgumentException(
          "a workload SPIFFE ID has at least two path segments (policy and service): " + text);
    }
    String policy = String.join("/", segments.subList(0, segments.size() - 1));
    return new SpiffeId(rest.substring(0, slash), policy, segments.get(segments.size() - 1));
  }

  /** The ID as a URI. */
  public URI uri() {
    return URI.create(SCHEME + trustDomain + "/" + policy + "/" + service);
  }

  /** The path segments: the policy's, then the service. */
  public List<String> segments() {
    List<String> out = new ArrayList<>(Arrays.asList(policy.split("/")));
    out.add(service);
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return uri().toString();
  }

  private static void checkTrustDomain(String trustDomain) {
    Objects.requireNonNull(trustDomain, "trustDomain");
    if (trustDomain.isEmpty()) {
      throw new IllegalArgumentException("trustDomain: must not be empty (SPIFFE-ID.md §2.1)");
    }
    for (int i = 0; i < trustDomain.length(); i++) {
      char c = trustDomain.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
      if (!ok) {
        throw new IllegalArgumentException(
            "trustDomain '"
                + printable(trustDomain)
                + "': character "
                + describe(c)
                + " is not allowed (SPIFFE-ID.md §2.1: a-z 0-9 . - _)");
      }
    }
  }

  private static void checkSegment(String field, String value, String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException(
          field
              + " '"
              + printable(value)
              + "': a path segment must not be empty, '.' or '..' (SPIFFE-ID.md §2.2)");
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      if (!ok) {
        throw new IllegalArgumentException(
            field
                + " '"
                + printable(value)
                + "': character "
                + describe(c)
                + " is not allowed in a SPIFFE ID path segment (SPIFFE-ID.md §2.2: A-Z a-z 0-9 . -"
                + " _)");
      }
    }
  }

  private static String describe(char c) {
    return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /** The value for an error message: printable ASCII kept, anything else as {@code ?}, capped. */
  private static String printable(String value) {
    StringBuilder b = new StringBuilder();
    value.chars().limit(128).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
    return value.length() > 128 ? b + "..." : b.toString();
  }
}
