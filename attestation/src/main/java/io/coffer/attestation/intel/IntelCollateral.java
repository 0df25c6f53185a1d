package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.internal.BoundedCache;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Picks and checks the Intel PCS documents a quote needs from whatever collateral was supplied: the
 * TCB info for the platform's TEE type, FMSPC and PCE-ID, and the identity of its quoting enclave.
 *
 * <p>Every document of the kind asked for must be signed by an Intel SGX TCB Signing certificate
 * issued by a trusted root; a forged or damaged document is refused even when another one would do.
 * Among the documents that fit the quote, the one valid at the verification instant ({@code
 * issueDate <= at <= nextUpdate}, signed by a certificate valid then) with the highest TCB
 * evaluation data number is used. Parsed documents are cached by their exact signed bytes.
 */
final class IntelCollateral {

  private final IntelPki pki;
  private final BoundedCache<SignedJson, TcbInfo> tcbInfos = new BoundedCache<>(256);
  private final BoundedCache<SignedJson, EnclaveIdentity> identities = new BoundedCache<>(256);

  IntelCollateral(IntelPki pki) {
    this.pki = pki;
  }

  /** A document with what it says and the certificates that signed it. */
  private record Checked<T>(T value, SignedJson document, List<X509Certificate> signers) {}

  /**
   * A document chosen for a quote.
   *
   * @param value what it says
   * @param signer the TCB signing certificate, valid at the verification instant, that signed it
   */
  record Signed<T>(T value, X509Certificate signer) {}

  /**
   * The TCB info for a {@code tdx} or SGX platform with this FMSPC and PCE-ID.
   *
   * @throws AttestationException {@code COLLATERAL_MISSING}, {@code COLLATERAL_SIGNATURE_INVALID},
   *     {@code COLLATERAL_MALFORMED}, {@code FMSPC_MISMATCH} or {@code COLLATERAL_EXPIRED}
   */
  Signed<TcbInfo> tcbInfo(
      Collateral collateral,
      boolean tdx,
      byte[] fmspc,
      byte[] pceId,
      Instant at,
      VerifiedClaims.Builder claims)
      throws AttestationException {
    String id = tdx ? "TDX" : "SGX";
    List<Checked<TcbInfo>> all =
        checkAll(collateral, JsonKind.TCB_INFO, d -> TcbInfo.parse(d.body(), d.source()), tcbInfos);
    List<Checked<TcbInfo>> forTee = all.stream().filter(c -> c.value().id().equals(id)).toList();
    if (forTee.isEmpty()) {
      if (all.isEmpty()) {
        throw new AttestationException(Reason.COLLATERAL_MISSING, "the collateral has no TCB info");
      }
      throw new AttestationException(
          Reason.FMSPC_MISMATCH,
          "the collateral's TCB info is for "
              + all.getFirst().value().id()
              + ", the quote is from a "
              + id
              + " platform");
    }
    List<Checked<TcbInfo>> fitting =
        forTee.stream()
            .filter(c -> Arrays.equals(c.value().fmspc(), fmspc))
            .filter(c -> Arrays.equals(c.value().pceId(), pceId))
            .toList();
    if (fitting.isEmpty()) {
      TcbInfo other = forTee.getFirst().value();
      throw new AttestationException(
          Reason.FMSPC_MISMATCH,
          "the "
              + id
              + " TCB info is for FMSPC "
              + hex(other.fmspc())
              + " and PCE-ID "
              + hex(other.pceId())
              + ", the PCK certificate has FMSPC "
              + hex(fmspc)
              + " and PCE-ID "
              + hex(pceId));
    }
    Signed<TcbInfo> chosen =
        current(
            fitting,
            at,
            "TCB info",
            TcbInfo::issueDate,
            TcbInfo::nextUpdate,
            TcbInfo::evaluationDataNumber);
    claims.collateralValidity(chosen.value().issueDate(), chosen.value().nextUpdate());
    return chosen;
  }

