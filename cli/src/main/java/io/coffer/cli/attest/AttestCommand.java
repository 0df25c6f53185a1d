package io.coffer.cli.attest;

import picocli.CommandLine.Command;

/**
 * {@code coffer attest}: collect TEE evidence, verify it offline, measure what it covers, request a
 * workload's configuration from a CAS.
 */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description =
        "Collect evidence from this machine's TEE, verify SGX, TDX, SEV-SNP and simulated"
            + " evidence offline against vendor collateral, compute simulation measurements, and"
            + " attest to a CAS as a workload.",
    subcommands = {
      VerifyCommand.class,
      CollectCommand.class,
      MeasureCommand.class,
      RequestCommand.class
    })
public final class AttestCommand {}
