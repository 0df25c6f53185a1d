package io.coffer.cas.events;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code cas.started}: a CAS process opened the store and began serving.
 *
 * <p>Members: {@code tee} (the TEE it runs in: {@code sgx-dcap}, {@code tdx}, {@code sev-snp},
 * {@code simulation}, ...), {@code simulated} (true when no hardware protects it), {@code
 * tls_spki_sha256} and {@code ledger_spki_sha256} (SHA-256 of the DER SubjectPublicKeyInfo of its
 * TLS and checkpoint-signing keys, hex).
 */
public record CasStarted(
    Instant time, String tee, boolean simulated, String tlsSpkiSha256, String ledgerSpkiSha256)
    implements CasEvent {

  private static final Pattern TEE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public CasStarted {
    time = EventValues.time(time, "time");
    Objects.requireNonNull(tee, "tee");
    if (!TEE.matcher(tee).matches()) {
      throw new IllegalArgumentException("tee: 1 to 32 of a-z 0-9 -");
    }
    EventValues.hash(tlsSpkiSha256, "tls_spki_sha256");
    EventValues.hash(ledgerSpkiSha256, "ledger_spki_sha256");
  }

  @Override
  public EventType type() {
    return EventType.CAS_STARTED;
  }
}
