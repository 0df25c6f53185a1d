package io.coffer.cas.attest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.cas.events.SecretReleased.Released;
import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.cas.secrets.SecretFormats;
import io.coffer.cas.secrets.SecretValue;
import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.CasException;
import io.coffer.cas.vault.SecretVault;
import io.coffer.cas.vault.Sharing;
import io.coffer.cas.vault.SharingRefused;
import io.coffer.cas.vault.VolumeTags;
import io.coffer.policy.model.Placeholder;
import io.coffer.policy.model.Secret;
import io.coffer.policy.model.Service;
import io.coffer.policy.model.Volume;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Assembles the configuration an admitted workload receives: its command, environment, working
 * directory and files with every {@code $$COFFER:name:format$$} replaced by the secret's value; its
 * volumes' keys and current tags; the key and expected tag of its protected image tree; its TLS
 * identity; the attestation result token.
 *
 * <p>Security guarantees: only the secrets the service's command, environment and files name, and
 * the key of its protected image tree, are resolved and released, each named in {@link
 * Built#released()}; an imported secret or volume is released only when {@link Sharing} finds both
 * policies consenting now. The result is plaintext for the caller to encrypt to the attested key at
 * once.
 */
final class Provisioning {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretVault vault;
  private final Sharing sharing;
  private final VolumeTags tags;

  Provisioning(SecretVault vault, Sharing sharing, VolumeTags tags) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.sharing = Objects.requireNonNull(sharing, "sharing");
    this.tags = Objects.requireNonNull(tags, "tags");
  }

  /**
   * The configuration and what it releases.
   *
   * @param json the configuration document (contains secret values: encrypt it, never log it)
   * @param released the secrets it holds, by name
   */
  record Built(byte[] json, List<Released> released) {}

  /** The TLS identity of the workload, all public. */
  record Identity(String spiffeId, List<byte[]> chain, CertificateAuthority ca, String earToken) {}

  /**
   * Builds the configuration of {@code service} of {@code policy}.
   *
   * @throws SharingRefused when an imported secret or volume the service needs is not shared
   * @throws AttestationRefused when the key of the service's protected image tree is not 32 bytes
   */
  Built build(ActivePolicy policy, Service service, Identity identity)
      throws CasException, SharingRefused, AttestationRefused {
    Resolver resolver = new Resolver(policy, service.name());
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("policy", policy.name());
    root.put("policy_hash", policy.hash());
    root.put("service", service.name());
    ArrayNode secretBearing = JSON.createArrayNode();
    ArrayNode command = root.putArray("command");
    for (int i = 0; i < service.command().size(); i++) {
      String arg = service.command().get(i);
      command.add(resolver.substitute(arg));
      if (resolver.hasPlaceholder(arg)) {
        secretBearing.add("/command/" + i);
      }
    }
    ObjectNode env = root.putObject("environment");
    for (Map.Entry<String, String> e : service.environment().entrySet()) {
      env.put(e.getKey(), resolver.substitute(e.getValue()));
      if (resolver.hasPlaceholder(e.getValue())) {
        secretBearing.add("/environment/" + pointerEscape(e.getKey()));
      }
    }
    if (service.pwd().isPresent()) {
      root.put("pwd", service.pwd().get());
    } else {
      root.putNull("pwd");
    }
    ArrayNode files = root.putArray("files");
    for (int i = 0; i < service.files().size(); i++) {
      Service.ServiceFile f = service.files().get(i);
      ObjectNode fn = files.addObject();
      fn.put("path", f.path());
      fn.put("mode", f.mode());
      fn.put("content", resolver.substitute(f.content()));
      if (resolver.hasPlaceholder(f.content())) {
        secretBearing.add("/files/" + i + "/content");
      }
    }
    ArrayNode allowArgs = root.putArray("allow_host_args");
    service.allowHostArgs().forEach(allowArgs::add);
    ArrayNode allowEnv = root.putArray("allow_host_env");
    service.allowHostEnv().forEach(allowEnv::add);
    ArrayNode volumes = root.putArray("volumes");
    for (int i = 0; i < service.volumes().size(); i++) {
      volumes.add(volume(policy, service, service.volumes().get(i)));
      secretBearing.add("/volumes/" + i + "/key");
    }
    if (service.fsShield().isPresent()) {
      root.set("fs_shield", fsShield(resolver, service.fsShield().get()));
      secretBearing.add("/fs_shield/key");
    } else {
      root.putNull("fs_shield");
    }
    ObjectNode tls = root.putObject("tls");
    tls.put("spiffe_id", identity.spiffeId());
    ArrayNode chain = tls.putArray("certificate_chain");
    for (byte[] der : identity.chain()) {
      chain.add(Pem.certificate(der));
    }
    ArrayNode bundle = tls.putArray("ca_bundle");
    bundle.add(Pem.certificate(identity.ca().certificate()));
    for (X509Certificate c : resolver.authorities(policy)) {
      bundle.add(Pem.certificate(c));
    }
    root.put("attestation_result", identity.earToken());
    root.set("secret_bearing", secretBearing);
    try {
      return new Built(JSON.writeValueAsBytes(root), resolver.released());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a configuration", e);
    }
  }

  private ObjectNode volume(ActivePolicy policy, Service service, Service.VolumeMount mount)
      throws CasException, SharingRefused {
    Volume v =
        policy.policy().volumes().stream()
            .filter(x -> x.name().equals(mount.name()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the parser checks volume names"));
    String owner = policy.name();
    String name = v.name();
    if (v.importFrom().isPresent()) {
      Sharing.Shared<Volume> shared = sharing.volume(policy, service.name(), v);
      owner = shared.exporter().name();
      name = shared.item().name();
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("name", mount.name());
    n.put("path", mount.path());
    n.put("read_only", mount.readOnly());
    n.put("owner_policy", owner);
    n.put("owner_volume", name);
    n.put("key", Base64.getEncoder().encodeToString(vault.volumeKey(owner, name)));
    Optional<VolumeTags.Tag> tag = tags.current(owner, name);
    if (tag.isPresent()) {
      n.put("tag", tag.get().hex());
      n.put("generation", tag.get().generation());
    } else {
      n.putNull("tag");
      n.put("generation", 0);
    }
    return n;
  }

  /**
   * {@code {key, tag}} of the service's protected image tree: the key secret resolved like a
   * placeholder's (own, or imported and shared now) and released, the tag as the policy pins it.
   *
   * @throws AttestationRefused {@code SECRET_UNAVAILABLE} when the released value is not a {@code
   *     binary} value of exactly 32 bytes (an imported secret's size is the exporter's, which the
   *     parser of this policy cannot check)
   */
  private static ObjectNode fsShield(Resolver resolver, Service.FsShield shield)
      throws CasException, SharingRefused, AttestationRefused {
    Resolved r = resolver.resolve(shield.key());
    if (!(r.value() instanceof SecretValue.Binary binary)
        || binary.bytes().length != Service.FsShield.KEY_BYTES) {
      throw new AttestationRefused(
          Reason.SECRET_UNAVAILABLE,
          "the key of the service's protected image tree, secret '"
              + shield.key()
              + "', is not a binary value of "
              + Service.FsShield.KEY_BYTES
              + " bytes");
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("key", Base64.getEncoder().encodeToString(binary.bytes()));
    n.put("tag", shield.tag());
    return n;
  }

  private static String pointerEscape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Resolves the secrets of one configuration, each once, and remembers what it released. */
  private final class Resolver {
    private final ActivePolicy policy;
    private final String service;
    private final Map<String, Resolved> resolved = new LinkedHashMap<>();

    Resolver(ActivePolicy policy, String service) {
      this.policy = policy;
      this.service = service;
    }

    boolean hasPlaceholder(String text) {
      return Placeholder.PATTERN.matcher(text).find();
    }

    String substitute(String text) throws CasException, SharingRefused {
      Matcher m = Placeholder.PATTERN.matcher(text);
      if (!m.find()) {
        return text;
      }
      StringBuilder out = new StringBuilder(text.length() + 64);
      int at = 0;
      do {
        out.append(text, at, m.start());
        Resolved r = resolve(m.group(1));
        out.append(SecretFormats.render(r.value(), r.kind(), Optional.ofNullable(m.group(2))));
        at = m.end();
      } while (m.find());
      out.append(text, at, text.length());
      return out.toString();
    }

    Resolved resolve(String name) throws CasException, SharingRefused {
      Resolved known = resolved.get(name);
      if (known != null) {
        return known;
      }
      Secret secret =
          policy
              .policy()
              .secret(name)
              .orElseThrow(() -> new IllegalStateException("the parser checks secret names"));
      Resolved r;
      if (secret.importFrom().isPresent()) {
        Sharing.Shared<Secret> shared = sharing.secret(policy, service, secret);
        r =
            new Resolved(
                vault.value(shared.exporter(), shared.item()),
                secret.kind(),
                new Released(
                    name,
                    Optional.of(shared.exporter().name()),
                    Optional.of(shared.item().name())));
      } else {
        r =
            new Resolved(
                vault.value(policy, secret),
                secret.kind(),
                new Released(name, Optional.empty(), Optional.empty()));
      }
      resolved.put(name, r);
      return r;
    }

    /** The certificates of the policy's {@code x509-ca} secrets, its own and imported. */
    List<X509Certificate> authorities(ActivePolicy policy) throws CasException, SharingRefused {
      List<X509Certificate> out = new ArrayList<>();
      for (Secret s : policy.policy().secrets()) {
        if (s.kind() != Secret.Kind.X509_CA) {
          continue;
        }
        SecretValue value;
        if (s.importFrom().isPresent()) {
          Sharing.Shared<Secret> shared;
          try {
            shared = sharing.secret(policy, service, s);
          } catch (SharingRefused e) {
            continue; // a CA no longer shared is no longer trusted; nothing secret is lost.
          }
          value = vault.value(shared.exporter(), shared.item());
        } else {
          value = vault.value(policy, s);
        }
        if (value instanceof SecretValue.CertificateValue c) {
          out.add(c.chain().get(0));
        }
      }
      return out;
    }

    List<Released> released() {
      return resolved.values().stream().map(Resolved::released).toList();
    }
  }

  private record Resolved(SecretValue value, Secret.Kind kind, Released released) {}

  /** PEM of certificates. */
  static final class Pem {
    private Pem() {}

    static String certificate(X509Certificate c) {
      try {
        return certificate(c.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("cannot encode a certificate", e);
      }
    }

    static String certificate(byte[] der) {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
          + "\n-----END CERTIFICATE-----\n";
    }
  }
}
