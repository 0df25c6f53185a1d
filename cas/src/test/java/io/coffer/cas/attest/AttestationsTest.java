package io.coffer.cas.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.cas.events.AttestationSucceeded;
import io.coffer.cas.events.CasEvent;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.governance.GovernedPolicies;
import io.coffer.cas.http.TestTls;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.DataKey;
import io.coffer.cas.service.Caller;
import io.coffer.cas.store.MemoryCasStore;
import io.coffer.cas.vault.SecretVault;
import io.coffer.cas.vault.Sharing;
import io.coffer.cas.vault.VolumeTags;
import io.coffer.policy.governance.Identity;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reasons only hardware evidence can produce (debug, TCB status, advisories), with claims made
 * by a stand-in verifier: the real verifiers are tested against vendor vectors in the attestation
 * library; here what matters is what the CAS does with what they return.
 */
class AttestationsTest {

  private static final byte[] MRENCLAVE = filled(0x11);
  private static final byte[] MRSIGNER = filled(0x22);

  private final MemoryCasStore store = new MemoryCasStore();
  private final Barrier barrier = DataKey.generate().barrier();
  private final InstantSource clock = InstantSource.system();
  private final SecureRandom random = new SecureRandom();
  private final AtomicReference<Claims> next = new AtomicReference<>();
  private final List<String> heard = new ArrayList<>();
  private Attestations attestations;

  /** What the stand-in verifier returns for the next evidence. */
  private record Claims(boolean debug, TcbStatus status, List<String> advisories) {}

  private static byte[] filled(int b) {
    byte[] out = new byte[32];
    java.util.Arrays.fill(out, (byte) b);
    return out;
  }

  @BeforeEach
  void setUp() throws Exception {
    GovernedPolicies policies = new GovernedPolicies(store, barrier, clock, random);
    var alice = TestTls.identity(Identity.Type.ED25519, "alice");
    Caller caller =
        new Caller(
            Identity.ofCertificate(alice.certificate().certificate()),
            Optional.of(alice.key().identity()));
    policies.create(caller, policy("strict", "").getBytes(StandardCharsets.UTF_8), List.of());
    policies.create(
        caller,
        policy(
                "lenient",
                "security:\n  tolerate: [debug, outdated-tcb]\n  ignore_advisories: [INTEL-SA-00615]\n")
            .getBytes(StandardCharsets.UTF_8),
        List.of());
    SecretVault vault = new SecretVault(store, barrier, policies, clock, random);
    Sharing sharing = new Sharing(policies);
    CasKeys keys = CasKeys.generate("cas.test", List.of(), clock, random);
    byte[] nonceKey = new byte[32];
    random.nextBytes(nonceKey);
    attestations =
        new Attestations(
            new Attestations.Parts(
                store,
                policies,
                vault,
                sharing,
                new VolumeTags(store, barrier, clock),
                this::verify,
                Collateral.empty(),
                new Nonces(nonceKey, clock, random),
                new EarTokens(keys, "cas.test"),
                new AttestationOutcomes() {
                  @Override
                  public void admitted(String evidenceType) {
                    heard.add("admitted " + evidenceType);
                  }

                  @Override
                  public void refused(List<Reason> reasons) {
                    heard.add("refused " + reasons);
                  }
                }),
            new Attestations.Settings("cas.test", Duration.ofHours(24)),
            clock,
            random);
  }

  private static String policy(String name, String security) {
    return "name: apps/"
        + name
        + "\nversion: 1\nservices:\n  - name: enclave\n    identity:\n      - sgx:\n"
        + "          mrenclave: ["
        + HexFormat.of().formatHex(MRENCLAVE)
        + "]\n          mrsigner: "
        + HexFormat.of().formatHex(MRSIGNER)
        + "\n    command: [/bin/true]\n"
        + security;
  }

  /** The stand-in verifier: the evidence's bytes are the report data it binds. */
  private VerifiedClaims verify(
      io.coffer.attestation.Evidence evidence,
      Collateral collateral,
      io.coffer.attestation.VerificationOptions options)
      throws AttestationException {
    Claims c = next.get();
    return VerifiedClaims.builder(EvidenceType.SGX, options.at())
        .tcbStatus(c.status())
        .advisoryIds(c.advisories())
        .debug(c.debug())
        .reportData(evidence.bytes())
        .bytes("mrEnclave", MRENCLAVE)
        .bytes("mrSigner", MRSIGNER)
        .number("isvProdId", 0)
        .number("isvSvn", 1)
        .build();
  }

