package io.coffer.policy.governance;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an approver signs: the domain-separated statement that the policy {@code name} may become
 * the version with hash {@code policyHash}, replacing the version {@code predecessor} (absent when
 * the policy is created).
 *
 * <p>The signed bytes are UTF-8 (all ASCII, given the shapes below) of four lines joined by {@code
 * \n}, exactly as the policy language issue writes them, with no trailing newline:
 *
 * <pre>
 * coffer-policy-approval-v1\n&lt;name&gt;\n&lt;policy hash&gt;\n&lt;predecessor hash, or nothing&gt;
 * </pre>
 *
 * <p>No field can contain a newline and both hashes have a fixed length, so the encoding is
 * unambiguous: a creation ends with {@code \n} and an empty last line, an update with the
 * predecessor's 64 digits. Hashes are SHA-256 in 64 lower-case hex digits. A name is one or more
 * segments of {@code [A-Za-z0-9._~-]} separated by single {@code /}, at most {@value
 * #MAX_NAME_LENGTH} characters; {@code .} and {@code ..} are not segments.
 *
 * <p>Security guarantees: the first line separates these signatures from any other use of the same
 * key; binding the predecessor makes an approval of one update useless for any other (no replay
 * against another current version); binding the name prevents moving an approval between policies.
 */
public record ApprovalMessage(String name, String policyHash, Optional<String> predecessor) {

  /** The first line: the domain and the version of this message format. */
  public static final String DOMAIN = "coffer-policy-approval-v1";

  /** The longest policy name accepted. */
  public static final int MAX_NAME_LENGTH = 255;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*");
  private static final Pattern DOT_SEGMENT = Pattern.compile("(?:^|/)\\.{1,2}(?:/|$)");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Validates the shapes; see {@link #of} for the checked form. */
  public ApprovalMessage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(predecessor, "predecessor");
    String problem = problem(name, policyHash, predecessor);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * The message for policy {@code name} at {@code policyHash} replacing {@code predecessor}.
   *
   * @throws GovernanceException {@code MALFORMED_MESSAGE} naming the field that is not well formed
   */
  public static ApprovalMessage of(String name, String policyHash, Optional<String> predecessor)
      throws GovernanceException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(predecessor, "predecessor");
    String problem = problem(name, policyHash, predecessor);
    if (problem != null) {
      throw new GovernanceException(Reason.MALFORMED_MESSAGE, problem);
    }
    return new ApprovalMessage(name, policyHash, predecessor);
  }

  private static String problem(String name, String policyHash, Optional<String> predecessor) {
    if (name.length() > MAX_NAME_LENGTH) {
      return "policy name longer than " + MAX_NAME_LENGTH + " characters";
    }
    if (!NAME.matcher(name).matches()) {
      return "policy name "
          + Quoted.of(name)
          + ": segments of [A-Za-z0-9._~-] separated by single '/'";
    }
    if (DOT_SEGMENT.matcher(name).find()) {
      return "policy name " + Quoted.of(name) + ": '.' and '..' are not name segments";
    }
    if (!HASH.matcher(policyHash).matches()) {
      return "policy hash " + Quoted.of(policyHash) + ": not 64 lower-case hex digits";
    }
    if (predecessor.isPresent() && !HASH.matcher(predecessor.get()).matches()) {
      return "predecessor hash " + Quoted.of(predecessor.get()) + ": not 64 lower-case hex digits";
    }
    return null;
  }

  /** The exact bytes an approval signs. */
  public byte[] bytes() {
    return (DOMAIN + "\n" + name + "\n" + policyHash + "\n" + predecessor.orElse(""))
        .getBytes(StandardCharsets.UTF_8);
  }
}
