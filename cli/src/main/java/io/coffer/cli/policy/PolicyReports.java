package io.coffer.cli.policy;

import io.coffer.cas.service.Ballot;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cli.cas.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How policy versions and proposals a CAS returns are printed: lines for people (server text made
 * {@link Printable}), fields for {@code --json}.
 */
final class PolicyReports {

  private PolicyReports() {}

  static Map<String, Object> version(PolicyVersion v) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", v.name());
    d.put("version", v.version());
    d.put("hash", v.hash());
    d.put("predecessor", v.predecessor().orElse(null));
    d.put("activatedAt", v.activatedAt().toString());
    d.put("proposal", v.proposal().orElse(null));
    d.put("ledgerIndex", v.ledgerIndex());
    return d;
  }

  /** One line: {@code v2 <hash> activated <instant> proposal <id> ledger #<i>}. */
  static String versionLine(PolicyVersion v) {
    return "v"
        + v.version()
        + "  "
        + v.hash()
        + "  activated "
        + v.activatedAt()
        + v.proposal().map(p -> "  proposal " + Printable.line(p)).orElse("")
        + "  ledger #"
        + v.ledgerIndex();
  }

  static Map<String, Object> view(PolicyView view) {
    Map<String, Object> d = version(view.current());
    d.put("creator", view.creator().toString());
    d.put("text", view.text());
    return d;
  }

  static Map<String, Object> proposal(Proposal p) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", p.id());
    d.put("name", p.name());
    d.put("hash", p.hash());
    d.put("predecessor", p.predecessor());
    d.put("proposer", p.proposer().toString());
    d.put("createdAt", p.createdAt().toString());
    d.put("expiresAt", p.expiresAt().toString());
    d.put("state", state(p));
    List<Map<String, Object>> ballots = new ArrayList<>();
    for (Ballot b : p.ballots()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("voter", b.voter().toString());
      m.put("approve", b.approve());
      m.put("at", b.at().toString());
      m.put("reason", b.reason().orElse(null));
      ballots.add(m);
    }
    d.put("ballots", ballots);
    d.put("explanation", p.explanation());
    return d;
  }

  static List<String> proposalLines(Proposal p) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "proposal "
            + Printable.line(p.id())
            + ": "
            + Printable.line(p.name())
            + " "
            + p.hash()
            + " (replaces "
            + p.predecessor()
            + ")");
    lines.add("  state:     " + state(p));
    lines.add("  proposer:  " + p.proposer());
    lines.add("  created:   " + p.createdAt() + ", expires " + p.expiresAt());
    for (Ballot b : p.ballots()) {
      lines.add(
          "  "
              + (b.approve() ? "approved:  " : "rejected:  ")
              + b.voter()
              + " at "
              + b.at()
              + b.reason().map(r -> ": \"" + Printable.line(r) + "\"").orElse(""));
    }
    lines.add("  rule:      " + Printable.line(p.explanation()));
    return lines;
  }

  static String state(Proposal p) {
    return p.state().name().toLowerCase(Locale.ROOT);
  }
}
