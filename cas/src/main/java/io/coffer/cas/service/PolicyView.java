package io.coffer.cas.service;

import io.coffer.policy.governance.Identity;
import java.util.Objects;

/**
 * A policy as a reader sees it.
 *
 * @param current the version read
 * @param creator the identity that created the policy ({@code CREATOR} in its rules)
 * @param text the policy's canonical text with every secret value replaced by its SHA-256 ({@code
 *     io.coffer.policy.canonical.PolicyHash#canonicalText}): never a secret value
 */
public record PolicyView(PolicyVersion current, Identity creator, String text) {

  public PolicyView {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(text, "text");
  }
}
