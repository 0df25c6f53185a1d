package io.coffer.policy.parse;

import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.yaml.YamlNode;
import java.util.Optional;

/** An identity string in a policy, parsed with its problem reported at its node. */
final class IdentityText {

  private IdentityText() {}

  static Optional<Identity> parse(String text, YamlNode node, String path, Problems problems) {
    try {
      return Optional.of(Identity.parse(text));
    } catch (GovernanceException e) {
      problems.add(node, path, e.getMessage());
      return Optional.empty();
    }
  }
}
