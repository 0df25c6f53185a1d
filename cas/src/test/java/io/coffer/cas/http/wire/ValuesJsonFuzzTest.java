package io.coffer.cas.http.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to the client's parsers of the API's responses ({@link ValuesJson}): the
 * self-description that {@code coffer cas attest} reads from a server it does not trust yet,
 * proofs, policy versions and views, proposals and unsealing progress. Nothing may escape but
 * {@link WireException}, and whatever is accepted renders to a document that parses to a value with
 * the same rendering.
 *
 * <p>In the normal test run this replays the seeds under {@code ValuesJsonFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class ValuesJsonFuzzTest {

  /** One kind of response: its parser and its renderer. */
  private interface Shape {
    ObjectNode parseAndRender(byte[] json) throws WireException;
  }

  private static final Shape[] SHAPES = {
    json -> ValuesJson.render(ValuesJson.selfDescription(json)),
    json -> ValuesJson.render(ValuesJson.inclusionProof(json)),
    json -> ValuesJson.render(ValuesJson.consistencyProof(json)),
    json ->
        ValuesJson.render(
            ValuesJson.policyVersion(JsonObject.parse(json, ValuesJson.versionMembers()))),
    json ->
        ValuesJson.render(ValuesJson.policyView(JsonObject.parse(json, ValuesJson.viewMembers()))),
    json ->
        ValuesJson.render(
            ValuesJson.proposal(JsonObject.parse(json, ValuesJson.proposalMembers()))),
    json ->
        ValuesJson.render(
            ValuesJson.unsealProgress(JsonObject.parse(json, ValuesJson.progressMembers()))),
  };

  @FuzzTest(maxDuration = "10s")
  void responseParsersAcceptOrRefuseAnyBytes(byte[] input) {
    for (Shape shape : SHAPES) {
      byte[] rendered;
      try {
        rendered = ValuesJson.bytes(shape.parseAndRender(input));
      } catch (WireException e) {
        continue;
      }
      try {
        if (!Arrays.equals(ValuesJson.bytes(shape.parseAndRender(rendered)), rendered)) {
          throw new IllegalStateException("an accepted response renders to another value");
        }
      } catch (WireException e) {
        throw new IllegalStateException("an accepted response renders to a refused one", e);
      }
    }
  }
}
