package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.Bytes32;
import io.coffer.policy.model.Bytes48;
import io.coffer.policy.model.FixedBytes;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.ServiceIdentity;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SimulationCondition;
import io.coffer.policy.model.SnpCondition;
import io.coffer.policy.model.SnpTcb;
import io.coffer.policy.model.TdxCondition;
import io.coffer.policy.model.Tolerance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random claims against random identities and security sections: the matcher admits exactly when a
 * reference predicate, written here independently of it, holds. Values come from small domains so
 * that matches and near misses are both frequent; claims are sometimes missing or of the wrong type
 * or length.
 */
class MatcherPropertiesTest {

  private static final List<String> ADVISORIES =
      List.of("INTEL-SA-00289", "INTEL-SA-00334", "INTEL-SA-00615");

  /**
   * One random case.
   *
   * @param values the claims by name: {@code byte[]}, {@code Long}, or a {@code Boolean} where a
   *     claim has the wrong type; absent names are missing claims
   */
  record Case(
      EvidenceType type,
      TcbStatus status,
      boolean debug,
      List<String> advisories,
      Map<String, Object> values,
      List<PlatformCondition> alternatives,
      Security security) {

    VerifiedClaims claims() {
      VerifiedClaims.Builder b =
          VerifiedClaims.builder(type, TestClaims.AT)
              .tcbStatus(status)
              .debug(debug)
              .advisoryIds(advisories)
              .reportData(new byte[64]);
      values.forEach((name, value) -> {
        switch (value) {
          case byte[] bytes -> b.bytes(name, bytes);
          case Long n -> b.number(name, n);
          case Boolean f -> b.flag(name, f);
          default -> throw new IllegalStateException(name);
        }
      });
      return b.build();
    }

    @Override
    public String toString() {
      StringBuilder s =
          new StringBuilder(type + " " + status + (debug ? " debug" : "") + " " + advisories);
      values.forEach((k, v) ->
          s.append(' ')
              .append(k)
              .append('=')
              .append(v instanceof byte[] b ? Arrays.toString(b) : v));
      return s + " | " + alternatives + " | " + security;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(MatcherPropertiesTest::randomCase);
  }

  @Property(tries = 2000)
  void match_admits_exactlyWhenTheReferencePredicateHolds(@ForAll("cases") Case c) {
    MatchResult result =
        Matcher.match(new ServiceIdentity(c.alternatives()), c.claims(), c.security());

    OptionalInt first = Reference.firstMatchingAlternative(c);
    boolean admitted = Reference.securityAccepts(c) && first.isPresent();
    Statistics.label("outcome").collect(admitted ? "admitted" : "rejected");
    Statistics.label("outcome")
        .coverage(coverage -> {
          coverage.check("admitted").percentage(p -> p > 4);
          coverage.check("rejected").percentage(p -> p > 20);
        });
    Statistics.label("identity")
        .collect(first.isPresent() ? "an alternative matches" : "none matches");
    Statistics.label("identity")
        .coverage(coverage -> coverage.check("an alternative matches").percentage(p -> p > 15));
    if (admitted) {
      assertThat(result).isEqualTo(new MatchResult.Admitted(first.getAsInt()));
    } else {
      assertThat(result).isInstanceOf(MatchResult.Rejected.class);
      assertThat(result.reasons()).isNotEmpty();
    }
  }

  @Property(tries = 2000)
  void match_reportsIdentityReasons_exactlyWhenNoAlternativeMatches(@ForAll("cases") Case c) {
    MatchResult result =
        Matcher.match(new ServiceIdentity(c.alternatives()), c.claims(), c.security());

    boolean identityReasons =
        result.reasons().stream()
            .anyMatch(r -> r.field().equals("identity") || r.field().startsWith("identity["));
    assertThat(identityReasons).isEqualTo(Reference.firstMatchingAlternative(c).isEmpty());
    boolean platformHasAlternative =
        c.alternatives().stream().anyMatch(a -> a.platform() == c.type().platform());
    assertThat(
            result.reasons().stream()
                .anyMatch(r -> r.code() == ReasonCode.NO_ALTERNATIVE_FOR_PLATFORM))
        .isEqualTo(!platformHasAlternative);
  }

  @Property(tries = 2000)
  void match_reportsEachSecurityReason_exactlyWhenItApplies(@ForAll("cases") Case c) {
    MatchResult result =
        Matcher.match(new ServiceIdentity(c.alternatives()), c.claims(), c.security());
    Set<Tolerance> t = c.security().tolerate();
    Platform p = c.type().platform();

    assertThat(codes(result).contains(ReasonCode.SIMULATION_NOT_TOLERATED))
        .isEqualTo(p == Platform.SIMULATION && !t.contains(Tolerance.SIMULATION));
    assertThat(codes(result).contains(ReasonCode.DEBUG_NOT_TOLERATED))
        .isEqualTo(c.debug() && !t.contains(Tolerance.DEBUG));
    assertThat(
            codes(result).contains(ReasonCode.TCB_STATUS_NOT_TOLERATED)
                || codes(result).contains(ReasonCode.TCB_STATUS_UNKNOWN))
        .isEqualTo(!Reference.tcbAccepted(c.status(), p, t));
    assertThat(
            result.reasons().stream()
                .filter(r -> r.code() == ReasonCode.ADVISORY_NOT_IGNORED)
                .map(Reason::actual)
                .toList())
        .isEqualTo(
            c.advisories().stream()
                .filter(a -> !c.security().ignoreAdvisories().contains(a))
                .toList());
  }

  private static List<ReasonCode> codes(MatchResult result) {
    return result.reasons().stream().map(Reason::code).toList();
  }

  // --- the reference predicate ---

  /** What the matcher should decide, written as plainly as possible. */
  static final class Reference {

    private Reference() {}

    static boolean securityAccepts(Case c) {
      Set<Tolerance> t = c.security().tolerate();
      Platform p = c.type().platform();
      return (p != Platform.SIMULATION || t.contains(Tolerance.SIMULATION))
          && (!c.debug() || t.contains(Tolerance.DEBUG))
          && tcbAccepted(c.status(), p, t)
          && c.security().ignoreAdvisories().containsAll(c.advisories());
    }

    static boolean tcbAccepted(TcbStatus status, Platform platform, Set<Tolerance> t) {
      boolean outdated = t.contains(Tolerance.OUTDATED_TCB);
      boolean hardening = t.contains(Tolerance.SW_HARDENING_NEEDED);
      boolean configuration = t.contains(Tolerance.CONFIGURATION_NEEDED);
      return switch (status) {
        case UP_TO_DATE -> true;
        case SW_HARDENING_NEEDED -> hardening;
        case CONFIGURATION_NEEDED -> configuration;
        case CONFIGURATION_AND_SW_HARDENING_NEEDED -> hardening && configuration;
        case OUT_OF_DATE, TD_RELAUNCH_ADVISED -> outdated;
        case OUT_OF_DATE_CONFIGURATION_NEEDED, TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED ->
            outdated && configuration;
        case UNKNOWN -> platform == Platform.SNP || platform == Platform.SIMULATION;
      };
    }

    static OptionalInt firstMatchingAlternative(Case c) {
      for (int i = 0; i < c.alternatives().size(); i++) {
        PlatformCondition a = c.alternatives().get(i);
        if (a.platform() == c.type().platform() && holds(a, c.values())) {
          return OptionalInt.of(i);
        }
      }
      return OptionalInt.empty();
    }

    private static boolean holds(PlatformCondition a, Map<String, Object> v) {
      return switch (a) {
        case SgxCondition s ->
            (s.mrenclave().isEmpty()
                    || s.mrenclave().stream().anyMatch(m -> same(v.get("mrEnclave"), m)))
                && s.mrsigner().map(m -> same(v.get("mrSigner"), m)).orElse(true)
                && (s.isvprodid().isEmpty() || number(v, "isvProdId") == s.isvprodid().getAsInt())
                && (s.isvsvnMin().isEmpty() || number(v, "isvSvn") >= s.isvsvnMin().getAsInt())
                && (s.isvsvnMax().isEmpty()
                    || (number(v, "isvSvn") >= 0
                        && number(v, "isvSvn") <= s.isvsvnMax().getAsInt()));
        case TdxCondition t ->
            t.mrtd().map(m -> same(v.get("mrTd"), m)).orElse(true)
                && t.rtmr0().map(m -> same(v.get("rtmr0"), m)).orElse(true)
                && t.rtmr1().map(m -> same(v.get("rtmr1"), m)).orElse(true)
                && t.rtmr2().map(m -> same(v.get("rtmr2"), m)).orElse(true)
                && t.rtmr3().map(m -> same(v.get("rtmr3"), m)).orElse(true)
                && t.mrconfigid().map(m -> same(v.get("mrConfigId"), m)).orElse(true)
                && t.teeTcbSvnMin().map(m -> eachByteAtLeast(v.get("teeTcbSvn"), m)).orElse(true);
        case SnpCondition s ->
            s.measurement().map(m -> same(v.get("measurement"), m)).orElse(true)
                && s.hostData().map(m -> same(v.get("hostData"), m)).orElse(true)
                && s.idKeyDigest().map(m -> same(v.get("idKeyDigest"), m)).orElse(true)
                && s.authorKeyDigest().map(m -> same(v.get("authorKeyDigest"), m)).orElse(true)
                && s.minTcb().map(m -> tcbAtLeast(v, m)).orElse(true)
                && (s.vmplMax().isEmpty()
                    || (number(v, "vmpl") >= 0 && number(v, "vmpl") <= s.vmplMax().getAsInt()));
        case SimulationCondition s -> same(v.get("measurement"), s.measurement());
      };
    }

    private static boolean tcbAtLeast(Map<String, Object> v, SnpTcb min) {
      return number(v, "reportedTcbBootloader") >= min.bootloader()
          && number(v, "reportedTcbTee") >= min.tee()
          && number(v, "reportedTcbSnp") >= min.snp()
          && number(v, "reportedTcbMicrocode") >= min.microcode()
          && (min.fmc().isEmpty() || number(v, "reportedTcbFmc") >= min.fmc().getAsInt());
    }

    private static boolean same(Object claim, FixedBytes expected) {
      return claim instanceof byte[] b && Arrays.equals(b, expected.value());
    }

    private static boolean eachByteAtLeast(Object claim, Bytes16 min) {
      if (!(claim instanceof byte[] b) || b.length != 16) {
        return false;
      }
      byte[] m = min.value();
      for (int i = 0; i < 16; i++) {
        if ((b[i] & 0xff) < (m[i] & 0xff)) {
          return false;
        }
      }
      return true;
    }

    /** The claim's number; -1 (below every bound) when it is missing or not a number. */
    private static long number(Map<String, Object> v, String name) {
      return v.get(name) instanceof Long n ? n : -1;
    }
  }

  // --- random cases ---

  private static Case randomCase(Random r) {
    EvidenceType type = EvidenceType.values()[r.nextInt(EvidenceType.values().length)];
    Map<String, Object> values = new LinkedHashMap<>();
    switch (type.platform()) {
      case SGX -> {
        claimBytes(r, values, "mrEnclave", 32);
        claimBytes(r, values, "mrSigner", 32);
        claimNumber(r, values, "isvProdId", 3);
        claimNumber(r, values, "isvSvn", 4);
      }
      case TDX -> {
        for (String name : List.of("mrTd", "rtmr0", "rtmr1", "rtmr2", "rtmr3", "mrConfigId")) {
          claimBytes(r, values, name, 48);
        }
        byte[] svn = new byte[16];
        for (int i = 0; i < 16; i++) {
          svn[i] = (byte) (1 + r.nextInt(2));
        }
        claim(r, values, "teeTcbSvn", svn);
      }
      case SNP -> {
        claimBytes(r, values, "measurement", 48);
        claimBytes(r, values, "hostData", 32);
        claimBytes(r, values, "idKeyDigest", 48);
        claimBytes(r, values, "authorKeyDigest", 48);
        claimNumber(r, values, "vmpl", 3);
        for (String c : List.of("Bootloader", "Tee", "Snp", "Microcode")) {
          claimNumber(r, values, "reportedTcb" + c, 3);
        }
        if (r.nextBoolean()) {
          claimNumber(r, values, "reportedTcbFmc", 3);
        }
      }
      case SIMULATION -> claimBytes(r, values, "measurement", 32);
    }
    List<PlatformCondition> alternatives = new ArrayList<>();
    int count = 1 + r.nextInt(3);
    while (alternatives.size() < count) {
      PlatformCondition a = randomAlternative(r, type.platform());
      if (!alternatives.contains(a)) {
        alternatives.add(a);
      }
    }
    Set<Tolerance> tolerate = EnumSet.noneOf(Tolerance.class);
    for (Tolerance t : Tolerance.values()) {
      if (r.nextInt(3) > 0) {
        tolerate.add(t);
      }
    }
    Set<String> ignore = new HashSet<>(pick(r, ADVISORIES));
    List<String> advisories = pick(r, ADVISORIES);
    TcbStatus status =
        r.nextBoolean()
            ? TcbStatus.UP_TO_DATE
            : TcbStatus.values()[r.nextInt(TcbStatus.values().length)];
    return new Case(
        type,
        status,
        r.nextInt(4) == 0,
        advisories,
        values,
        alternatives,
        new Security(tolerate, ignore));
  }

  /** Usually of the claims' platform, sometimes another. */
  private static PlatformCondition randomAlternative(Random r, Platform platform) {
    Platform p =
        r.nextInt(4) == 0 ? Platform.values()[r.nextInt(Platform.values().length)] : platform;
    return switch (p) {
      case SGX -> {
        List<Bytes32> mrenclave = new ArrayList<>();
        for (int fill = 1; fill <= 3; fill++) {
          if (r.nextInt(3) == 0) {
            mrenclave.add(TestClaims.b32(fill));
          }
        }
        Optional<Bytes32> mrsigner =
            mrenclave.isEmpty() || r.nextBoolean()
                ? Optional.of(TestClaims.b32(1 + r.nextInt(2)))
                : Optional.empty();
        OptionalInt min = maybe(r, 4);
        OptionalInt max = maybe(r, 4);
        if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
          OptionalInt swap = min;
          min = max;
          max = swap;
        }
        yield new SgxCondition(mrenclave, mrsigner, maybe(r, 3), min, max);
      }
      case TDX ->
          new TdxCondition(
              Optional.of(TestClaims.b48(1 + r.nextInt(2))),
              maybe48(r),
              maybe48(r),
              maybe48(r),
              maybe48(r),
              maybe48(r),
              r.nextBoolean() ? Optional.of(randomSvnMin(r)) : Optional.empty());
      case SNP -> {
        Optional<Bytes48> measurement = maybe48(r);
        Optional<Bytes48> idKey = maybe48(r);
        Optional<Bytes48> authorKey = maybe48(r);
        if (measurement.isEmpty() && idKey.isEmpty() && authorKey.isEmpty()) {
          measurement = Optional.of(TestClaims.b48(1 + r.nextInt(2)));
        }
        Optional<SnpTcb> tcb =
            r.nextBoolean()
                ? Optional.of(
                    new SnpTcb(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3), maybe(r, 2)))
                : Optional.empty();
        yield new SnpCondition(
            measurement,
            r.nextBoolean() ? Optional.of(TestClaims.b32(1 + r.nextInt(2))) : Optional.empty(),
            idKey,
            authorKey,
            tcb,
            maybe(r, 3));
      }
      case SIMULATION -> new SimulationCondition(TestClaims.b32(1 + r.nextInt(2)));
    };
  }

  /** Mostly zero bytes, some 1 or 2, against claim bytes of 1 or 2. */
  private static Bytes16 randomSvnMin(Random r) {
    byte[] min = new byte[16];
    for (int i = 0; i < 16; i++) {
      min[i] = (byte) (r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0);
    }
    return new Bytes16(min);
  }

  private static Optional<Bytes48> maybe48(Random r) {
    return r.nextBoolean() ? Optional.of(TestClaims.b48(1 + r.nextInt(2))) : Optional.empty();
  }

  private static OptionalInt maybe(Random r, int max) {
    return r.nextBoolean() ? OptionalInt.of(r.nextInt(max + 1)) : OptionalInt.empty();
  }

  private static List<String> pick(Random r, List<String> from) {
    return from.stream().filter(x -> r.nextInt(3) == 0).toList();
  }

  /** A claim filled with 1 or 2 (matching the alternatives' values), sometimes 31 bytes long. */
  private static void claimBytes(Random r, Map<String, Object> values, String name, int length) {
    byte[] b = new byte[r.nextInt(20) == 0 ? length - 1 : length];
    Arrays.fill(b, (byte) (1 + r.nextInt(2)));
    claim(r, values, name, b);
  }

  private static void claimNumber(Random r, Map<String, Object> values, String name, int max) {
    claim(r, values, name, (long) r.nextInt(max + 1));
  }

  /** Puts {@code value}, or sometimes nothing (a missing claim) or a flag (a wrong type). */
  private static void claim(Random r, Map<String, Object> values, String name, Object value) {
    int dice = r.nextInt(20);
    if (dice == 0) {
      return;
    }
    values.put(name, dice == 1 ? Boolean.TRUE : value);
  }
}