  /**
   * The identity {@code id} ({@code QE} or {@code TD_QE}), or null when {@code required} is false
   * and the collateral has none.
   *
   * @throws AttestationException as for {@link #tcbInfo}, with {@code QE_IDENTITY_MISMATCH} when
   *     there are only identities of other enclaves
   */
  Signed<EnclaveIdentity> identity(
      Collateral collateral, String id, boolean required, Instant at, VerifiedClaims.Builder claims)
      throws AttestationException {
    List<Checked<EnclaveIdentity>> all =
        checkAll(
                collateral,
                JsonKind.ENCLAVE_IDENTITY,
                d -> EnclaveIdentity.parse(d.body(), d.source()),
                identities)
            .stream()
            // The QVE identity describes Intel's verification enclave, not a quoting enclave.
            .filter(c -> !c.value().id().equals("QVE"))
            .toList();
    List<Checked<EnclaveIdentity>> fitting =
        all.stream().filter(c -> c.value().id().equals(id)).toList();
    if (fitting.isEmpty()) {
      if (all.isEmpty()) {
        if (!required) {
          return null;
        }
        throw new AttestationException(
            Reason.COLLATERAL_MISSING, "the collateral has no " + id + " identity");
      }
      throw new AttestationException(
          Reason.QE_IDENTITY_MISMATCH,
          "the collateral's enclave identity is for "
              + all.getFirst().value().id()
              + ", the quote needs the "
              + id
              + " identity");
    }
    Signed<EnclaveIdentity> chosen =
        current(
            fitting,
            at,
            id + " identity",
            EnclaveIdentity::issueDate,
            EnclaveIdentity::nextUpdate,
            EnclaveIdentity::evaluationDataNumber);
    claims.collateralValidity(chosen.value().issueDate(), chosen.value().nextUpdate());
    return chosen;
  }

  /** The signers of every document of {@code kind}, then its content. */
  private <T> List<Checked<T>> checkAll(
      Collateral collateral, JsonKind kind, Parser<T> parser, BoundedCache<SignedJson, T> cache)
      throws AttestationException {
    List<Checked<T>> out = new ArrayList<>();
    for (SignedJson d : collateral.documents(kind)) {
      List<X509Certificate> signers = pki.documentSigners(d, collateral.certificates());
      T value = cache.get(d);
      if (value == null) {
        value = parser.parse(d);
        cache.put(d, value);
      }
      out.add(new Checked<>(value, d, signers));
    }
    return out;
  }

  /**
   * The document valid at {@code at} with the highest evaluation data number (the latest issued on
   * a tie).
   */
  private static <T> Signed<T> current(
      List<Checked<T>> candidates,
      Instant at,
      String what,
      Function<T, Instant> issued,
      Function<T, Instant> next,
      ToLongFunction<T> evaluation)
      throws AttestationException {
    Signed<T> best = null;
    for (Checked<T> c : candidates) {
      T v = c.value();
      X509Certificate signer = IntelPki.validSigner(c.signers(), at);
      boolean valid = !issued.apply(v).isAfter(at) && !next.apply(v).isBefore(at) && signer != null;
      if (valid
          && (best == null
              || evaluation.applyAsLong(v) > evaluation.applyAsLong(best.value())
              || (evaluation.applyAsLong(v) == evaluation.applyAsLong(best.value())
                  && issued.apply(v).isAfter(issued.apply(best.value()))))) {
        best = new Signed<>(v, signer);
      }
    }
    if (best != null) {
      return best;
    }
    Checked<T> c = candidates.getFirst();
    T v = c.value();
    if (issued.apply(v).isAfter(at) || next.apply(v).isBefore(at)) {
      throw new AttestationException(
          Reason.COLLATERAL_EXPIRED,
          "the "
              + what
              + " from "
              + c.document().source()
              + " is not valid at "
              + at
              + " (issued "
              + issued.apply(v)
              + ", next update "
              + next.apply(v)
              + ")");
    }
    X509Certificate signer = c.signers().getFirst();
    throw new AttestationException(
        Reason.COLLATERAL_EXPIRED,
        "the certificate '"
            + IntelPki.name(signer)
            + "' that signed the "
            + what
            + " from "
            + c.document().source()
            + " is not valid at "
            + at
            + " (valid "
            + signer.getNotBefore().toInstant()
            + " to "
            + signer.getNotAfter().toInstant()
            + ")");
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(SignedJson document) throws AttestationException;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().withUpperCase().formatHex(b);
  }
}
