package io.coffer.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The program's command line, environment and working directory: the policy's, plus what of the
 * host's the policy allows by name (docs/policy.md: {@code allow_host_args} "exactly as listed",
 * {@code allow_host_env} "by name"). Everything else of the host's is dropped, and only counted.
 *
 * @param command the program and its arguments
 * @param environment the whole environment of the program
 * @param directory its working directory
 * @param droppedArguments how many host arguments were dropped
 * @param droppedVariables how many host variables were dropped
 */
record ProgramLaunch(
    List<String> command,
    Map<String, String> environment,
    Path directory,
    int droppedArguments,
    int droppedVariables) {

  ProgramLaunch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(directory, "directory");
  }

  /**
   * The launch of {@code c}'s command in {@code directory} with the host's {@code arguments} and
   * {@code hostEnvironment}. A host variable the policy allows replaces the policy's value of the
   * same name: the policy allowed the host to set it.
   */
  static ProgramLaunch of(
      RunConfiguration c,
      List<String> arguments,
      Map<String, String> hostEnvironment,
      Path directory) {
    List<String> command = new ArrayList<>(c.command());
    int droppedArguments = 0;
    for (String a : arguments) {
      if (c.allowHostArguments().contains(a)) {
        command.add(a);
      } else {
        droppedArguments++;
      }
    }
    Map<String, String> environment = new LinkedHashMap<>(c.environment());
    int droppedVariables = 0;
    for (Map.Entry<String, String> e : hostEnvironment.entrySet()) {
      if (c.allowHostEnvironment().contains(e.getKey())) {
        environment.put(e.getKey(), e.getValue());
      } else {
        droppedVariables++;
      }
    }
    return new ProgramLaunch(command, environment, directory, droppedArguments, droppedVariables);
  }

  /**
   * A process builder for this launch: the environment cleared then set, standard streams
   * inherited.
   */
  ProcessBuilder builder() {
    ProcessBuilder b = new ProcessBuilder(command);
    b.environment().clear();
    b.environment().putAll(environment);
    b.directory(directory.toFile());
    b.inheritIO();
    return b;
  }

  @Override
  public String toString() {
    return "ProgramLaunch["
        + command.size()
        + " arguments, "
        + environment.size()
        + " variables, in "
        + directory
        + ", values redacted]";
  }
}
