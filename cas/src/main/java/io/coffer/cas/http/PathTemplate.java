package io.coffer.cas.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A route's path as OpenAPI writes it ({@code /v1/policies/{name}/history}), matched against the
 * raw request path segment by segment.
 *
 * <p>A parameter matches exactly one non-empty segment, percent-decoded (RFC 3986 §2.1) as strict
 * UTF-8: a policy name holding {@code /} is sent with {@code %2F}, so that a name ending in {@code
 * /history} can never be confused with the history route. The last parameter may instead take the
 * rest of the path ({@code {path*}}, for tile paths); it is then given raw, and must hold nothing
 * but unreserved characters and {@code /}.
 */
final class PathTemplate {

  private static final Pattern PARAMETER = Pattern.compile("\\{([a-z][A-Za-z0-9]*)(\\*?)}");
  private static final Pattern LITERAL = Pattern.compile("[a-z0-9.-]+");
  private static final Pattern REST = Pattern.compile("[A-Za-z0-9._~/-]+");

  /** The longest raw path matched. */
  static final int MAX_PATH_CHARS = 2048;

  private record Segment(String literal, String parameter, boolean rest) {}

  private final String text;
  private final List<Segment> segments;

  private PathTemplate(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Parses a template; a programming error if it is malformed. */
  static PathTemplate of(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a template starts with /: " + template);
    }
    List<Segment> segments = new ArrayList<>();
    String[] parts = template.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      var m = PARAMETER.matcher(parts[i]);
      if (m.matches()) {
        boolean rest = !m.group(2).isEmpty();
        if (rest && i != parts.length - 1) {
          throw new IllegalArgumentException("only the last parameter takes the rest: " + template);
        }
        segments.add(new Segment(null, m.group(1), rest));
      } else if (LITERAL.matcher(parts[i]).matches()) {
        segments.add(new Segment(parts[i], null, false));
      } else {
        throw new IllegalArgumentException("bad template segment " + parts[i] + ": " + template);
      }
    }
    return new PathTemplate(template, List.copyOf(segments));
  }

  /** The template as OpenAPI writes it: {@code {path*}} becomes {@code {path}}. */
  String openApiPath() {
    return text.replace("*}", "}");
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * The parameters, if {@code rawPath} matches.
   *
   * @throws ApiProblem {@code bad-request} for a parameter that is not valid percent-encoded UTF-8
   */
  Optional<Map<String, String>> match(String rawPath) throws ApiProblem {
    if (!rawPath.startsWith("/") || rawPath.length() > MAX_PATH_CHARS) {
      return Optional.empty();
    }
    String[] parts = rawPath.substring(1).split("/", -1);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (i >= parts.length) {
        return Optional.empty();
      }
      if (s.rest()) {
        String rest = String.join("/", List.of(parts).subList(i, parts.length));
        if (!REST.matcher(rest).matches()) {
          return Optional.empty();
        }
        params.put(s.parameter(), rest);
        return Optional.of(params);
      }
      if (s.literal() != null) {
        if (!s.literal().equals(parts[i])) {
          return Optional.empty();
        }
      } else {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(s.parameter(), decode(parts[i], s.parameter()));
      }
    }
    return parts.length == segments.size() ? Optional.of(params) : Optional.empty();
  }

  /** Strict percent-decoding of one segment (RFC 3986 §2.1), as UTF-8. */
  static String decode(String segment, String parameter) throws ApiProblem {
    ByteBuffer bytes = ByteBuffer.allocate(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw badEncoding(parameter);
        }
        try {
          bytes.put((byte) HexFormat.fromHexDigits(segment, i + 1, i + 3));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          throw badEncoding(parameter);
        }
        i += 2;
      } else if (c > 0x7e || c < 0x21) {
        throw badEncoding(parameter);
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw badEncoding(parameter);
    }
  }

  private static ApiProblem badEncoding(String parameter) {
    return ApiProblem.badRequest(
        "path parameter " + parameter + ": not valid percent-encoded UTF-8 (RFC 3986 §2.1)", null);
  }
}
