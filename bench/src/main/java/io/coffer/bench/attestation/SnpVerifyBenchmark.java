package io.coffer.bench.attestation;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.amd.HclReport;
import io.coffer.attestation.amd.SnpReport;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.testing.Vectors;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
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
 * Verification of a published SEV-SNP report ({@code snp/trustee-milan-vcek}) and an Azure HCL
 * report ({@code snp/trustee-azure-hcl-milan}) with their VCEKs.
 *
 * <ul>
 *   <li>{@link #verifyCached}: a verifier that has verified the VCEK → ASK → ARK chain before (the
 *       chain is cached by its certificates' content; validity dates are checked every time): what
 *       is left is parsing, the VCEK's extensions against the report, and the report's ECDSA P-384
 *       signature.
 *   <li>{@link #verifyCold}: a new verifier per report, so that the chain's two RSA-PSS signatures
 *       are verified again.
 *   <li>{@link #ecdsaP384Verify}: the report signature alone, through the JCA: the floor.
 * </ul>
 *
 * <p>{@code provider=jdk} leaves the JDK's providers; {@code provider=accp} installs Amazon
 * Corretto Crypto Provider first. Run on a quiet machine: {@code java -jar
 * bench/target/benchmarks.jar SnpVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SnpVerifyBenchmark {

  /** Inside the validity windows of both vectors' VCEK chains. */
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  @Param({"jdk", "accp"})
  public String provider;

  @Param({"snp", "hcl"})
  public String report;

  private AttestationVerifier verifier;
  private Evidence evidence;
  private Collateral collateral;
  private VerificationOptions options;
  private PublicKey vcekKey;
  private byte[] signedBytes;
  private byte[] signature;

  @Setup
  public void setUp() throws Exception {
    if (provider.equals("accp")) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    }
    String file;
    String vcekFile;
    EvidenceType type;
    if (report.equals("snp")) {
      file = "snp/trustee-milan-vcek/test-report.bin";
      vcekFile = "snp/trustee-milan-vcek/test-vcek.der";
      type = EvidenceType.SNP;
    } else {
      file = "snp/trustee-azure-hcl-milan/hcl-report.bin";
      vcekFile = "snp/trustee-azure-hcl-milan/vcek.pem";
      type = EvidenceType.SNP_AZURE_HCL;
    }
    byte[] bytes = Vectors.bytes(file);
    evidence = new Evidence(type, bytes);
    collateral = CollateralParser.parse(vcekFile, Vectors.bytes(vcekFile));
    options = VerificationOptions.at(AT);
    verifier = AttestationVerifier.create(TrustAnchors.defaults());
    verifyCached();

    SnpReport snp =
        SnpReport.parse(type == EvidenceType.SNP ? bytes : HclReport.parse(bytes).snpReport());
    signedBytes = snp.signedBytes();
    signature = snp.signatureDer();
    vcekKey = collateral.certificates().getFirst().getPublicKey();
    if (!ecdsaP384Verify()) {
      throw new IllegalStateException("the report signature does not verify");
    }
    String used = Signature.getInstance("SHA384withECDSA").getProvider().getName();
    if (provider.equals("accp") != used.equals("AmazonCorrettoCryptoProvider")) {
      throw new IllegalStateException("ECDSA is served by " + used);
    }
  }

  /** Full verification with the VCEK chain already verified and cached. */
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

  /** The report's ECDSA P-384 signature alone. */
  @Benchmark
  public boolean ecdsaP384Verify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA384withECDSA");
    s.initVerify(vcekKey);
    s.update(signedBytes);
    return s.verify(signature);
  }
}
