package io.coffer.cli.attest;

import picocli.CommandLine.Command;

/** {@code coffer attest}: collect TEE evidence, verify it offline, measure what it covers. */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description =
        "Collect evidence from this machine's TEE, verify SGX, TDX, SEV-SNP and simulated"
            + " evidence offline against vendor collateral, and compute simulation measurements.",
    subcommands = {VerifyCommand.class, CollectCommand.class, MeasureCommand.class})
public final class AttestCommand {}
