package io.coffer.cli.version;

import picocli.CommandLine.IVersionProvider;

/** Supplies {@code coffer --version} from {@link VersionInfo}. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return VersionInfo.current().lines();
  }
}
