package io.coffer.ledger.tiles;

import io.coffer.ledger.tiles.TilesException.Reason;

/**
 * The {@code <N>[.p/<W>]} part of a C2SP tlog-tiles path (tlog-tiles.md, "Merkle Tree"), shared by
 * hash tiles and entry bundles, and the {@code <L>} level element.
 *
 * <p>{@code <N>} is written in zero-padded 3-digit elements, all but the last prefixed with {@code
 * x}: 1234067 is {@code x001/x234/067}. {@code <W>} and {@code <L>} are decimal without leading
 * zeroes. Parsing is stricter than the spec's wording in one way: the index must be canonical (no
 * leading {@code x000} element), so that every tile has exactly one path.
 */
final class TileIndexPath {

  /** A parsed {@code <N>[.p/<W>]}; width 256 means a full tile (no suffix). */
  record Parsed(long index, int width) {}

  /** The most index elements a 63-bit index needs (9,223,372,036,854,775,807: 19 digits). */
  private static final int MAX_ELEMENTS = 7;

  private TileIndexPath() {}

  /** {@code <N>}, and {@code .p/<W>} if {@code width} is below 256. */
  static String encode(long index, int width) {
    if (index < 0) {
      throw new IllegalArgumentException("a tile index must not be negative: " + index);
    }
    if (width < 1 || width > TileId.FULL_WIDTH) {
      throw new IllegalArgumentException("a tile width is 1..256, got " + width);
    }
    StringBuilder out = new StringBuilder(threeDigits(index % 1000));
    for (long rest = index / 1000; rest > 0; rest /= 1000) {
      out.insert(0, "x" + threeDigits(rest % 1000) + "/");
    }
    if (width < TileId.FULL_WIDTH) {
      out.append(".p/").append(width);
    }
    return out.toString();
  }

  private static String threeDigits(long group) {
    String digits = Long.toString(group);
    return "000".substring(digits.length()) + digits;
  }

  /** The longest path accepted for parsing; the longest tile path is 47 characters. */
  static final int MAX_PATH_LENGTH = 64;

  /**
   * Checks that {@code path} is short and printable ASCII before any other parsing, so that
   * messages can quote it safely.
   */
  static void checkShape(String path) throws TilesException {
    if (path.length() > MAX_PATH_LENGTH) {
      throw new TilesException(
          Reason.BAD_PATH,
          null,
          "a path of " + path.length() + " characters is longer than any tile path");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new TilesException(
            Reason.BAD_PATH,
            null,
            "a tile path holds only printable ASCII; character " + (i + 1) + " is not");
      }
    }
  }

  /**
   * Parses {@code <L>}: "a decimal ASCII integer between 0 and 63, with no additional leading
   * zeroes".
   */
  static int parseLevel(String level, String path) throws TilesException {
    if (level.isEmpty()) {
      throw bad(path, "the level is empty");
    }
    if (!allDigits(level)) {
      throw bad(path, "the level '" + level + "' is not a decimal integer");
    }
    if (level.length() > 1 && level.charAt(0) == '0') {
      throw bad(path, "the level '" + level + "' has a leading zero");
    }
    if (level.length() > 2 || Integer.parseInt(level) > 63) {
      throw bad(path, "the level " + level + " is not 0..63");
    }
    return Integer.parseInt(level);
  }

  /** Parses {@code <N>[.p/<W>]}; {@code path} is the whole path, for messages. */
  static Parsed parse(String text, String path) throws TilesException {
    String[] elements = text.split("/", -1);
    int count = elements.length;
    int width = TileId.FULL_WIDTH;
    if (count >= 2 && elements[count - 2].endsWith(".p")) {
      width = parseWidth(elements[count - 1], path);
      String last = elements[count - 2];
      elements[count - 2] = last.substring(0, last.length() - 2);
      count--;
    } else if (elements[count - 1].endsWith(".p")) {
      throw bad(path, "'.p' must be followed by '/<W>', the width of the partial tile");
    }
    if (count > MAX_ELEMENTS) {
      throw bad(path, "the index has " + count + " elements; a 63-bit index needs at most 7");
    }
    long index = 0;
    for (int i = 0; i < count; i++) {
      String element = elements[i];
      boolean last = i == count - 1;
      String digits;
      if (last) {
        if (element.startsWith("x")) {
          throw bad(path, "the last index element '" + element + "' must not start with 'x'");
        }
        digits = element;
      } else {
        if (!element.startsWith("x")) {
          throw bad(
              path,
              "index element "
                  + (i + 1)
                  + " ('"
                  + element
                  + "') must start with 'x': all but the last do");
        }
        digits = element.substring(1);
      }
      if (digits.length() != 3 || !allDigits(digits)) {
        throw bad(
            path,
            "index element "
                + (i + 1)
                + " ('"
                + element
                + "') must be 3 digits"
                + (last ? "" : " after 'x'"));
      }
      int group = Integer.parseInt(digits);
      if (i == 0 && count > 1 && group == 0) {
        throw bad(path, "the index starts with 'x000': not canonical");
      }
      try {
        index = Math.addExact(Math.multiplyExact(index, 1000L), group);
      } catch (ArithmeticException e) {
        throw bad(path, "the index is larger than 2^63 - 1");
      }
    }
    return new Parsed(index, width);
  }

  /**
   * {@code <W>}: "a decimal ASCII integer between 1 and 255, with no additional leading zeroes".
   */
  private static int parseWidth(String width, String path) throws TilesException {
    if (width.isEmpty()) {
      throw bad(path, "the partial width after '.p/' is empty");
    }
    if (!allDigits(width)) {
      throw bad(path, "the partial width '" + width + "' is not a decimal integer");
    }
    if (width.charAt(0) == '0') {
      throw bad(path, "the partial width '" + width + "' is 0 or has a leading zero");
    }
    if (width.length() > 3 || Integer.parseInt(width) > 255) {
      throw bad(path, "the partial width " + width + " is not 1..255");
    }
    return Integer.parseInt(width);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static TilesException bad(String path, String message) {
    return new TilesException(Reason.BAD_PATH, path, message);
  }
}
