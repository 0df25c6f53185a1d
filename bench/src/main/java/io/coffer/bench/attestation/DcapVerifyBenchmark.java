package io.coffer.bench.attestation;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.testing.Vectors;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full verification of a published SGX quote ({@code sgx/dcap-qvl-sgx-v3}) and TDX quote ({@code
 * tdx/dcap-qvl-tdx-v4}) against their full collateral, at the instants their sources use.
 *
 * <ul>
 *   <li>{@link #verifyCached}: the steady state of a verifier that has seen the platform's
 *       collateral before (certificates, CRLs, TCB info and QE identity verified and cached; the QE
 *       report's signature remembered): what is left is parsing, the quote's own ECDSA signature,
 *       time and revocation checks and the TCB evaluation.
 *   <li>{@link #verifyCold}: a new verifier per quote, so that every certificate, CRL, document and
 *       the QE report is verified again.
 *   <li>{@link #ecdsaP256Verify}: the quote signature alone, through the JCA: the floor.
 * </ul>
 *
 * <p>{@code provider=jdk} leaves the JDK's providers; {@code provider=accp} installs Amazon
 * Corretto Crypto Provider first, as a long-running service would. Run on a quiet machine: {@code
 * java -jar bench/target/benchmarks.jar DcapVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DcapVerifyBenchmark {

  @Param({"jdk", "accp"})
  public String provider;

  @Param({"sgx", "tdx"})
  public String quote;

  private AttestationVerifier verifier;
  private Evidence evidence;
  private Collateral collateral;
  private VerificationOptions options;
  private PublicKey attestationKey;
  private byte[] signedBytes;
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    if (provider.equals("accp")) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    }
    String file;
    String collateralFile;
    long at;
    EvidenceType type;
    if (quote.equals("sgx")) {
      file = "sgx/dcap-qvl-sgx-v3/sgx_quote";
      collateralFile = "sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json";
      at = 1752919277L;
      type = EvidenceType.SGX;
    } else {
      file = "tdx/dcap-qvl-tdx-v4/tdx_quote";
      collateralFile = "tdx/dcap-qvl-tdx-v4/tdx_quote_collateral.json";
      at = 1752919234L;
      type = EvidenceType.TDX;
    }
    byte[] bytes = Vectors.bytes(file);
    evidence = new Evidence(type, bytes);
    collateral = CollateralParser.parse(collateralFile, Vectors.bytes(collateralFile));
    options = VerificationOptions.at(Instant.ofEpochSecond(at));
    verifier = AttestationVerifier.create(TrustAnchors.defaults());
    verifyCached();

    int bodyEnd = 48 + (type == EvidenceType.SGX ? 384 : 584);
    signedBytes = Arrays.copyOf(bytes, bodyEnd);
    signature = Arrays.copyOfRange(bytes, bodyEnd + 4, bodyEnd + 68);
    attestationKey = p256(Arrays.copyOfRange(bytes, bodyEnd + 68, bodyEnd + 132));
    if (!ecdsaP256Verify()) {
      throw new IllegalStateException("the quote signature does not verify");
    }
    String used = Signature.getInstance("SHA256withECDSAinP1363Format").getProvider().getName();
    if (provider.equals("accp") != used.equals("AmazonCorrettoCryptoProvider")) {
      throw new IllegalStateException("ECDSA is served by " + used);
    }
  }

  /** Full verification with the collateral already verified and cached. */
  @Benchmark
  public VerifiedClaims verifyCached() throws AttestationException {
    return verifier.verify(evidence, collateral, options);
  }

  /** Full verification by a verifier that has seen nothing before. */
  @Benchmark
  public VerifiedClaims verifyCold() throws AttestationException {
    return AttestationVerifier.create(TrustAnchors.defaults())
        .verify(evidence, collateral, options);
  }

  /** The quote's ECDSA P-256 signature alone. */
  @Benchmark
  public boolean ecdsaP256Verify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initVerify(attestationKey);
    s.update(signedBytes);
    return s.verify(signature);
  }

  private static PublicKey p256(byte[] xy) throws GeneralSecurityException {
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOf(xy, 32)),
            new BigInteger(1, Arrays.copyOfRange(xy, 32, 64)));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }
}
