package io.coffer.policy.parse;

import io.coffer.policy.Problem;
import io.coffer.policy.yaml.Mark;
import io.coffer.policy.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one policy file, collected so that all of them are reported at once. */
final class Problems {

  private final String file;
  private final List<Problem> found = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(Mark at, String path, String message) {
    found.add(new Problem(file, at.line(), at.column(), path, message));
  }

  void add(YamlNode at, String path, String message) {
    add(at.mark(), path, message);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  int size() {
    return found.size();
  }

  /** In document order (line, column), then in the order found. */
  List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(found);
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return out;
  }
}
