package io.coffer.bench.cas;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's stakeholders: Ed25519 keys with self-signed client certificates, as {@code coffer
 * identity create} makes them. Every stakeholder may read every policy; the first {@code board}
 * form the board, any one of whom approves an update.
 */
final class Stakeholders {

  private final List<ClientIdentity> identities;
  private final int board;

  private Stakeholders(List<ClientIdentity> identities, int board) {
    this.identities = List.copyOf(identities);
    this.board = board;
  }

  /** Makes {@code count} identities, the first {@code board} of them on the board. */
  static Stakeholders generate(int count, int board) {
    if (count < 1 || board < 1 || board > count) {
      throw new IllegalArgumentException("1 <= board <= count, got " + board + " of " + count);
    }
    Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    List<ClientIdentity> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      IdentityKey key = IdentityKey.generate(Identity.Type.ED25519);
      out.add(
          new ClientIdentity(
              key,
              ClientCertificate.selfSigned(
                  key, "stakeholder-" + i, notBefore, Duration.ofDays(2))));
    }
    return new Stakeholders(out, board);
  }

  /** The identity client {@code client} authenticates as (they take the stakeholders in turn). */
  ClientIdentity forClient(int client) {
    return identities.get(client % identities.size());
  }

  /** The board member who approves client {@code client}'s updates. */
  IdentityKey approverFor(int client) {
    return identities.get(client % board).key();
  }

  /** The {@code access} section: read by any stakeholder, updated by any one board member. */
  String accessYaml() {
    StringBuilder b = new StringBuilder("access:\n  read:\n    require-at-least-1:\n");
    for (ClientIdentity id : identities) {
      b.append("      - \"").append(id.key().identity()).append("\"\n");
    }
    b.append("  update:\n    require-at-least-1:\n");
    for (ClientIdentity id : identities.subList(0, board)) {
      b.append("      - \"").append(id.key().identity()).append("\"\n");
    }
    return b.toString();
  }
}
