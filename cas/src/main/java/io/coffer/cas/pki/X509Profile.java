package io.coffer.cas.pki;

import io.coffer.policy.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Turns the settings of an {@code x509} secret into a {@link LeafRequest}. */
final class X509Profile {

  /** The validity of an {@code x509} certificate whose policy does not say. */
  static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

  /** RFC 5280 Appendix A: ub-common-name. */
  static final int MAX_COMMON_NAME = 64;

  private X509Profile() {}

  /**
   * The request for {@code key} under {@code settings}: subject {@code CN=} the settings' common
   * name or {@code defaultCommonName}; the {@code dns:}, {@code ip:} and {@code uri:} names; key
   * purposes from the endpoint (server by default); valid from {@code notBefore} for the settings'
   * duration (90 days by default) but never after {@code latestNotAfter}.
   *
   * @throws IllegalArgumentException naming a setting that cannot be certified
   */
  static LeafRequest request(
      SubjectKey key,
      Secret.X509 settings,
      String defaultCommonName,
      Instant notBefore,
      Instant validFrom,
      Optional<Instant> latestNotAfter) {
    X500Name subject = commonName(settings.commonName().orElse(defaultCommonName));
    Optional<GeneralNames> san =
        settings.san().isEmpty() ? Optional.empty() : Optional.of(names(settings.san()));
    List<KeyPurposeId> purposes =
        switch (settings.endpoint().orElse(Secret.Endpoint.SERVER)) {
          case SERVER -> List.of(KeyPurposeId.id_kp_serverAuth);
          case CLIENT -> List.of(KeyPurposeId.id_kp_clientAuth);
          case BOTH -> List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
        };
    Instant notAfter = validFrom.plus(settings.validFor().orElse(DEFAULT_VALIDITY));
    if (latestNotAfter.isPresent() && notAfter.isAfter(latestNotAfter.get())) {
      notAfter = latestNotAfter.get();
    }
    return new LeafRequest(subject, key, san, purposes, notBefore, notAfter);
  }

  /** {@code CN=<commonName>}, escaped by BouncyCastle, 1 to 64 characters. */
  static X500Name commonName(String commonName) {
    if (commonName.isEmpty() || commonName.length() > MAX_COMMON_NAME) {
      throw new IllegalArgumentException(
          "a common name has 1 to " + MAX_COMMON_NAME + " characters, got " + commonName.length());
    }
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static GeneralNames names(List<String> sans) {
    List<GeneralName> names = new ArrayList<>();
    for (String s : sans) {
      names.add(name(s));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static GeneralName name(String san) {
    if (san.startsWith("dns:")) {
      return new GeneralName(GeneralName.dNSName, ia5(san, san.substring(4)));
    }
    if (san.startsWith("uri:")) {
      return new GeneralName(GeneralName.uniformResourceIdentifier, ia5(san, san.substring(4)));
    }
    if (san.startsWith("ip:")) {
      try {
        return new GeneralName(GeneralName.iPAddress, san.substring(3));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("san '" + san + "': not an IP address", e);
      }
    }
    throw new IllegalArgumentException("san '" + san + "' must start with dns:, ip: or uri:");
  }

  /** DNS names and URIs are IA5Strings (RFC 5280 §4.2.1.6): ASCII, nothing else. */
  private static String ia5(String san, String value) {
    if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "san '" + san + "': must be non-empty printable ASCII without spaces (an IA5String)");
    }
    return value;
  }
}
