package io.coffer.cas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.events.AttestationFailed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names every problem slug and every attestation refusal reason. */
class OpenApiDocumentTest {

  private static JsonNode problem() throws Exception {
    return new ObjectMapper()
        .readTree(CasRoutes.openApiDocument())
        .at("/components/schemas/Problem/properties");
  }

  @Test
  void problemType_namesEverySlugTheApiUses() throws Exception {
    String described = problem().at("/type/description").asText();

    for (String slug : ProblemReplies.slugs()) {
      assertThat(described).as(slug).containsPattern("[ :]" + slug + "(,|$)");
    }
  }

  @Test
  void problemReasons_enumerateExactlyTheRefusalReasons() throws Exception {
    List<String> documented = new ArrayList<>();
    problem().at("/reasons/items/enum").forEach(n -> documented.add(n.asText()));

    assertThat(documented)
        .containsExactlyElementsOf(
            Arrays.stream(AttestationFailed.Reason.values())
                .map(AttestationFailed.Reason::code)
                .toList());
  }
}
