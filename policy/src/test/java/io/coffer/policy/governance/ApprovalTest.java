package io.coffer.policy.governance;

import static io.coffer.policy.governance.SignersFixture.CREATE;
import static io.coffer.policy.governance.SignersFixture.ED25519_A;
import static io.coffer.policy.governance.SignersFixture.ED25519_B;
import static io.coffer.policy.governance.SignersFixture.P256;
import static io.coffer.policy.governance.SignersFixture.P384;
import static io.coffer.policy.governance.SignersFixture.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalTest {

  static Stream<IdentityKey> keys() {
    return Stream.of(ED25519_A, P256, P384);
  }

  private static Reason reasonOf(ThrowingCall call) {
    try {
      call.run();
    } catch (GovernanceException e) {
      return e.reason();
    }
    throw new AssertionError("no exception");
  }

  interface ThrowingCall {
    void run() throws GovernanceException;
  }

  private static Approval parseJson(String json) throws GovernanceException {
    return Approval.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("keys")
  void sign_thenVerify_returnsTheIdentity(IdentityKey key) throws Exception {
    Approval approval = key.approve(UPDATE);

    assertThat(approval.verify(UPDATE)).isEqualTo(key.identity());
    assertThat(approval.identity()).isEqualTo(key.identity());
  }

  @ParameterizedTest
  @MethodSource("keys")
  void verify_otherName_fails(IdentityKey key) {
    Approval approval = key.approve(UPDATE);
    ApprovalMessage other =
        new ApprovalMessage("hospital/patients2", UPDATE.policyHash(), UPDATE.predecessor());

    assertThat(reasonOf(() -> approval.verify(other))).isEqualTo(Reason.INVALID_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void verify_otherPolicyHash_fails(IdentityKey key) {
    Approval approval = key.approve(UPDATE);
    ApprovalMessage other =
        new ApprovalMessage(UPDATE.name(), String.format("%064x", 3), UPDATE.predecessor());

    assertThat(reasonOf(() -> approval.verify(other))).isEqualTo(Reason.INVALID_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void verify_otherPredecessor_fails(IdentityKey key) {
    Approval approval = key.approve(UPDATE);
    ApprovalMessage otherPredecessor =
        new ApprovalMessage(
            UPDATE.name(), UPDATE.policyHash(), Optional.of(String.format("%064x", 9)));
    ApprovalMessage noPredecessor =
        new ApprovalMessage(UPDATE.name(), UPDATE.policyHash(), Optional.empty());

    assertThat(reasonOf(() -> approval.verify(otherPredecessor)))
        .isEqualTo(Reason.INVALID_SIGNATURE);
    assertThat(reasonOf(() -> approval.verify(noPredecessor))).isEqualTo(Reason.INVALID_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void verify_flippedSignatureBit_fails(IdentityKey key) throws Exception {
    byte[] signature = key.approve(CREATE).signature();
    signature[signature.length / 2] ^= 0x10;
    Approval tampered = Approval.of(key.identity(), signature, Optional.empty());

    assertThat(reasonOf(() -> tampered.verify(CREATE))).isEqualTo(Reason.INVALID_SIGNATURE);
  }

  @Test
  void verify_signatureUnderSwappedIdentity_fails() throws Exception {
    Approval byA = ED25519_A.approve(CREATE);
    Approval claimedByB = Approval.of(ED25519_B.identity(), byA.signature(), Optional.empty());

    assertThat(reasonOf(() -> claimedByB.verify(CREATE))).isEqualTo(Reason.INVALID_SIGNATURE);
  }

  @Test
  void verify_failure_namesTheApproverAndTheMessage() {
    Approval approval = ED25519_A.approve(CREATE);

    assertThatThrownBy(() -> approval.verify(UPDATE))
        .hasMessage(
            "approval by "
                + ED25519_A.identity().shortForm()
                + ": the signature does not verify for hospital/patients at "
                + UPDATE.policyHash());
  }

  @Test
  void sign_withAnotherKey_isKeyMismatch() {
    assertThat(reasonOf(() -> Approval.sign(ED25519_B.privateKey(), ED25519_A.identity(), CREATE)))
        .isEqualTo(Reason.KEY_MISMATCH);
    assertThat(reasonOf(() -> Approval.sign(P256.privateKey(), ED25519_A.identity(), CREATE)))
        .isEqualTo(Reason.KEY_MISMATCH);
    assertThat(reasonOf(() -> Approval.sign(P384.privateKey(), P256.identity(), CREATE)))
        .isEqualTo(Reason.KEY_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256", "p384"})
  void verify_openSslSignature_succeeds(String type) throws Exception {
    Identity identity = Identity.parse(Vectors.identity(type + "-identity.txt"));
    ApprovalMessage message =
        ApprovalMessage.of(
            "hospital/datasets/patients",
            ApprovalMessageTest.HASH,
            Optional.of(ApprovalMessageTest.PREDECESSOR));
    Approval approval =
        Approval.of(identity, Vectors.bytes(type + "-signature.bin"), Optional.empty());

    assertThat(approval.verify(message)).isEqualTo(identity);
  }

  @Test
  void certificateApproval_signedWithTheCertificatesKey_verifies() throws Exception {
    ClientCertificate certificate = SignersFixture.certificate(P256);

    Approval approval = Approval.sign(P256.privateKey(), certificate, UPDATE);

    assertThat(approval.identity()).isEqualTo(certificate.identity());
    assertThat(approval.identity().type()).isEqualTo(Identity.Type.CERT_SHA256);
    assertThat(approval.verify(UPDATE)).isEqualTo(certificate.identity());
    assertThat(Approval.parse(approval.toJson().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(approval);
  }

  @Test
  void certificateApproval_withTheOpenSslCertificateAndSignature_verifies() throws Exception {
    ClientCertificate certificate = ClientCertificate.fromPem(Vectors.text("p256-cert.pem"));
    ApprovalMessage message =
        ApprovalMessage.of(
            "hospital/datasets/patients",
            ApprovalMessageTest.HASH,
            Optional.of(ApprovalMessageTest.PREDECESSOR));
    Identity identity = Identity.parse(Vectors.identity("p256-cert-identity.txt"));

    Approval approval =
        Approval.of(identity, Vectors.bytes("p256-signature.bin"), Optional.of(certificate));

    assertThat(approval.verify(message)).isEqualTo(identity);
  }

  @Test
  void certificateApproval_withAnotherKeysCertificate_isCertificateMismatch() throws Exception {
    Approval real = Approval.sign(P256.privateKey(), SignersFixture.certificate(P256), CREATE);
    ClientCertificate other = SignersFixture.certificate(P384);

    assertThat(reasonOf(() -> Approval.of(real.identity(), real.signature(), Optional.of(other))))
        .isEqualTo(Reason.CERTIFICATE_MISMATCH);
  }

  @Test
  void certificateApproval_withoutCertificate_isMalformed() throws Exception {
    Approval real = Approval.sign(P256.privateKey(), SignersFixture.certificate(P256), CREATE);

    assertThat(reasonOf(() -> Approval.of(real.identity(), real.signature(), Optional.empty())))
        .isEqualTo(Reason.MALFORMED_APPROVAL);
  }

  @Test
  void certificateApproval_signedWithAnotherKey_isKeyMismatch() {
    ClientCertificate certificate = SignersFixture.certificate(P256);

    assertThat(reasonOf(() -> Approval.sign(ED25519_A.privateKey(), certificate, CREATE)))
        .isEqualTo(Reason.KEY_MISMATCH);
  }

  @Test
  void keyApproval_withACertificate_isMalformed() {
    Approval approval = ED25519_A.approve(CREATE);
    ClientCertificate certificate = SignersFixture.certificate(ED25519_A);

    assertThat(
            reasonOf(() ->
                Approval.of(approval.identity(), approval.signature(), Optional.of(certificate))))
        .isEqualTo(Reason.MALFORMED_APPROVAL);
  }

  @Test
  void of_ed25519SignatureOfWrongLength_isMalformed() {
    assertThat(reasonOf(() -> Approval.of(ED25519_A.identity(), new byte[63], Optional.empty())))
        .isEqualTo(Reason.MALFORMED_APPROVAL);
    assertThat(reasonOf(() -> Approval.of(P256.identity(), new byte[200], Optional.empty())))
        .isEqualTo(Reason.MALFORMED_APPROVAL);
  }

  @ParameterizedTest
  @MethodSource("keys")
  void json_roundTrips(IdentityKey key) throws Exception {
    Approval approval = key.approve(UPDATE);

    String json = approval.toJson();
    Approval parsed = parseJson(json);

    assertThat(json)
        .isEqualTo(
            "{\"identity\":\""
                + key.identity()
                + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(approval.signature())
                + "\"}");
    assertThat(parsed).isEqualTo(approval);
    assertThat(parsed.verify(UPDATE)).isEqualTo(key.identity());
  }

  @Test
  void json_withWhitespaceAndOtherOrder_isAccepted() throws Exception {
    Approval approval = ED25519_A.approve(UPDATE);
    String json =
        "{\n  \"signature\" : \""
            + Base64.getEncoder().encodeToString(approval.signature())
            + "\",\n  \"identity\" : \""
            + ED25519_A.identity()
            + "\"\n}\n";

    assertThat(parseJson(json)).isEqualTo(approval);
  }

  static Stream<String> malformedJson() {
    Approval approval = ED25519_A.approve(UPDATE);
    String id = "\"identity\":\"" + ED25519_A.identity() + "\"";
    String sig =
        "\"signature\":\"" + Base64.getEncoder().encodeToString(approval.signature()) + "\"";
    String shortSig = Base64.getEncoder().encodeToString(approval.signature());
    return Stream.of(
        "",
        "[]",
        "\"x\"",
        "null",
        "{" + id + "}",
        "{" + sig + "}",
        "{" + id + "," + sig + ",\"comment\":\"x\"}",
        "{" + id + "," + sig + "," + sig + "}",
        "{" + id + "," + sig + "} {}",
        "{" + id + "," + sig + "} x",
        "{\"identity\":1," + sig + "}",
        "{" + id + ",\"signature\":[\"" + shortSig + "\"]}",
        "{" + id + ",\"signature\":\"" + shortSig.replace("=", "") + "\"}",
        "{"
            + id
            + ",\"signature\":\""
            + shortSig.substring(0, 20)
            + " "
            + shortSig.substring(20)
            + "\"}",
        "{" + id + "," + sig + ",\"certificate\":null}",
        "{" + id + "," + sig + ",\"certificate\":\"AAAA\"}",
        "{" + id + "," + sig);
  }

  @ParameterizedTest
  @MethodSource("malformedJson")
  void parse_malformedJson_fails(String json) {
    assertThat(reasonOf(() -> parseJson(json)))
        .isIn(Reason.MALFORMED_APPROVAL, Reason.MALFORMED_CERTIFICATE);
  }

  @Test
  void parse_unknownMember_isNamed() {
    Approval approval = ED25519_A.approve(UPDATE);
    String json = approval.toJson().replace("}", ",\"comment\":\"x\"}");

    assertThatThrownBy(() -> parseJson(json))
        .hasMessage("approval: unknown member \"comment\" (identity, signature, certificate)");
  }

  @Test
  void parse_duplicateMember_fails() {
    Approval approval = ED25519_A.approve(UPDATE);
    String json = approval.toJson().replace("}", ",\"identity\":\"" + P256.identity() + "\"}");

    assertThat(reasonOf(() -> parseJson(json))).isEqualTo(Reason.MALFORMED_APPROVAL);
  }

  @Test
  void parse_oversizedDocument_failsBeforeParsing() {
    byte[] json = new byte[ApprovalJson.MAX_JSON_BYTES + 1];

    assertThatThrownBy(() -> Approval.parse(json)).hasMessage("approval: larger than 32768 bytes");
  }

  @Test
  void parse_malformedIdentity_isReportedAsSuch() {
    String json = "{\"identity\":\"ed25519:AAAA\",\"signature\":\"AAAA\"}";

    assertThat(reasonOf(() -> parseJson(json))).isEqualTo(Reason.MALFORMED_IDENTITY);
  }

  @Test
  void toString_namesTheIdentityOnly() {
    assertThat(ED25519_A.approve(CREATE).toString())
        .isEqualTo("Approval[" + ED25519_A.identity().shortForm() + "]");
  }
}
