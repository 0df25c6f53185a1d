package io.coffer.cas.governance;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.coffer.cas.seal.AeadBarrier;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.service.Caller;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import io.coffer.policy.parse.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keys, callers, policies and a barrier for the governance tests. */
final class Fixtures {

  static final IdentityKey ALICE = IdentityKey.generate(Identity.Type.ED25519);
  static final IdentityKey BOB = IdentityKey.generate(Identity.Type.ED25519);
  static final IdentityKey CAROL = IdentityKey.generate(Identity.Type.P256);
  static final IdentityKey MALLORY = IdentityKey.generate(Identity.Type.ED25519);

  private Fixtures() {}

  static Barrier barrier() {
    try {
      AeadConfig.register();
      Aead aead =
          KeysetHandle.newBuilder()
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build()
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
      return new AeadBarrier(aead);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A caller whose TLS certificate carries {@code key}. */
  static Caller caller(IdentityKey key) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(key.identity().toString().getBytes(StandardCharsets.UTF_8));
      Identity cert = Identity.parse("cert-sha256:" + HexFormat.of().formatHex(h));
      return new Caller(cert, Optional.of(key.identity()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String id(IdentityKey key) {
    return "\"" + key.identity() + "\"";
  }

  /** A policy's YAML: name, optional predecessor, the three rules, and extra lines. */
  static byte[] yaml(
      String name,
      Optional<String> predecessor,
      String read,
      String update,
      String create,
      String extra) {
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(name).append('\n').append("version: 1\n");
    predecessor.ifPresent(p -> b.append("predecessor: \"").append(p).append("\"\n"));
    b.append("access:\n")
        .append("  read: ")
        .append(read)
        .append('\n')
        .append("  update: ")
        .append(update)
        .append('\n')
        .append("  create: ")
        .append(create)
        .append('\n');
    b.append(extra);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] simple(String name) {
    return yaml(name, Optional.empty(), "CREATOR", "CREATOR", "CREATOR", "");
  }

  static String hash(byte[] yaml) {
    try {
      return PolicyHash.of(PolicyParser.parse("p.yaml", yaml));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Approval approve(IdentityKey key, String name, byte[] yaml, Optional<String> pred) {
    return key.approve(new ApprovalMessage(name, hash(yaml), pred));
  }

  /** A clock tests move by hand. */
  static final class ManualClock implements InstantSource {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-03-01T10:00:00.123Z"));

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(java.time.Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }
}
