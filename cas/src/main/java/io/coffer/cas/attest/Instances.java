package io.coffer.cas.attest;

import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.cas.service.CasException;
import io.coffer.cas.vault.SecretVault;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises the certificates this CAS issued to admitted workloads, when a workload presents one
 * as its TLS client certificate: one URI SAN {@code spiffe://<trust domain>/<policy>/<service>} of
 * this CAS's trust domain, not a CA, valid now, signed by the workload CA of that policy. (The TLS
 * handshake has proved that the client holds the certificate's key.)
 *
 * <p>Not protected against: a workload key stolen from a TEE, until its certificate expires
 * (certificates are short-lived for this reason).
 */
public final class Instances {

  private static final int CACHE_ENTRIES = 4096;

  private final SecretVault vault;
  private final String trustDomain;
  private final InstantSource clock;
  private final Map<ByteBuffer, Instance> verified =
      new LinkedHashMap<>(CACHE_ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Instance> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  public Instances(SecretVault vault, String trustDomain, InstantSource clock) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.trustDomain = Objects.requireNonNull(trustDomain, "trustDomain");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An admitted workload.
   *
   * @param policy its policy
   * @param service its service
   * @param serial its certificate's serial number, lower-case hex
   */
  public record Instance(String policy, String service, String serial) {
    public Instance {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(serial, "serial");
    }
  }

  /** The workload {@code certificate} was issued to; empty if it is not one of ours, or expired. */
  public Optional<Instance> of(X509Certificate certificate) throws CasException {
    try {
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (CertificateException e) {
      return Optional.empty();
    }
    ByteBuffer der;
    try {
      der = ByteBuffer.wrap(certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
    synchronized (verified) {
      Instance known = verified.get(der);
      if (known != null) {
        return Optional.of(known);
      }
    }
    Optional<Instance> found = check(certificate);
    if (found.isPresent()) {
      synchronized (verified) {
        verified.put(der, found.get());
      }
    }
    return found;
  }

  private Optional<Instance> check(X509Certificate certificate) throws CasException {
    if (certificate.getBasicConstraints() != -1) {
      return Optional.empty();
    }
    Optional<List<String>> path = spiffePath(certificate);
    if (path.isEmpty() || path.get().size() < 2) {
      return Optional.empty();
    }
    List<String> segments = path.get();
    String policy = String.join("/", segments.subList(0, segments.size() - 1));
    String service = segments.get(segments.size() - 1);
    Optional<CertificateAuthority> ca = vault.existingPolicyCa(policy);
    if (ca.isEmpty()) {
      return Optional.empty();
    }
    try {
      certificate.verify(ca.get().publicKey());
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
    if (!certificate
        .getIssuerX500Principal()
        .equals(ca.get().certificate().getSubjectX500Principal())) {
      return Optional.empty();
    }
    return Optional.of(new Instance(policy, service, certificate.getSerialNumber().toString(16)));
  }

  /** The path segments of the one SPIFFE URI SAN of this trust domain; empty otherwise. */
  private Optional<List<String>> spiffePath(X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateException e) {
      return Optional.empty();
    }
    if (names == null) {
      return Optional.empty();
    }
    List<String> uris = new ArrayList<>();
    for (List<?> name : names) {
      if (name.size() == 2 && Integer.valueOf(6).equals(name.get(0))) {
        uris.add(String.valueOf(name.get(1)));
      }
    }
    if (uris.size() != 1) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(uris.get(0));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"spiffe".equals(uri.getScheme())
        || !trustDomain.equals(uri.getRawAuthority())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawPath() == null
        || !uri.getRawPath().startsWith("/")) {
      return Optional.empty();
    }
    List<String> segments = Arrays.asList(uri.getRawPath().substring(1).split("/", -1));
    if (segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
      return Optional.empty();
    }
    return Optional.of(segments);
  }
}
