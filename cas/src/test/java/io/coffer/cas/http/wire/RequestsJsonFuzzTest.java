package io.coffer.cas.http.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.GovernanceException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds arbitrary bytes to every parser of a request body the API accepts ({@link RequestsJson}:
 * policy and proposal submissions, approvals, rejections, withdrawals, unseal shares) and to every
 * accessor of {@link JsonObject}: nothing may escape but {@link WireException}, an error names the
 * field it was about, and whatever is accepted renders to a body that parses to the same value.
 *
 * <p>In the normal test run this replays the seeds under {@code RequestsJsonFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class RequestsJsonFuzzTest {

  /** The members the accessor walk knows: every accessor is tried on each. */
  private static final Set<String> MEMBERS = Set.of("s", "i", "b", "o", "a", "x");

  @FuzzTest(maxDuration = "10s")
  void requestParsersAcceptOrRefuseAnyBytes(byte[] input) {
    submission(input, false);
    submission(input, true);
    approval(input);
    rejection(input);
    empty(input);
    share(input);
    try {
      accessors(JsonObject.parse(input, MEMBERS));
    } catch (WireException e) {
      // The one allowed failure.
    }
  }

  private static void submission(byte[] input, boolean proposal) {
    RequestsJson.Submission parsed;
    try {
      parsed = RequestsJson.submission(input, proposal);
    } catch (WireException e) {
      return;
    }
    if (!proposal && parsed.lifetime().isPresent()) {
      throw new IllegalStateException("a policy creation was accepted with a lifetime");
    }
    RequestsJson.Submission again;
    try {
      again = RequestsJson.submission(RequestsJson.render(parsed), proposal);
    } catch (WireException e) {
      throw new IllegalStateException("an accepted submission renders to a refused body", e);
    }
    if (!Arrays.equals(again.policyYaml(), parsed.policyYaml())
        || !again.approvals().equals(parsed.approvals())
        || !again.lifetime().equals(parsed.lifetime())) {
      throw new IllegalStateException("a submission renders to a body of another submission");
    }
  }

  private static void approval(byte[] input) {
    Approval parsed;
    try {
      parsed = RequestsJson.approval(input, "approval");
    } catch (WireException e) {
      if (!e.field().equals("approval")) {
        throw new IllegalStateException("an approval's error names another field", e);
      }
      return;
    }
    try {
      if (!Approval.parse(parsed.toJson().getBytes(StandardCharsets.UTF_8)).equals(parsed)) {
        throw new IllegalStateException("an approval renders to another approval");
      }
    } catch (GovernanceException e) {
      throw new IllegalStateException("an accepted approval renders to a refused one", e);
    }
  }

  private static void rejection(byte[] input) {
    Optional<String> reason;
    try {
      reason = RequestsJson.rejection(input);
    } catch (WireException e) {
      return;
    }
    if (reason.isPresent() && reason.get().length() > RequestsJson.MAX_REASON_CHARS) {
      throw new IllegalStateException("a rejection reason over the limit was accepted");
    }
    try {
      if (!RequestsJson.rejection(RequestsJson.renderRejection(reason)).equals(reason)) {
        throw new IllegalStateException("a rejection renders to another rejection");
      }
    } catch (WireException e) {
      throw new IllegalStateException("an accepted rejection renders to a refused one", e);
    }
  }

  private static void empty(byte[] input) {
    try {
      RequestsJson.empty(input);
    } catch (WireException e) {
      // The one allowed failure.
    }
  }

  private static void share(byte[] input) {
    byte[] share;
    try {
      share = RequestsJson.share(input);
    } catch (WireException e) {
      return;
    }
    try {
      if (!Arrays.equals(RequestsJson.share(RequestsJson.renderShare(share)), share)) {
        throw new IllegalStateException("a share renders to another share");
      }
    } catch (WireException e) {
      throw new IllegalStateException("an accepted share renders to a refused one", e);
    }
  }

  /** Every accessor on every known member, into nested objects: errors must name the member. */
  private static void accessors(JsonObject o) {
    for (String member : MEMBERS) {
      String path = o.pathOf(member);
      boolean has = o.has(member);
      try {
        String s = o.string(member);
        if (!has || !o.optionalString(member).equals(Optional.of(s))) {
          throw new IllegalStateException(path + ": string and optionalString disagree");
        }
      } catch (WireException e) {
        namesField(e, path);
      }
      try {
        long n = o.integer(member, -1000, 1000);
        if (n < -1000 || n > 1000) {
          throw new IllegalStateException(path + ": an integer out of its range came back");
        }
        o.integer(member, Long.MIN_VALUE, Long.MAX_VALUE);
      } catch (WireException e) {
        namesField(e, path);
      }
      try {
        o.bool(member);
      } catch (WireException e) {
        namesField(e, path);
      }
      try {
        byte[] bytes = o.base64(member);
        if (!Base64.getEncoder().encodeToString(bytes).equals(o.string(member))) {
          throw new IllegalStateException(path + ": base64 that is not canonical was accepted");
        }
      } catch (WireException e) {
        namesField(e, path);
      }
      try {
        List<JsonNode> elements = o.array(member, 4);
        if (elements.size() > 4) {
          throw new IllegalStateException(path + ": more elements than allowed came back");
        }
        o.strings(member, 4);
      } catch (WireException e) {
        namesField(e, path);
      }
      try {
        for (JsonObject element : o.objects(member, 4, MEMBERS)) {
          accessors(element);
        }
      } catch (WireException e) {
        namesField(e, path);
      }
      try {
        accessors(o.object(member, MEMBERS));
      } catch (WireException e) {
        namesField(e, path);
      }
    }
  }

  private static void namesField(WireException e, String path) {
    if (!e.field().startsWith(path) || !e.getMessage().startsWith(e.field() + ": ")) {
      throw new IllegalStateException(
          "an error about " + path + " names \"" + e.field() + "\": " + e.getMessage(), e);
    }
  }
}
