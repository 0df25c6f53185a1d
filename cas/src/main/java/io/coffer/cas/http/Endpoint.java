package io.coffer.cas.http;

import io.coffer.cas.http.wire.WireException;
import io.coffer.cas.service.CasException;

/** What a route does with a call. */
@FunctionalInterface
interface Endpoint {

  /**
   * Answers the call.
   *
   * @throws CasException the service refused; becomes the problem of its type
   * @throws ApiProblem the request is refused by the API layer
   * @throws WireException the body does not parse; becomes {@code bad-request} naming the field
   */
  Reply handle(Call call) throws CasException, ApiProblem, WireException;
}
