package io.coffer.attestation.amd;

import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The common name of an AMD certificate's subject or issuer (AMD names every key by its CN). */
final class CommonName {

  private CommonName() {}

  /** The single CN of {@code name}, or empty if it has none, several, or a non-string one. */
  static Optional<String> of(X500Principal name) {
    try {
      RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs(BCStyle.CN);
      if (rdns.length != 1 || rdns[0].isMultiValued()) {
        return Optional.empty();
      }
      return rdns[0].getFirst().getValue() instanceof ASN1String s
          ? Optional.of(s.getString())
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
