/**
 * The values a policy is made of, as the parser builds them from YAML: a service's identity (which
 * attested code may run it) and a policy's security tolerances.
 *
 * <p>Security guarantees: every value is validated in its constructor, copied in and immutable;
 * bytes are fixed-length types ({@link io.coffer.policy.model.Bytes32}, ...) decoded once from
 * strict hex. No identity alternative admits any code: each must name a condition that identifies
 * code or its signer (SGX {@code mrenclave} or {@code mrsigner}; TDX {@code mrtd}; SEV-SNP {@code
 * measurement}, {@code id_key_digest} or {@code author_key_digest}; simulation {@code
 * measurement}). This is a constructor check, so that no caller, parser or not, can build such an
 * alternative.
 *
 * <p>Restrictions: constructors throw {@link io.coffer.policy.model.InvalidValueException} (an
 * {@code IllegalArgumentException}) naming the offending field by its YAML path relative to the
 * value, for the parser to report at that field's position; null components are programming errors
 * ({@code NullPointerException}). Sets cannot hold repeats, so the parser reports repeated
 * tolerances or advisory IDs itself; lists (MRENCLAVE values, alternatives) refuse repeats here.
 *
 * <p>Not protected against: a policy author who lists the wrong measurement or tolerates too much.
 */
package io.coffer.policy.model;
