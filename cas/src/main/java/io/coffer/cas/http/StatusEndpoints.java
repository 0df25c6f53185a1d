package io.coffer.cas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.http.wire.RequestsJson;
import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasState;
import java.util.Map;

/**
 * The routes that need no client certificate and work in every state: health, readiness, metrics,
 * the OpenAPI document, the CAS's self-description and unsealing.
 */
final class StatusEndpoints {

  /** A share file is a few hundred bytes. */
  static final int MAX_SHARE_BODY_BYTES = 64 * 1024;

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final CasControl control;
  private final ServerMetrics metrics;
  private final byte[] openApi;

  StatusEndpoints(CasControl control, ServerMetrics metrics, byte[] openApi) {
    this.control = control;
    this.metrics = metrics;
    this.openApi = openApi.clone();
  }

  /** 200 while the process runs. */
  Reply health(Call call) {
    ObjectNode n = ValuesJson.object();
    n.put("status", "up");
    return Reply.ok(n);
  }

  /** 200 only while the CAS serves; 503 while sealed or stopping. */
  Reply ready(Call call) {
    CasState state = control.state();
    ObjectNode n = ValuesJson.object();
    n.put("ready", state == CasState.SERVING);
    n.put("state", ValuesJson.enumText(state));
    return Reply.json(state == CasState.SERVING ? 200 : 503, n);
  }

  Reply metrics(Call call) {
    return new Reply(
        200,
        PROMETHEUS_TEXT,
        metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of());
  }

  Reply openApi(Call call) {
    return new Reply(200, Reply.JSON, openApi.clone(), Map.of());
  }

  Reply describe(Call call) throws CasException {
    return Reply.ok(ValuesJson.render(control.describe()));
  }

  /**
   * A share as the share file's bytes ({@code application/octet-stream}) or as JSON {@code
   * {"share": "<base64>"}}.
   */
  Reply unseal(Call call) throws CasException, ApiProblem, io.coffer.cas.http.wire.WireException {
    String type = call.mediaType().orElse("");
    byte[] share;
    if (type.equals(Reply.OCTETS)) {
      share = call.body(MAX_SHARE_BODY_BYTES);
    } else if (type.equals(Reply.JSON)) {
      share = RequestsJson.share(call.body(MAX_SHARE_BODY_BYTES));
    } else {
      throw new ApiProblem(
          ApiProblem.UNSUPPORTED_MEDIA_TYPE,
          415,
          "a share is sent as application/octet-stream or application/json");
    }
    if (share.length == 0) {
      throw ApiProblem.badRequest("the share is empty", null);
    }
    return Reply.ok(ValuesJson.render(control.unseal(share)));
  }
}
