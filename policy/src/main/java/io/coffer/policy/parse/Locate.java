package io.coffer.policy.parse;

import io.coffer.policy.yaml.YamlNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the node at a field path ({@code services[0].command[1]}) for a precise position. */
final class Locate {

  private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

  private Locate() {}

  /** The deepest node along {@code path} from {@code root}. */
  static YamlNode node(YamlNode root, String path) {
    YamlNode current = root;
    Matcher m = STEP.matcher(path);
    while (m.find()) {
      YamlNode next = null;
      if (m.group(1) != null && current instanceof YamlNode.Mapping map) {
        next = map.entry(m.group(1)).map(YamlNode.Entry::value).orElse(null);
      } else if (m.group(2) != null && current instanceof YamlNode.Sequence seq) {
        int i = Integer.parseInt(m.group(2));
        next = i < seq.items().size() ? seq.items().get(i) : null;
      }
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }
}
