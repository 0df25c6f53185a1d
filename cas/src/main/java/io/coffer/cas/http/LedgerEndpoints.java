package io.coffer.cas.http;

import io.coffer.cas.http.wire.ValuesJson;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.LedgerService;
import java.util.Map;
import java.util.Optional;

/**
 * The audit ledger, public: checkpoint, proofs and C2SP tlog-tiles, whose prefix is {@code
 * /v1/ledger/tiles}: {@code <prefix>/checkpoint}, {@code <prefix>/tile/0/000}, {@code
 * <prefix>/tile/entries/000.p/5}, as a tlog-tiles client expects. Full tiles and bundles never
 * change, so they are served as immutable for a year (tlog-tiles.md); partial ones and the
 * checkpoint are not cached.
 */
final class LedgerEndpoints {

  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final LedgerService ledger;

  LedgerEndpoints(LedgerService ledger) {
    this.ledger = ledger;
  }

  Reply checkpoint(Call call) throws CasException {
    return new Reply(200, Reply.TEXT, ledger.checkpoint(), Map.of());
  }

  Reply inclusion(Call call) throws CasException, ApiProblem {
    long size = call.requiredLong("size", 1, Long.MAX_VALUE);
    long index = call.requiredLong("index", 0, Long.MAX_VALUE);
    return Reply.ok(ValuesJson.render(ledger.inclusionProof(index, size)));
  }

  Reply consistency(Call call) throws CasException, ApiProblem {
    long from = call.requiredLong("from", 0, Long.MAX_VALUE);
    long to = call.requiredLong("to", 0, Long.MAX_VALUE);
    return Reply.ok(ValuesJson.render(ledger.consistencyProof(from, to)));
  }

  Reply tile(Call call) throws CasException, ApiProblem {
    String path = call.param("path");
    if (path.equals("checkpoint")) {
      return checkpoint(call);
    }
    Optional<byte[]> tile = ledger.tile(path);
    if (tile.isEmpty()) {
      throw new ApiProblem(ApiProblem.NOT_FOUND, 404, path + " is not a tile of the current tree");
    }
    Reply reply = new Reply(200, Reply.OCTETS, tile.get(), Map.of());
    return path.contains(".p/") ? reply : reply.withHeader("Cache-Control", IMMUTABLE);
  }
}
