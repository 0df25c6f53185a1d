package io.coffer.policy.yaml;

import io.coffer.policy.PolicyException;
import io.coffer.policy.Problem;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads one YAML document into {@link YamlNode}s, refusing what a policy never needs and an
 * attacker could use: anchors and aliases (exponential "billion laughs" documents), merge keys,
 * explicit tags, duplicate and non-scalar keys, several documents; and bounding the document's size
 * and nesting.
 *
 * <p>It works on SnakeYAML's event stream, so an alias is refused before anything could expand it.
 * Every such problem is reported, with its position; a syntax error ends reading there.
 */
public final class StrictYaml {

  /** The largest document, in characters (1 MiB). */
  public static final int MAX_CHARS = 1 << 20;

  /** The deepest nesting of lists and mappings. */
  public static final int MAX_DEPTH = 32;

  private StrictYaml() {}

  /**
   * The document in {@code text}.
   *
   * @param file the file name for problems
   * @throws PolicyException listing every problem found
   */
  public static YamlNode read(String file, String text) throws PolicyException {
    if (text.length() > MAX_CHARS) {
      throw new PolicyException(
          List.of(
              new Problem(
                  file, 0, 0, "", "the document is larger than " + MAX_CHARS + " characters")));
    }
    List<Problem> problems = new ArrayList<>();
    YamlNode root = null;
    try {
      root = new Builder(file, problems).build(events(text));
    } catch (MarkedYAMLException e) {
      problems.add(syntax(file, e));
    } catch (YAMLException e) {
      problems.add(new Problem(file, 0, 0, "", "not YAML: " + oneLine(e.getMessage())));
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    if (root == null) {
      throw new PolicyException(List.of(new Problem(file, 0, 0, "", "the document is empty")));
    }
    return root;
  }

  private static Iterator<Event> events(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARS * 2);
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(false);
    options.setProcessComments(false);
    return new Yaml(options).parse(new StringReader(text)).iterator();
  }

  private static Problem syntax(String file, MarkedYAMLException e) {
    org.yaml.snakeyaml.error.Mark m =
        e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    String message = "not valid YAML: " + oneLine(problem == null ? "syntax error" : problem);
    if (m == null) {
      return new Problem(file, 0, 0, "", message);
    }
    return new Problem(file, m.getLine() + 1, m.getColumn() + 1, "", message);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /**
   * Why {@code value} cannot be policy text: a control character other than tab, line feed and
   * carriage return, or a lone UTF-16 surrogate (possible through escapes); null when it can.
   */
  static String badCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "text with a lone surrogate (\\u" + Integer.toHexString(c) + ") is not allowed";
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return "control character U+" + String.format("%04X", (int) c) + " is not allowed";
      }
    }
    return null;
  }

  static Mark mark(org.yaml.snakeyaml.error.Mark m) {
    return new Mark(m.getLine() + 1, m.getColumn() + 1);
  }

  /** Builds the tree from events, collecting problems. */
  private static final class Builder {

    private final String file;
    private final List<Problem> problems;
    private final Deque<Frame> open = new ArrayDeque<>();

    Builder(String file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    private void problem(Event e, String message) {
      Mark m = mark(e.getStartMark());
      problems.add(new Problem(file, m.line(), m.column(), "", message));
    }

    YamlNode build(Iterator<Event> events) {
      YamlNode root = null;
      int documents = 0;
      while (events.hasNext()) {
        Event e = events.next();
        switch (e) {
          case DocumentStartEvent d -> {
            documents++;
            if (documents > 1) {
              problem(d, "a policy is one YAML document; this is another one");
              return root;
            }
          }
          case MappingStartEvent m -> root = start(m, root);
          case SequenceStartEvent s -> root = start(s, root);
          case ScalarEvent s -> {
            checkNode(s);
            if (s.getTag() != null) {
              problem(s, "explicit tags (" + s.getTag() + ") are not allowed");
            }
            String bad = badCharacter(s.getValue());
            if (bad != null) {
              problem(s, bad);
            }
            root =
                add(new YamlNode.Scalar(s.getValue(), s.isPlain(), mark(s.getStartMark())), root);
          }
          case AliasEvent a -> {
            problem(a, "aliases (*" + a.getAnchor() + ") are not allowed");
            root = add(new YamlNode.Scalar("", true, mark(a.getStartMark())), root);
          }
          default -> {
            if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
              root = end(e, root);
            }
          }
        }
      }
      return root;
    }

    private void checkNode(NodeEvent e) {
      if (e.getAnchor() != null) {
        problem(e, "anchors (&" + e.getAnchor() + ") are not allowed");
      }
    }

    private YamlNode start(CollectionStartEvent e, YamlNode root) {
      checkNode(e);
      if (!e.getImplicit() && e.getTag() != null) {
        problem(e, "explicit tags (" + e.getTag() + ") are not allowed");
      }
      if (open.size() >= MAX_DEPTH) {
        throw new YAMLException("nested deeper than " + MAX_DEPTH + " levels");
      }
      open.push(
          new Frame(mark(e.getStartMark()), e instanceof MappingStartEvent, new ArrayList<>()));
      return root;
    }

    private YamlNode end(Event e, YamlNode root) {
      Frame frame = open.pop();
      YamlNode node =
          frame.mapping()
              ? mapping(frame.children(), frame.mark())
              : new YamlNode.Sequence(frame.children(), frame.mark());
      return add(node, root);
    }

    private YamlNode mapping(List<YamlNode> children, Mark mark) {
      List<YamlNode.Entry> entries = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i + 1 < children.size(); i += 2) {
        YamlNode key = children.get(i);
        YamlNode value = children.get(i + 1);
        if (!(key instanceof YamlNode.Scalar k) || k.isNull()) {
          problems.add(
              new Problem(
                  file,
                  key.mark().line(),
                  key.mark().column(),
                  "",
                  "keys must be plain text, not " + key.kind()));
          continue;
        }
        if (k.plain() && k.value().equals("<<")) {
          problems.add(
              new Problem(
                  file, k.mark().line(), k.mark().column(), "", "merge keys (<<) are not allowed"));
          continue;
        }
        if (!seen.add(k.value())) {
          problems.add(
              new Problem(
                  file,
                  k.mark().line(),
                  k.mark().column(),
                  "",
                  "duplicate key '" + k.value() + "'"));
          continue;
        }
        entries.add(new YamlNode.Entry(k, value));
      }
      return new YamlNode.Mapping(entries, mark);
    }

    private YamlNode add(YamlNode node, YamlNode root) {
      if (open.isEmpty()) {
        return node;
      }
      open.peek().children().add(node);
      return root;
    }
  }

  /** An open list or mapping: where it starts, what it is, and its children so far. */
  private record Frame(Mark mark, boolean mapping, List<YamlNode> children) {}
}
