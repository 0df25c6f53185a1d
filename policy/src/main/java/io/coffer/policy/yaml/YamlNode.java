package io.coffer.policy.yaml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML node as the strict reader gives it: scalars stay text (the policy parser gives them a type
 * from the field they are in, so that {@code yes} or {@code 0x10} never change meaning by
 * accident), and every node knows where it starts.
 */
public sealed interface YamlNode {

  /** Where the node starts. */
  Mark mark();

  /** A short name of the node's kind, for messages ("a mapping", "a list", "a scalar"). */
  String kind();

  /**
   * A scalar.
   *
   * @param value its text
   * @param plain whether it was written without quotes (only plain scalars can be null, numbers or
   *     booleans)
   * @param mark where it starts
   */
  record Scalar(String value, boolean plain, Mark mark) implements YamlNode {

    public Scalar {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(mark, "mark");
    }

    /** Whether this is YAML's null: an empty plain scalar, {@code ~} or {@code null}. */
    public boolean isNull() {
      return plain && (value.isEmpty() || value.equals("~") || value.equals("null"));
    }

    @Override
    public String kind() {
      return isNull() ? "null" : "a scalar";
    }
  }

  /**
   * A sequence.
   *
   * @param items its items
   * @param mark where it starts
   */
  record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {

    public Sequence {
      items = List.copyOf(items);
      Objects.requireNonNull(mark, "mark");
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A mapping with scalar keys, in document order, without duplicate keys.
   *
   * @param entries its entries
   * @param mark where it starts
   */
  record Mapping(List<Entry> entries, Mark mark) implements YamlNode {

    public Mapping {
      entries = List.copyOf(entries);
      Objects.requireNonNull(mark, "mark");
    }

    /** The entry for {@code key}. */
    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /**
   * A mapping entry.
   *
   * @param key the key, a scalar
   * @param value the value
   */
  record Entry(Scalar key, YamlNode value) {

    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
