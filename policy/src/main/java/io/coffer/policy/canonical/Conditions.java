package io.coffer.policy.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.policy.governance.Rule;
import io.coffer.policy.model.Bytes32;
import io.coffer.policy.model.FixedBytes;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.ServiceIdentity;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SimulationCondition;
import io.coffer.policy.model.SnpCondition;
import io.coffer.policy.model.TdxCondition;
import io.coffer.policy.model.Tolerance;
import java.util.Optional;
import java.util.OptionalInt;

/** The JSON of rules, service identities and security settings, for the canonical form. */
final class Conditions {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Conditions() {}

  static JsonNode rule(Rule rule) {
    return RuleJson.of(rule);
  }

  static ArrayNode identity(ServiceIdentity identity) {
    ArrayNode a = F.arrayNode();
    for (PlatformCondition c : identity.alternatives()) {
      ObjectNode alt = a.addObject();
      alt.set(c.yamlName(), condition(c));
    }
    return a;
  }

  private static ObjectNode condition(PlatformCondition c) {
    ObjectNode o = F.objectNode();
    switch (c) {
      case SgxCondition s -> {
        ArrayNode list = o.putArray("mrenclave");
        s.mrenclave().stream().map(Bytes32::hex).sorted().distinct().forEach(list::add);
        bytes(o, "mrsigner", s.mrsigner());
        number(o, "isvprodid", s.isvprodid());
        number(o, "isvsvn_min", s.isvsvnMin());
        number(o, "isvsvn_max", s.isvsvnMax());
      }
      case TdxCondition t -> {
        bytes(o, "mrtd", t.mrtd());
        bytes(o, "rtmr0", t.rtmr0());
        bytes(o, "rtmr1", t.rtmr1());
        bytes(o, "rtmr2", t.rtmr2());
        bytes(o, "rtmr3", t.rtmr3());
        bytes(o, "mrconfigid", t.mrconfigid());
        bytes(o, "tee_tcb_svn_min", t.teeTcbSvnMin());
      }
      case SnpCondition s -> {
        bytes(o, "measurement", s.measurement());
        bytes(o, "host_data", s.hostData());
        bytes(o, "id_key_digest", s.idKeyDigest());
        bytes(o, "author_key_digest", s.authorKeyDigest());
        s.minTcb()
            .ifPresent(t -> {
              ObjectNode tcb = o.putObject("min_tcb");
              tcb.put("bootloader", t.bootloader());
              tcb.put("tee", t.tee());
              tcb.put("snp", t.snp());
              tcb.put("microcode", t.microcode());
              number(tcb, "fmc", t.fmc());
            });
        number(o, "vmpl_max", s.vmplMax());
      }
      case SimulationCondition s -> o.put("measurement", s.measurement().hex());
    }
    return o;
  }

  static ObjectNode security(Security security) {
    ObjectNode o = F.objectNode();
    ArrayNode tolerate = o.putArray("tolerate");
    security.tolerate().stream().map(Tolerance::yamlName).sorted().forEach(tolerate::add);
    ArrayNode ignore = o.putArray("ignore_advisories");
    security.ignoreAdvisories().stream().sorted().forEach(ignore::add);
    return o;
  }

  private static void bytes(ObjectNode o, String key, Optional<? extends FixedBytes> value) {
    value.ifPresent(v -> o.put(key, v.hex()));
  }

  private static void number(ObjectNode o, String key, OptionalInt value) {
    value.ifPresent(v -> o.put(key, v));
  }
}
