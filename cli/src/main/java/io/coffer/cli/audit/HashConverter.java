package io.coffer.cli.audit;

import io.coffer.ledger.merkle.Hash;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a hash given on the command line as 64 hex digits or 44 base64 characters. */
final class HashConverter implements ITypeConverter<Hash> {

  @Override
  public Hash convert(String value) {
    try {
      return Hash.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
