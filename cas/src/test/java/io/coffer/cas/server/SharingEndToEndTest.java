package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.events.CasEvent;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cas.http.TestTls;
import io.coffer.policy.governance.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Export and import of secrets and volumes between two policies, end to end (issue 7, "Secrets and
 * PKI"; docs/policy.md, {@code export} and {@code import}): a secret or volume crosses only when
 * the exporting policy exports it to the importing one (and, when given, to that policy hash and
 * those services) and the importing policy imports it (and, when given, from that policy hash),
 * both as they are now.
 *
 * <p>The exporter, alice's policy, has one service {@code app}; the importer, bob's, has {@code
 * reader} and {@code other}. The shared item is a secret (the command's second argument) or a
 * volume (its key).
 */
class SharingEndToEndTest {

  @TempDir static Path dir;

  private static final ClientIdentity ALICE = TestTls.identity(Identity.Type.ED25519, "alice");
  private static final ClientIdentity BOB = TestTls.identity(Identity.Type.P256, "bob");
  private static final ClientIdentity CAROL = TestTls.identity(Identity.Type.ED25519, "carol");
  private static final byte[] APP = LoopbackCas.measurement(11);
  private static final byte[] READER = LoopbackCas.measurement(12);
  private static final byte[] OTHER = LoopbackCas.measurement(13);
  private static final byte[] SQUATTER = LoopbackCas.measurement(14);
  private static final String UNKNOWN_HASH = "ab".repeat(32);
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static LoopbackCas cas;

  /** What is shared. */
  enum Item {
    SECRET,
    VOLUME
  }

  @BeforeAll
  static void start() throws Exception {
    cas = LoopbackCas.start(dir);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  /** A pair of policy names, fresh for each test. */
  private record Names(String exporter, String importer) {
    static Names fresh() {
      int n = NAMES.incrementAndGet();
      return new Names("share" + n + "/exporter", "share" + n + "/importer");
    }
  }

  /** An {@code export} list with one entry; {@code hash} and {@code services} when given. */
  private static String exportTo(String policy, Optional<String> hash, List<String> services) {
    return "    export:\n      - policy: "
        + policy
        + "\n"
        + hash.map(h -> "        policy_hash: " + h + "\n").orElse("")
        + (services.isEmpty() ? "" : "        services: [" + String.join(", ", services) + "]\n");
  }

  private static String exportTo(String policy) {
    return exportTo(policy, Optional.empty(), List.of());
  }

  private static String exporter(String name, Item item, String export) {
    return "name: "
        + name
        + "\nversion: 1\nservices:\n"
        + "  - name: app\n"
        + identity(APP)
        + "    command: [/bin/app, $$COFFER:shared$$]\n"
        + "    volumes:\n"
        + "      - name: vol\n        path: /data\n        mode: rw\n"
        + "secrets:\n"
        + "  - name: shared\n    kind: ascii\n    size: 24\n"
        + (item == Item.SECRET ? export : "")
        + "volumes:\n"
        + "  - name: vol\n"
        + (item == Item.VOLUME ? export : "")
        + "security:\n  tolerate: [simulation]\n";
  }

  /**
   * The importing policy: {@code reader} and {@code other} use {@code theirs} (a secret) and mount
   * {@code theirs-vol}. Whichever of them is {@code item} is imported from {@code from} when {@code
   * imports}, pinned to {@code pin} when given; the rest is the policy's own.
   */
  private static String importer(
      String name, Item item, boolean imports, String from, Optional<String> pin, byte[] reader) {
    boolean secret = imports && item == Item.SECRET;
    boolean volume = imports && item == Item.VOLUME;
    return "name: "
        + name
        + "\nversion: 1\nservices:\n"
        + service("reader", reader)
        + service("other", OTHER)
        + "secrets:\n"
        + "  - name: theirs\n    kind: ascii\n"
        + (secret
            ? "    import:\n      policy: "
                + from
                + "\n      secret: shared\n"
                + pin.map(h -> "      policy_hash: " + h + "\n").orElse("")
            : "    size: 24\n")
        + "volumes:\n"
        + "  - name: theirs-vol\n"
        + (volume ? "    import:\n      policy: " + from + "\n      volume: vol\n" : "")
        + "security:\n  tolerate: [simulation]\n";
  }

  private static String importer(String name, Item item, String from) {
    return importer(name, item, true, from, Optional.empty(), READER);
  }

  private static String service(String name, byte[] measurement) {
    return "  - name: "
        + name
        + "\n"
        + identity(measurement)
        + "    command: [/bin/"
        + name
        + ", $$COFFER:theirs$$]\n"
        + "    volumes:\n"
        + "      - name: theirs-vol\n        path: /shared\n        mode: rw\n";
  }

  private static String identity(byte[] measurement) {
    return "    identity:\n      - simulation:\n          measurement: "
        + LoopbackCas.hex(measurement)
        + "\n";
  }

  private static JsonNode config(AttestedWorkload w) throws Exception {
    return new ObjectMapper().readTree(w.configuration());
  }

  /** The shared item as a workload received it: the secret's value or the volume's key. */
  private static String value(AttestedWorkload w, Item item) throws Exception {
    JsonNode c = config(w);
    return item == Item.SECRET ? c.at("/command/1").asText() : c.at("/volumes/0/key").asText();
  }

  private static AttestedWorkload exporterApp(Names n) throws Exception {
    return cas.attest(n.exporter(), "app", APP);
  }

  private static List<String> refusal(String policy, String service, byte[] measurement) {
    try {
      cas.attest(policy, service, measurement);
    } catch (CasClientException e) {
      assertThat(e.slug()).isEqualTo("attestation-failed");
      return e.reasons();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(policy + "/" + service + " was admitted");
  }

  private static void assertShared(Names n, Item item, String service, byte[] measurement)
      throws Exception {
    AttestedWorkload app = exporterApp(n);
    AttestedWorkload reader = cas.attest(n.importer(), service, measurement);
    assertThat(value(reader, item)).isNotEmpty().isEqualTo(value(app, item));
  }

  private static void assertUnavailable(Names n, String service, byte[] measurement) {
    assertThat(refusal(n.importer(), service, measurement)).containsExactly("secret-unavailable");
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exportedAndImported_isReleased_withTheExportersValue(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), item, exportTo(n.importer())));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));

    assertShared(n, item, "reader", READER);
    assertShared(n, item, "other", OTHER);
  }

  @Test
  void anExportedSecretReleased_isNamedWithItsSource_neverWithItsValue() throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), Item.SECRET, exportTo(n.importer())));
    cas.create(BOB, importer(n.importer(), Item.SECRET, n.exporter()));
    AttestedWorkload reader = cas.attest(n.importer(), "reader", READER);
    String value = value(reader, Item.SECRET);

    LedgerAudit audit = cas.audit();
    List<SecretReleased> released =
        audit.of(SecretReleased.class).stream()
            .map(LedgerAudit.Indexed::event)
            .filter(e -> e.policy().equals(n.importer()))
            .toList();
    assertThat(released).hasSize(1);
    assertThat(released.get(0).service()).hasValue("reader");
    assertThat(released.get(0).secrets())
        .containsExactly(
            new SecretReleased.Released(
                "theirs", Optional.of(n.exporter()), Optional.of("shared")));
    for (CasEvent e : audit.events()) {
      assertThat(new String(EventCodec.encode(e), StandardCharsets.UTF_8)).doesNotContain(value);
    }
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exportedOnly_theImporterKeepsItsOwn(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), item, exportTo(n.importer())));
    cas.create(BOB, importer(n.importer(), item, false, n.exporter(), Optional.empty(), READER));

    AttestedWorkload reader = cas.attest(n.importer(), "reader", READER);
    assertThat(value(reader, item)).isNotEqualTo(value(exporterApp(n), item));
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void importedOnly_isRefused(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), item, ""));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));

    assertUnavailable(n, "reader", READER);
    assertThat(failures(n.importer()))
        .containsOnly(List.of(AttestationFailed.Reason.SECRET_UNAVAILABLE));
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exportedToAnotherPolicy_isRefused(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), item, exportTo(n.importer() + "-not")));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));

    assertUnavailable(n, "reader", READER);
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exportLimitedToOtherServices_refusesTheRest(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(
        ALICE,
        exporter(n.exporter(), item, exportTo(n.importer(), Optional.empty(), List.of("other"))));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));

    assertUnavailable(n, "reader", READER);
    assertShared(n, item, "other", OTHER);
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exportPinnedToTheImportersHash_releasesOnlyToThatVersion(Item item) throws Exception {
    Names n = Names.fresh();
    String importer = importer(n.importer(), item, n.exporter());
    cas.create(BOB, importer);
    String pinned = LoopbackCas.hash(importer);
    cas.create(
        ALICE,
        exporter(n.exporter(), item, exportTo(n.importer(), Optional.of(pinned), List.of())));
    assertShared(n, item, "reader", READER);

    // The importer's next version has another hash: the pin no longer matches.
    cas.update(BOB, n.importer(), importer);
    assertUnavailable(n, "reader", READER);
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exportPinnedToAnotherHash_isRefused(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(
        ALICE,
        exporter(n.exporter(), item, exportTo(n.importer(), Optional.of(UNKNOWN_HASH), List.of())));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));

    assertUnavailable(n, "reader", READER);
  }

  @Test
  void importPinnedToTheExportersHash_releasesOnlyFromThatVersion() throws Exception {
    Names n = Names.fresh();
    String exporter = exporter(n.exporter(), Item.SECRET, exportTo(n.importer()));
    cas.create(ALICE, exporter);
    cas.create(
        BOB,
        importer(
            n.importer(),
            Item.SECRET,
            true,
            n.exporter(),
            Optional.of(LoopbackCas.hash(exporter)),
            READER));
    assertShared(n, Item.SECRET, "reader", READER);

    // The exporter moves on (still exporting): the importer pinned the version it reviewed.
    cas.update(ALICE, n.exporter(), exporter);
    assertUnavailable(n, "reader", READER);
  }

  @Test
  void importPinnedToAnotherHash_isRefused() throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), Item.SECRET, exportTo(n.importer())));
    cas.create(
        BOB,
        importer(n.importer(), Item.SECRET, true, n.exporter(), Optional.of(UNKNOWN_HASH), READER));

    assertUnavailable(n, "reader", READER);
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void exporterWithdrawing_refusesTheNextAttestation_notTheEarlierOnes(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), item, exportTo(n.importer())));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));
    AttestedWorkload earlier = cas.attest(n.importer(), "reader", READER);
    String shared = value(earlier, item);
    long admittedBefore = admissions(n.importer());

    cas.update(ALICE, n.exporter(), exporter(n.exporter(), item, ""));

    assertUnavailable(n, "reader", READER);
    // The earlier admission stands: its record, its configuration; the exporter keeps its value.
    assertThat(admissions(n.importer())).isEqualTo(admittedBefore).isEqualTo(1);
    assertThat(value(earlier, item)).isEqualTo(shared);
    assertThat(value(exporterApp(n), item)).isEqualTo(shared);
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void importerWithdrawing_receivesItsOwnFromTheNextAttestationOn(Item item) throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), item, exportTo(n.importer())));
    cas.create(BOB, importer(n.importer(), item, n.exporter()));
    AttestedWorkload earlier = cas.attest(n.importer(), "reader", READER);
    String shared = value(earlier, item);

    // Without its import the importer cannot name the exporter's item any more: what it names
    // under the same name is its own.
    cas.update(
        BOB,
        n.importer(),
        importer(n.importer(), item, false, n.exporter(), Optional.empty(), READER));

    AttestedWorkload later = cas.attest(n.importer(), "reader", READER);
    assertThat(value(later, item)).isNotEqualTo(shared);
    assertThat(value(earlier, item)).isEqualTo(shared);
    if (item == Item.SECRET) {
      List<SecretReleased> released =
          cas.audit().of(SecretReleased.class).stream()
              .map(LedgerAudit.Indexed::event)
              .filter(e -> e.policy().equals(n.importer()))
              .toList();
      assertThat(released).hasSize(2);
      assertThat(released.get(1).secrets())
          .containsExactly(
              new SecretReleased.Released("theirs", Optional.empty(), Optional.empty()));
    }
  }

  /**
   * Name squatting: alice exports to a policy name bob has not created yet; carol creates it first,
   * importing the item for a service of her own code. Without a {@code policy_hash} pin the export
   * names only a name, and carol's workload receives alice's item: this is why exports to a policy
   * that may not exist yet must be pinned. With the pin (the hash of the version bob intends to
   * create, computed before it exists) carol's policy has another hash and gets nothing.
   */
  @ParameterizedTest
  @EnumSource(Item.class)
  void nameSquatter_getsTheItemWithoutAPin_andNothingWithOne(Item item) throws Exception {
    Names open = Names.fresh();
    cas.create(ALICE, exporter(open.exporter(), item, exportTo(open.importer())));
    cas.create(
        CAROL, importer(open.importer(), item, true, open.exporter(), Optional.empty(), SQUATTER));
    AttestedWorkload squatter = cas.attest(open.importer(), "reader", SQUATTER);
    assertThat(value(squatter, item)).isEqualTo(value(exporterApp(open), item));

    Names pinned = Names.fresh();
    String intended = importer(pinned.importer(), item, pinned.exporter());
    cas.create(
        ALICE,
        exporter(
            pinned.exporter(),
            item,
            exportTo(pinned.importer(), Optional.of(LoopbackCas.hash(intended)), List.of())));
    cas.create(
        CAROL,
        importer(pinned.importer(), item, true, pinned.exporter(), Optional.empty(), SQUATTER));
    assertUnavailable(pinned, "reader", SQUATTER);
    assertUnavailable(pinned, "other", OTHER);
  }

  @Test
  void aSharedVolume_hasOneTag_movedFromEitherSide() throws Exception {
    Names n = Names.fresh();
    cas.create(ALICE, exporter(n.exporter(), Item.VOLUME, exportTo(n.importer())));
    cas.create(BOB, importer(n.importer(), Item.VOLUME, n.exporter()));
    AttestedWorkload app = exporterApp(n);
    AttestedWorkload reader = cas.attest(n.importer(), "reader", READER);
    String tag1 = "11".repeat(32);
    String tag2 = "22".repeat(32);

    CasClient asApp = cas.as(app.clientIdentity());
    assertThat(asApp.updateVolumeTag(n.exporter(), "vol", Optional.empty(), tag1)).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode readerConfig =
        config(cas.attest(n.importer(), "reader", READER));
    assertThat(readerConfig.at("/volumes/0/tag").asText()).isEqualTo(tag1);
    // Both sides are told where the volume is kept: under the exporter's names.
    assertThat(readerConfig.at("/volumes/0/name").asText()).isEqualTo("theirs-vol");
    assertThat(readerConfig.at("/volumes/0/owner_policy").asText()).isEqualTo(n.exporter());
    assertThat(readerConfig.at("/volumes/0/owner_volume").asText()).isEqualTo("vol");
    assertThat(config(exporterApp(n)).at("/volumes/0/owner_policy").asText())
        .isEqualTo(n.exporter());

    // The importer writes under its own name for the volume; the tag is the exporter's.
    CasClient asReader = cas.as(reader.clientIdentity());
    assertThat(asReader.updateVolumeTag(n.importer(), "theirs-vol", Optional.of(tag1), tag2))
        .isEqualTo(2);
    assertThat(config(exporterApp(n)).at("/volumes/0/tag").asText()).isEqualTo(tag2);
  }

  private static long admissions(String policy) throws Exception {
    return cas.audit().of(io.coffer.cas.events.AttestationSucceeded.class).stream()
        .filter(e -> e.event().policy().equals(policy))
        .count();
  }

  private static List<List<AttestationFailed.Reason>> failures(String policy) throws Exception {
    return cas.audit().of(AttestationFailed.class).stream()
        .map(LedgerAudit.Indexed::event)
        .filter(e -> e.policy().equals(policy))
        .map(AttestationFailed::reasons)
        .toList();
  }
}
