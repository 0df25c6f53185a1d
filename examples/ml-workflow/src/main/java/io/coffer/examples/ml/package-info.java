/**
 * The programs of the confidential ML example: a hospital's dataset, a vendor's training code and a
 * model owner's inference service, each protected by its owner's Coffer policy ({@code
 * examples/ml-workflow/policies/}). The programs know nothing of Coffer: {@code coffer run} gives
 * them their files, environment, arguments and volumes.
 *
 * <ul>
 *   <li>{@link io.coffer.examples.ml.DatasetGenerator}: the <b>synthetic</b> dataset (fixed seed);
 *   <li>{@link io.coffer.examples.ml.Ingest}: the hospital's service, dataset into its volume;
 *   <li>{@link io.coffer.examples.ml.Trainer}: the vendor's service, a Tribuo logistic regression;
 *   <li>{@link io.coffer.examples.ml.Inference}: the model owner's service.
 * </ul>
 *
 * <p><b>Security guarantees.</b> Every input is parsed strictly and within bounds (the dataset CSV,
 * the metrics key, the metrics envelope, the model file's kind). The programs print counts and
 * predictions only, never dataset rows or keys. The metrics leave the trainer only encrypted with
 * AES-256-GCM under a key the hospital's policy reveals to the hospital alone ({@link
 * io.coffer.examples.ml.MetricsEnvelope}).
 *
 * <p><b>Not protected against.</b> Everything {@code coffer run} does not protect (see {@code
 * docs/run.md}): in simulation mode, the plaintext in the work directory is on the host. A model
 * file crafted to exploit Tribuo's parser: its integrity is the fs shield's. Membership inference
 * and other attacks on the model itself are out of scope.
 */
package io.coffer.examples.ml;
