package io.coffer.bench.ledger;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.note.NoteSignature;
import io.coffer.ledger.note.UnverifiedNote;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying a C2SP checkpoint signed by one Ed25519 key, against the bare signature check it is
 * built on: the JDK's {@code Signature.verify} ("Ed25519") and BouncyCastle's {@code Ed25519Signer}
 * over the same note text and signature.
 *
 * <p>The checkpoint path adds parsing (UTF-8, note, body, base64) and a fresh {@code Signature} per
 * call; its rate should stay close to {@link #jcaEd25519Verify}. The ledger asks the JCA for
 * "Ed25519" without naming a provider, so it runs on whichever provider the application installs
 * first: {@code provider=jdk} leaves the JDK's, {@code provider=accp} installs Amazon Corretto
 * Crypto Provider first (as a long-running service would; it costs about 0.3 s to load, too much
 * for a command-line start). Run on a quiet machine: {@code java -jar bench/target/benchmarks.jar
 * CheckpointVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckpointVerifyBenchmark {

  private static final String ORIGIN = "example.com/coffer-ledger";

  @Param({"jdk", "accp"})
  public String provider;

  private byte[] signedNote;
  private CheckpointVerifier verifier;
  private byte[] text;
  private byte[] signature;
  private PublicKey jdkKey;
  private Ed25519PublicKeyParameters bcKey;

  @Setup
  public void setUp() throws Exception {
    if (provider.equals("accp")) {
      AmazonCorrettoCryptoProvider.install();
      AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
    }
    byte[] seed = new byte[Ed25519Seed.SIZE_BYTES];
    seed[0] = 42;
    Ed25519NoteSigner signer = Ed25519NoteSigner.of(ORIGIN, Ed25519Seed.of(seed));
    TreeHead head = new TreeHead(123_456_789L, TreeHasher.leaf(new byte[] {1, 2, 3}));
    signedNote = new CheckpointSigner(ORIGIN, signer).sign(head);
    verifier = CheckpointVerifier.forLog(ORIGIN, signer.verifier(), List.of());

    UnverifiedNote note = UnverifiedNote.parse(signedNote);
    text = note.textBytes();
    NoteSignature line = note.signatures().get(0);
    signature = line.signature();
    byte[] raw = signer.verifier().publicKey();
    byte[] spki =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.112")), raw)
            .getEncoded();
    jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    bcKey = new Ed25519PublicKeyParameters(raw, 0);
    if (!jcaEd25519Verify() || !bcEd25519Verify()) {
      throw new IllegalStateException("the benchmark signature does not verify");
    }
  }

  /** Parse and verify the whole signed checkpoint. */
  @Benchmark
  public VerifiedCheckpoint checkpointVerify() throws CheckpointException {
    return verifier.verify(signedNote);
  }

  /** The JCA's Ed25519 verification alone (the first provider), on the same text and signature. */
  @Benchmark
  public boolean jcaEd25519Verify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkKey);
    s.update(text);
    return s.verify(signature);
  }

  /** BouncyCastle's Ed25519 verification alone, on the same text and signature. */
  @Benchmark
  public boolean bcEd25519Verify() {
    Ed25519Signer s = new Ed25519Signer();
    s.init(false, bcKey);
    s.update(text, 0, text.length);
    return s.verifySignature(signature);
  }
}