  private Admission attest(String policy, Claims claims) throws Exception {
    next.set(claims);
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = g.generateKeyPair();
    byte[] spki = key.getPublic().getEncoded();
    Challenge c = attestations.challenge("apps/" + policy, "enclave");
    return attestations.attest(
        new AttestRequest(
            Optional.empty(),
            Optional.empty(),
            c.nonce(),
            EvidenceType.SGX,
            WorkloadKey.reportData(c.nonce(), spki),
            spki));
  }

  private List<CasEvent> events() throws Exception {
    List<CasEvent> out = new ArrayList<>();
    for (byte[] entry : store.ledger().entries(0, (int) store.ledger().size())) {
      out.add(EventCodec.parse(entry));
    }
    return out;
  }

  @Test
  void debugOutdatedAndAdvisory_areEachRefusedWithItsReason() throws Exception {
    assertThatThrownBy(() ->
            attest("strict", new Claims(true, TcbStatus.OUT_OF_DATE, List.of("INTEL-SA-00615"))))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e ->
                assertThat(e.reasons())
                    .containsExactly(
                        Reason.DEBUG_NOT_TOLERATED,
                        Reason.TCB_STATUS_NOT_TOLERATED,
                        Reason.ADVISORY_NOT_IGNORED));
    assertThatThrownBy(() -> attest("strict", new Claims(false, TcbStatus.UNKNOWN, List.of())))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.TCB_STATUS_UNKNOWN));

    List<AttestationFailed> failed =
        events().stream()
            .filter(AttestationFailed.class::isInstance)
            .map(AttestationFailed.class::cast)
            .toList();
    assertThat(failed)
        .extracting(AttestationFailed::reasons)
        .containsExactly(
            List.of(
                Reason.DEBUG_NOT_TOLERATED,
                Reason.TCB_STATUS_NOT_TOLERATED,
                Reason.ADVISORY_NOT_IGNORED),
            List.of(Reason.TCB_STATUS_UNKNOWN));
    assertThat(failed.get(0).evidenceType()).contains("sgx");
    assertThat(heard).hasSize(2).allMatch(h -> h.startsWith("refused"));
  }

  @Test
  void toleratedWeaknesses_admit_andTheLedgerSaysWhich() throws Exception {
    Admission a =
        attest("lenient", new Claims(true, TcbStatus.OUT_OF_DATE, List.of("INTEL-SA-00615")));

    assertThat(a.policy()).isEqualTo("apps/lenient");
    AttestationSucceeded s =
        events().stream()
            .filter(AttestationSucceeded.class::isInstance)
            .map(AttestationSucceeded.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(s.debug()).isTrue();
    assertThat(s.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE.text());
    assertThat(s.advisories()).containsExactly("INTEL-SA-00615");
    assertThat(s.measurements())
        .containsEntry("mrEnclave", HexFormat.of().formatHex(MRENCLAVE))
        .containsEntry("mrSigner", HexFormat.of().formatHex(MRSIGNER));
    assertThat(heard).containsExactly("admitted sgx");
  }

  @Test
  void nonceIssuedForOneService_isNotAcceptedForAnother() throws Exception {
    Challenge c = attestations.challenge("apps/strict", "enclave");
    next.set(new Claims(false, TcbStatus.UP_TO_DATE, List.of()));
    assertThatThrownBy(() ->
            attestations.attest(
                new AttestRequest(
                    Optional.of("apps/lenient"),
                    Optional.of("enclave"),
                    c.nonce(),
                    EvidenceType.SGX,
                    new byte[64],
                    new byte[0])))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.NONCE_MISMATCH));
    assertThat(Instant.now()).isBefore(c.expiresAt());
    // Only the service named, and another one (a fresh challenge: the refusal used up the first).
    Challenge fresh = attestations.challenge("apps/strict", "enclave");
    assertThatThrownBy(() ->
            attestations.attest(
                new AttestRequest(
                    Optional.empty(),
                    Optional.of("other"),
                    fresh.nonce(),
                    EvidenceType.SGX,
                    new byte[64],
                    new byte[0])))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.NONCE_MISMATCH));
  }
}
