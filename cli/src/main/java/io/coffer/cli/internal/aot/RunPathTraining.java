package io.coffer.cli.internal.aot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.attest.WorkloadKey;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.provision.ConfigurationJwe;
import io.coffer.cli.attest.TeeChoice;
import io.coffer.cli.attest.TeeInterfaces;
import io.coffer.cli.attest.WorkloadSource;
import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.Tag;
import io.coffer.fsshield.TreeKey;
import io.coffer.runtime.ConfidentialRun;
import io.coffer.runtime.RunOptions;
import io.coffer.runtime.RunOutcome;
import io.coffer.runtime.StepListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The part of the training run that follows {@code coffer run} up to the start of its program, so
 * that the classes of that path are in the ahead-of-time cache: simulated evidence of a measured
 * directory, an ephemeral P-256 workload key, the configuration JWE opened with it, an HTTPS
 * request through the CAS client to a TLS 1.3 server on loopback, and a {@link ConfidentialRun} of
 * {@code /bin/true} with a small protected image tree sealed for it.
 *
 * <p>Everything happens in a temporary directory, deleted at the end; nothing leaves the machine.
 * The keys made here are thrown away. Any step that fails only ends the training early: a cache
 * with fewer classes is still correct.
 */
final class RunPathTraining {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunPathTraining() {}

  /** Runs the training in the system's temporary directory; never throws. */
  static void run() {
    run(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Runs the training in a new directory under {@code parent}, deleted at the end; never throws.
   */
  static void run(Path parent) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory(parent, "coffer-aot-");
      train(dir);
    } catch (Exception | LinkageError e) {
      // A partial training makes a smaller cache, nothing worse.
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  /**
   * The training in {@code dir}, which it leaves as it is; returns what the run of the program
   * gave.
   */
  static RunOutcome train(Path dir) throws Exception {
    Path platformKey = dir.resolve("platform.pem");
    SimulatedPlatform.loadOrCreate(platformKey);
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("program"), "the program", StandardCharsets.UTF_8);
    EvidenceSource source =
        new WorkloadSource(
                new TeeInterfaces(dir.resolve("no-configfs-tsm"), dir.resolve("no-gramine")),
                TeeChoice.AUTO,
                List.of(app),
                platformKey,
                Clock.systemUTC())
            .select();

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair workload = generator.generateKeyPair();
    byte[] nonce = new byte[32];
    new SecureRandom().nextBytes(nonce);
    source.collect(WorkloadKey.reportData(nonce, workload.getPublic().getEncoded()));

    request(
        CasKeys.generate("coffer.aot/log", List.of(), InstantSource.system(), new SecureRandom()));

    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("lib"));
    byte[] part = new byte[SealOptions.DEFAULT_SEGMENT_BYTES * 2 + 100];
    new SecureRandom().nextBytes(part);
    Files.write(tree.resolve("lib/part.bin"), part);
    Files.writeString(tree.resolve("README"), "a file", StandardCharsets.UTF_8);
    TreeKey treeKey = TreeKey.generate();
    Path sealed = dir.resolve("sealed");
    Tag tag = FsShield.seal(tree, sealed, treeKey, SealOptions.defaults()).tag();

    String jwe =
        ConfigurationJwe.encrypt(
            configuration(treeKey, tag, dir.resolve("work")), workload.getPublic());
    byte[] configuration = ConfigurationJwe.decrypt(jwe, workload.getPrivate());
    return ConfidentialRun.run(
        configuration,
        new RunOptions(
            List.of(), Map.of(), dir.resolve("work"), Optional.of(sealed), Optional.empty()),
        (volume, expectedOld, next) -> {},
        StepListener.none());
  }

  /** A configuration document (docs/protocol.md) that runs {@code /bin/true} in the image tree. */
  private static byte[] configuration(TreeKey key, Tag tag, Path work) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("policy", "coffer/aot");
    root.put("policy_hash", "00".repeat(32));
    root.put("service", "training");
    root.putArray("command").add("/bin/true");
    root.putObject("environment").put("MODE", "training");
    root.put("pwd", work.resolve("lib").toString());
    root.putArray("files");
    root.putArray("allow_host_args");
    root.putArray("allow_host_env");
    root.putArray("volumes");
    ObjectNode image = root.putObject("fs_shield");
    image.put("key", Base64.getEncoder().encodeToString(key.bytes()));
    image.put("tag", tag.hex());
    ObjectNode tls = root.putObject("tls");
    tls.put("spiffe_id", "spiffe://coffer.aot/training");
    tls.putArray("certificate_chain");
    tls.putArray("ca_bundle");
    root.put("attestation_result", "a.b.c");
    root.putArray("secret_bearing").add("/fs_shield/key");
    return JSON.writeValueAsBytes(root);
  }

  /**
   * One request of the CAS client, pinned to {@code keys}' TLS key, to a TLS 1.3 server on loopback
   * that answers every request with a problem document.
   */
  private static void request(CasKeys keys) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = new char[0];
    store.setKeyEntry(
        "tls", keys.tlsPrivateKey(), password, new Certificate[] {keys.tlsCertificate()});
    KeyManagerFactory managers = KeyManagerFactory.getInstance("PKIX");
    managers.init(store, password);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(managers.getKeyManagers(), null, new SecureRandom());
    try (SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setEnabledProtocols(new String[] {"TLSv1.3"});
      Thread answering = Thread.ofPlatform().daemon().start(() -> answer(server));
      CasClient client =
          CasClient.pinned(
              URI.create("https://127.0.0.1:" + server.getLocalPort()),
              keys.tlsPublicKey(),
              Optional.empty());
      try {
        client.challenge("coffer/aot", "training");
      } catch (CasClientException expected) {
        // The problem document the server answers with.
      }
      answering.join(5_000);
    }
  }

  private static void answer(SSLServerSocket server) {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      while (matched < end.length) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
      }
      byte[] body =
          ("{\"type\":\"https://coffer.io/problems/not-found\",\"title\":\"Not Found\","
                  + "\"status\":404,\"detail\":\"training\"}")
              .getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // The client gives up; the training goes on.
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory left behind.
    }
  }
}
