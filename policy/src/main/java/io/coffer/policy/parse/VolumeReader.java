package io.coffer.policy.parse;

import io.coffer.policy.model.Export;
import io.coffer.policy.model.PolicyName;
import io.coffer.policy.model.Volume;
import java.util.List;
import java.util.Optional;

/** Reads {@code volumes[i]}. */
final class VolumeReader {

  private VolumeReader() {}

  static Optional<Volume> read(Fields f, Problems problems) {
    Optional<String> name = f.localName("name", true);
    List<Export> export = SecretReader.exports(f, "export", problems);
    Optional<Fields> importFields = f.fields("import", false);
    Optional<Volume.VolumeImport> importFrom = Optional.empty();
    if (importFields.isPresent()) {
      Fields i = importFields.get();
      Optional<PolicyName> policy = SecretReader.policyName(i, "policy", problems);
      Optional<String> volume = i.localName("volume", true);
      i.finish();
      if (policy.isPresent() && volume.isPresent()) {
        importFrom = Optional.of(new Volume.VolumeImport(policy.get(), volume.get()));
      }
      if (!export.isEmpty()) {
        problems.add(
            f.at("export"), f.child("export"), "an imported volume cannot be exported again");
      }
    }
    f.finish();
    Optional<Volume.VolumeImport> from = importFrom;
    return name.map(n -> new Volume(n, export, from));
  }
}
