package io.coffer.policy.canonical;

import io.coffer.policy.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Writes a YAML tree back as text in randomly chosen but equivalent ways: key order, block or flow
 * collections, plain, single- or double-quoted scalars where each is safe, and comments.
 */
final class YamlRewriter {

  private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./=+-]*");
  private static final Pattern KEEP_PLAIN = Pattern.compile("-?[0-9]+|true|false");

  private final Random random;

  YamlRewriter(long seed) {
    this.random = new Random(seed);
  }

  String write(YamlNode root) {
    StringBuilder out = new StringBuilder();
    if (random.nextBoolean()) {
      out.append("# rewritten\n");
    }
    block(root, 0, out);
    return out.toString();
  }

  private void block(YamlNode node, int indent, StringBuilder out) {
    switch (node) {
      case YamlNode.Mapping m when !m.entries().isEmpty() && random.nextInt(4) != 0 -> {
        for (YamlNode.Entry e : shuffled(m.entries())) {
          pad(out, indent);
          out.append(scalar(e.key())).append(":");
          if (isCollection(e.value()) && !isEmpty(e.value())) {
            out.append(random.nextInt(5) == 0 ? " # note\n" : "\n");
            block(e.value(), indent + 2, out);
          } else {
            out.append(' ').append(flow(e.value())).append('\n');
          }
        }
      }
      case YamlNode.Sequence s when !s.items().isEmpty() && random.nextInt(4) != 0 -> {
        for (YamlNode item : s.items()) {
          pad(out, indent);
          out.append("-");
          if (isCollection(item) && !isEmpty(item)) {
            out.append('\n');
            block(item, indent + 2, out);
          } else {
            out.append(' ').append(flow(item)).append('\n');
          }
        }
      }
      default -> {
        pad(out, indent);
        out.append(flow(node)).append('\n');
      }
    }
  }

  private String flow(YamlNode node) {
    return switch (node) {
      case YamlNode.Scalar s -> scalar(s);
      case YamlNode.Sequence s -> {
        List<String> parts = new ArrayList<>();
        for (YamlNode item : s.items()) {
          parts.add(flow(item));
        }
        yield "[" + String.join(random.nextBoolean() ? ", " : ",", parts) + "]";
      }
      case YamlNode.Mapping m -> {
        List<String> parts = new ArrayList<>();
        for (YamlNode.Entry e : shuffled(m.entries())) {
          parts.add(scalar(e.key()) + ": " + flow(e.value()));
        }
        yield "{" + String.join(", ", parts) + "}";
      }
    };
  }

  private String scalar(YamlNode.Scalar s) {
    String v = s.value();
    if (s.plain() && (KEEP_PLAIN.matcher(v).matches() || s.isNull())) {
      return v;
    }
    int choice = random.nextInt(3);
    if (choice == 0 && SAFE_PLAIN.matcher(v).matches() && !isSpecial(v)) {
      return v;
    }
    if (choice == 1 && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return "'" + v.replace("'", "''") + "'";
    }
    return doubleQuoted(v);
  }

  private static boolean isSpecial(String v) {
    return KEEP_PLAIN.matcher(v).matches()
        || v.equals("null")
        || v.equals("~")
        || v.equalsIgnoreCase("yes")
        || v.equalsIgnoreCase("no")
        || v.equalsIgnoreCase("on")
        || v.equalsIgnoreCase("off")
        || v.matches("[0-9._+-].*");
  }

  private static String doubleQuoted(String v) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    java.util.Collections.shuffle(copy, random);
    return copy;
  }

  private static boolean isCollection(YamlNode n) {
    return n instanceof YamlNode.Mapping || n instanceof YamlNode.Sequence;
  }

  private static boolean isEmpty(YamlNode n) {
    return n instanceof YamlNode.Mapping m
        ? m.entries().isEmpty()
        : n instanceof YamlNode.Sequence s && s.items().isEmpty();
  }

  private static void pad(StringBuilder out, int indent) {
    out.append(" ".repeat(indent));
  }
}
