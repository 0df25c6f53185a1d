package io.coffer.bench.cas;

import java.io.IOException;

/**
 * The CAS's child JVM failed: it exited, or did not start serving in time. The message says what
 * happened and where its log was kept; it is meant to be printed as it is, without a stack trace.
 */
final class CasProcessException extends IOException {

  private static final long serialVersionUID = 1L;

  CasProcessException(String message) {
    super(message);
  }
}
