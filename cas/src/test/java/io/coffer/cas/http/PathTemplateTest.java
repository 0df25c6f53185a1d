package io.coffer.cas.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

  private final PathTemplate policy = PathTemplate.of("/v1/policies/{name}");
  private final PathTemplate history = PathTemplate.of("/v1/policies/{name}/history");
  private final PathTemplate tiles = PathTemplate.of("/v1/ledger/tiles/{path*}");

  @Test
  void match_decodesOneSegmentParameter() throws Exception {
    assertThat(policy.match("/v1/policies/acme%2Fbilling"))
        .hasValue(Map.of("name", "acme/billing"));
    assertThat(policy.match("/v1/policies/caf%C3%A9")).hasValue(Map.of("name", "café"));
  }

  @Test
  void match_unencodedSlash_doesNotReachAnotherRoute() throws Exception {
    assertThat(policy.match("/v1/policies/acme/billing")).isEmpty();
    assertThat(history.match("/v1/policies/acme/history")).hasValue(Map.of("name", "acme"));
    assertThat(history.match("/v1/policies/acme%2Fhistory/history"))
        .hasValue(Map.of("name", "acme/history"));
  }

  @Test
  void match_emptySegmentOrExtraSegments_doesNotMatch() throws Exception {
    assertThat(policy.match("/v1/policies/")).isEmpty();
    assertThat(policy.match("/v1/policies")).isEmpty();
    assertThat(policy.match("/v1/policies/a/")).isEmpty();
    assertThat(policy.match("v1/policies/a")).isEmpty();
    assertThat(policy.match("/v1/policies/" + "a".repeat(PathTemplate.MAX_PATH_CHARS))).isEmpty();
  }

  @Test
  void match_malformedPercentEncoding_isBadRequest() {
    for (String bad :
        new String[] {"acme%2", "acme%", "acme%zz", "acme%C3%28", "acme%FF", "caf\u00e9"}) {
      assertThatThrownBy(() -> policy.match("/v1/policies/" + bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("bad-request"));
    }
  }

  @Test
  void restParameter_takesSeveralSegments_butOnlySafeCharacters() throws Exception {
    assertThat(tiles.match("/v1/ledger/tiles/tile/0/x001/234.p/7"))
        .hasValue(Map.of("path", "tile/0/x001/234.p/7"));
    assertThat(tiles.match("/v1/ledger/tiles/tile/%2e%2e/x")).isEqualTo(Optional.empty());
    assertThat(tiles.match("/v1/ledger/tiles/")).isEmpty();
  }

  @Test
  void openApiPath_dropsTheRestMarker() {
    assertThat(tiles.openApiPath()).isEqualTo("/v1/ledger/tiles/{path}");
    assertThat(history.openApiPath()).isEqualTo("/v1/policies/{name}/history");
  }

  @Test
  void of_malformedTemplate_isRejected() {
    assertThatThrownBy(() -> PathTemplate.of("v1/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTemplate.of("/v1/{a*}/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTemplate.of("/v1/A B"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
