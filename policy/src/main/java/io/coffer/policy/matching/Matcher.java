package io.coffer.policy.matching;

import io.coffer.attestation.Platform;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.ServiceIdentity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Decides whether verified claims may run as a service: the policy's security section must accept
 * the evidence (simulation, debug, TCB status, advisories) and one of the service's identity
 * alternatives for the claims' platform must match.
 *
 * <p>Security guarantees: admission needs every check to pass; every failing check is reported, so
 * a rejection lists all its reasons at once. Claims of one platform are compared only with that
 * platform's alternatives (SEV-SNP evidence from an Azure HCL report is SEV-SNP); simulated claims
 * therefore match only {@code simulation} alternatives, and only when {@code simulation} is
 * tolerated. A missing claim, or a claim of another type, fails its condition. Byte claims are
 * compared in constant time.
 *
 * <p>Not protected against: claims that are not fresh (the nonce in the report data is the caller's
 * to check) or were verified against the wrong trust anchors.
 */
public final class Matcher {

  private Matcher() {}

  /** Matches {@code claims} with {@code service} under {@code security}. */
  public static MatchResult match(
      ServiceIdentity service, VerifiedClaims claims, Security security) {
    List<Reason> reasons = new ArrayList<>(SecurityCheck.check(claims, security));
    List<Reason> mismatches = new ArrayList<>();
    OptionalInt matched = OptionalInt.empty();
    List<PlatformCondition> alternatives = service.alternatives();
    for (int i = 0; i < alternatives.size() && matched.isEmpty(); i++) {
      PlatformCondition alternative = alternatives.get(i);
      if (alternative.platform() != claims.platform()) {
        continue;
      }
      List<Reason> failed = AlternativeCheck.check(alternative, i, claims);
      if (failed.isEmpty()) {
        matched = OptionalInt.of(i);
      } else {
        mismatches.addAll(failed);
      }
    }
    if (matched.isEmpty()) {
      reasons.addAll(
          mismatches.isEmpty() ? List.of(noAlternative(service, claims.platform())) : mismatches);
    }
    if (reasons.isEmpty()) {
      return new MatchResult.Admitted(matched.getAsInt());
    }
    return new MatchResult.Rejected(reasons);
  }

  private static Reason noAlternative(ServiceIdentity service, Platform platform) {
    Set<String> present = new LinkedHashSet<>();
    for (PlatformCondition alternative : service.alternatives()) {
      present.add(alternative.yamlName());
    }
    String name = platform.name().toLowerCase(Locale.ROOT);
    return Reason.of(
        ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM,
        "identity",
        "platform",
        "one of " + present,
        name,
        "the identity has no " + name + " alternative");
  }
}
