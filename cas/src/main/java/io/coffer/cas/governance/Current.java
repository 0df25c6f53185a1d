package io.coffer.cas.governance;

import io.coffer.cas.store.PolicyRow;
import io.coffer.cas.store.PolicyVersionRow;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.model.Policy;
import java.util.Objects;

/**
 * A policy's current version as read and checked: its row, its creator, and its version row with
 * the version's plaintext opened and verified against the row's hash.
 */
record Current(PolicyRow row, Identity creator, PolicyVersionRow versionRow, ParsedPolicy parsed) {

  Current {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(versionRow, "versionRow");
    Objects.requireNonNull(parsed, "parsed");
  }

  Policy policy() {
    return parsed.policy();
  }

  String name() {
    return row.name();
  }
}
