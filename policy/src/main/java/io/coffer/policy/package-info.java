/**
 * Coffer's policy language: stakeholder-owned, versioned YAML policies that say which attested
 * services may run with which configuration and secrets, and whose approvals change them.
 *
 * <p>Security guarantees: a policy is parsed strictly (unknown fields, wrong types, dangling
 * references and YAML aliases are errors, all reported at once with their positions); its hash is
 * the SHA-256 of its RFC 8785 canonical JSON, so that formatting never changes it and any semantic
 * change does; an update is authorised only by the current version's {@code update} rule.
 *
 * <p>Not protected against: a stakeholder who approves a harmful policy; a compromised approver
 * key. The policy names secrets; it does not keep them safe by itself (the CAS does).
 */
package io.coffer.policy;
