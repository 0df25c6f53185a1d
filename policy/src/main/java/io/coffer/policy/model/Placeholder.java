package io.coffer.policy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret placeholder {@code $$COFFER:<secret>[:<format>]$$} in a service's command, environment
 * value or file content. The parser checks that every one names a secret of the policy and a format
 * of its kind ({@link Secret.Kind#formats()}).
 *
 * @param secret the secret's name
 * @param format the format, if given (the kind's default otherwise)
 */
public record Placeholder(String secret, Optional<String> format) {

  /** A placeholder; name and format are checked separately for precise messages. */
  public static final Pattern PATTERN = Pattern.compile("\\$\\$COFFER:([^$:]*)(?::([^$]*))?\\$\\$");

  public Placeholder {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(format, "format");
  }

  /** The placeholders in {@code text}, in order. */
  public static List<Placeholder> in(String text) {
    List<Placeholder> uses = new ArrayList<>();
    Matcher m = PATTERN.matcher(text);
    while (m.find()) {
      uses.add(new Placeholder(m.group(1), Optional.ofNullable(m.group(2))));
    }
    return uses;
  }
}
