package io.coffer.policy.parse;

import io.coffer.policy.model.Security;
import io.coffer.policy.model.Tolerance;
import io.coffer.policy.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code security}: what the services' attestation may fall short of. */
final class SecurityReader {

  private SecurityReader() {}

  static Optional<Security> read(Fields policy, Problems problems) {
    if (policy.value("security").isEmpty()) {
      return Optional.of(Security.DEFAULT);
    }
    Optional<Fields> sec = policy.fields("security", false);
    if (sec.isEmpty()) {
      return Optional.empty();
    }
    Fields f = sec.get();
    int before = problems.size();
    Set<Tolerance> tolerate = new LinkedHashSet<>();
    List<YamlNode> items = f.list("tolerate");
    for (int i = 0; i < items.size(); i++) {
      String path = f.child("tolerate") + "[" + i + "]";
      YamlNode n = items.get(i);
      Fields.text(n, path, problems)
          .ifPresent(t -> {
            Optional<Tolerance> tol = Tolerance.fromYamlName(t);
            if (tol.isEmpty()) {
              problems.add(
                  n,
                  path,
                  "'"
                      + t
                      + "' is not one of simulation, debug, outdated-tcb, sw-hardening-needed,"
                      + " configuration-needed");
            } else if (!tolerate.add(tol.get())) {
              problems.add(n, path, "'" + t + "' is listed twice");
            }
          });
    }
    Set<String> ignore = new LinkedHashSet<>();
    List<YamlNode> advisories = f.list("ignore_advisories");
    for (int i = 0; i < advisories.size(); i++) {
      String path = f.child("ignore_advisories") + "[" + i + "]";
      YamlNode n = advisories.get(i);
      Fields.text(n, path, problems)
          .ifPresent(a -> {
            if (!Security.isAdvisoryId(a)) {
              problems.add(n, path, "'" + a + "' is not an advisory ID such as INTEL-SA-00615");
            } else if (!ignore.add(a)) {
              problems.add(n, path, "'" + a + "' is listed twice");
            }
          });
    }
    f.finish();
    if (problems.size() != before) {
      return Optional.empty();
    }
    return IdentityReader.build(f.node(), f.path(), problems, () -> new Security(tolerate, ignore));
  }
}
