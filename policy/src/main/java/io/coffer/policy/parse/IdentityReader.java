package io.coffer.policy.parse;

import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.Bytes32;
import io.coffer.policy.model.Bytes48;
import io.coffer.policy.model.InvalidValueException;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.ServiceIdentity;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SimulationCondition;
import io.coffer.policy.model.SnpCondition;
import io.coffer.policy.model.SnpTcb;
import io.coffer.policy.model.TdxCondition;
import io.coffer.policy.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Reads {@code services[i].identity}: a list of alternatives, each a mapping with exactly one
 * platform key ({@code sgx}, {@code tdx}, {@code snp}, {@code simulation}) whose conditions must
 * all hold.
 */
final class IdentityReader {

  private IdentityReader() {}

  static Optional<ServiceIdentity> read(YamlNode node, String path, Problems problems) {
    if (!(node instanceof YamlNode.Sequence seq)) {
      problems.add(
          node,
          path,
          "must be a list of alternatives (sgx, tdx, snp, simulation), not " + node.kind());
      return Optional.empty();
    }
    if (seq.items().isEmpty()) {
      problems.add(node, path, "needs at least one alternative");
      return Optional.empty();
    }
    if (seq.items().size() > ServiceIdentity.MAX_ALTERNATIVES) {
      problems.add(node, path, "has at most " + ServiceIdentity.MAX_ALTERNATIVES + " alternatives");
      return Optional.empty();
    }
    List<PlatformCondition> alternatives = new ArrayList<>();
    int before = problems.size();
    for (int i = 0; i < seq.items().size(); i++) {
      alternative(seq.items().get(i), path + "[" + i + "]", problems).ifPresent(alternatives::add);
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    return build(node, path, problems, () -> new ServiceIdentity(alternatives));
  }

  private static Optional<PlatformCondition> alternative(
      YamlNode node, String path, Problems problems) {
    if (!(node instanceof YamlNode.Mapping m) || m.entries().size() != 1) {
      problems.add(
          node,
          path,
          "each alternative is a mapping with exactly one of sgx, tdx, snp, simulation");
      return Optional.empty();
    }
    YamlNode.Entry e = m.entries().get(0);
    String platform = e.key().value();
    String p = path + "." + platform;
    Optional<Fields> f = Fields.of(e.value(), p, problems);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    return switch (platform) {
      case "sgx" -> sgx(f.get(), problems);
      case "tdx" -> tdx(f.get(), problems);
      case "snp" -> snp(f.get(), problems);
      case "simulation" -> simulation(f.get(), problems);
      default -> {
        problems.add(e.key(), p, "unknown platform (known: sgx, tdx, snp, simulation)");
        yield Optional.empty();
      }
    };
  }

  private static Optional<PlatformCondition> sgx(Fields f, Problems problems) {
    int before = problems.size();
    List<Bytes32> mrenclave = new ArrayList<>();
    List<YamlNode> items = f.list("mrenclave");
    for (int i = 0; i < items.size(); i++) {
      Fields.hex(items.get(i), f.child("mrenclave") + "[" + i + "]", 32, problems)
          .map(Bytes32::fromHex)
          .ifPresent(mrenclave::add);
    }
    Optional<Bytes32> mrsigner = f.hex("mrsigner", 32, false).map(Bytes32::fromHex);
    OptionalInt isvprodid = f.smallInteger("isvprodid", false, 0, SgxCondition.MAX_U16);
    OptionalInt min = f.smallInteger("isvsvn_min", false, 0, SgxCondition.MAX_U16);
    OptionalInt max = f.smallInteger("isvsvn_max", false, 0, SgxCondition.MAX_U16);
    f.finish();
    if (problems.size() != before) {
      return Optional.empty();
    }
    return build(
        f.node(),
        f.path(),
        problems,
        () -> new SgxCondition(mrenclave, mrsigner, isvprodid, min, max));
  }

  private static Optional<PlatformCondition> tdx(Fields f, Problems problems) {
    int before = problems.size();
    Optional<Bytes48> mrtd = f.hex("mrtd", 48, false).map(Bytes48::fromHex);
    Optional<Bytes48> rtmr0 = f.hex("rtmr0", 48, false).map(Bytes48::fromHex);
    Optional<Bytes48> rtmr1 = f.hex("rtmr1", 48, false).map(Bytes48::fromHex);
    Optional<Bytes48> rtmr2 = f.hex("rtmr2", 48, false).map(Bytes48::fromHex);
    Optional<Bytes48> rtmr3 = f.hex("rtmr3", 48, false).map(Bytes48::fromHex);
    Optional<Bytes48> mrconfigid = f.hex("mrconfigid", 48, false).map(Bytes48::fromHex);
    Optional<Bytes16> svn = f.hex("tee_tcb_svn_min", 16, false).map(Bytes16::fromHex);
    f.finish();
    if (problems.size() != before) {
      return Optional.empty();
    }
    return build(
        f.node(),
        f.path(),
        problems,
        () -> new TdxCondition(mrtd, rtmr0, rtmr1, rtmr2, rtmr3, mrconfigid, svn));
  }

  private static Optional<PlatformCondition> snp(Fields f, Problems problems) {
    int before = problems.size();
    Optional<Bytes48> measurement = f.hex("measurement", 48, false).map(Bytes48::fromHex);
    Optional<Bytes32> hostData = f.hex("host_data", 32, false).map(Bytes32::fromHex);
    Optional<Bytes48> idKey = f.hex("id_key_digest", 48, false).map(Bytes48::fromHex);
    Optional<Bytes48> authorKey = f.hex("author_key_digest", 48, false).map(Bytes48::fromHex);
    Optional<SnpTcb> minTcb = f.fields("min_tcb", false).flatMap(t -> tcb(t, problems));
    OptionalInt vmplMax = f.smallInteger("vmpl_max", false, 0, SnpCondition.MAX_VMPL);
    f.finish();
    if (problems.size() != before) {
      return Optional.empty();
    }
    return build(
        f.node(),
        f.path(),
        problems,
        () -> new SnpCondition(measurement, hostData, idKey, authorKey, minTcb, vmplMax));
  }

  private static Optional<SnpTcb> tcb(Fields t, Problems problems) {
    OptionalInt bootloader = t.smallInteger("bootloader", true, 0, SnpTcb.MAX_SPL);
    OptionalInt tee = t.smallInteger("tee", true, 0, SnpTcb.MAX_SPL);
    OptionalInt snp = t.smallInteger("snp", true, 0, SnpTcb.MAX_SPL);
    OptionalInt microcode = t.smallInteger("microcode", true, 0, SnpTcb.MAX_SPL);
    OptionalInt fmc = t.smallInteger("fmc", false, 0, SnpTcb.MAX_SPL);
    t.finish();
    if (bootloader.isEmpty() || tee.isEmpty() || snp.isEmpty() || microcode.isEmpty()) {
      return Optional.empty();
    }
    return build(
        t.node(),
        t.path(),
        problems,
        () ->
            new SnpTcb(
                bootloader.getAsInt(), tee.getAsInt(), snp.getAsInt(), microcode.getAsInt(), fmc));
  }

  private static Optional<PlatformCondition> simulation(Fields f, Problems problems) {
    Optional<Bytes32> measurement = f.hex("measurement", 32, true).map(Bytes32::fromHex);
    f.finish();
    if (measurement.isEmpty()) {
      return Optional.empty();
    }
    return build(f.node(), f.path(), problems, () -> new SimulationCondition(measurement.get()));
  }

  /** Builds a value whose constructor may refuse it, turning the refusal into a problem. */
  static <T> Optional<T> build(
      YamlNode node, String path, Problems problems, Supplier<? extends T> make) {
    try {
      return Optional.of(make.get());
    } catch (InvalidValueException e) {
      String field = e.field();
      String at =
          field.isEmpty() ? path : field.startsWith("[") ? path + field : path + "." + field;
      problems.add(Locate.node(node, field), at, e.detail());
      return Optional.empty();
    }
  }
}
