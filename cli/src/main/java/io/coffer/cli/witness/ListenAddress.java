package io.coffer.cli.witness;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parses {@code HOST:PORT} ({@code [v6]:PORT} for IPv6 literals) into a socket address. */
public final class ListenAddress {

  private ListenAddress() {}

  /**
   * The address {@code text} names.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static InetSocketAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, got \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("write an IPv6 address in brackets: [" + host + "]:PORT");
    }
    String digits = text.substring(colon + 1);
    if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("the port \"" + digits + "\" is not a number 0..65535");
    }
    int port = Integer.parseInt(digits);
    if (port > 65_535) {
      throw new IllegalArgumentException("the port " + port + " is not a number 0..65535");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host \"" + host + "\"", e);
    }
  }
}
