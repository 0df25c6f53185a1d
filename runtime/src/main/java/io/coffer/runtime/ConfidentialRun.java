package io.coffer.runtime;

import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.FsShieldException;
import io.coffer.fsshield.Progress;
import io.coffer.fsshield.ShieldedTree;
import io.coffer.fsshield.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One confidential run of a provisioned program ({@code coffer run} after the attestation):
 * everything is checked and every sealed tree opened before anything is written; then the protected
 * image tree is unsealed into the work directory, the policy's files written, the volumes unsealed,
 * and the program started; when it exits, every read-write volume is re-sealed and its tag reported
 * by compare-and-set, and the work directory is emptied.
 *
 * <p>See the package documentation for the guarantees and the trust assumption.
 */
public final class ConfidentialRun {

  private final RunConfiguration configuration;
  private final RunOptions options;
  private final VolumeTagReporter reporter;
  private final StepListener steps;
  private final WorkArea work;
  private final Optional<VolumeStore> store;

  private ConfidentialRun(
      RunConfiguration configuration,
      RunOptions options,
      VolumeTagReporter reporter,
      StepListener steps) {
    this.configuration = configuration;
    this.options = options;
    this.reporter = reporter;
    this.steps = steps;
    this.work = new WorkArea(options.workDirectory());
    this.store = options.volumeStore().map(VolumeStore::new);
  }

  /**
   * Runs the program the configuration document describes and waits for it to exit.
   *
   * @param configuration the configuration document the attested workload opened (JSON)
   * @param options what the host gives
   * @param reporter reports the new tags of read-write volumes to the CAS
   * @param steps hears one line per step
   * @return the program's exit status and what became of each read-write volume
   * @throws RunException when the run is refused before the program starts (nothing is left in the
   *     work directory), or the program cannot be started
   */
  public static RunOutcome run(
      byte[] configuration, RunOptions options, VolumeTagReporter reporter, StepListener steps)
      throws RunException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(steps, "steps");
    return new ConfidentialRun(ConfigurationJson.parse(configuration), options, reporter, steps)
        .run();
  }

  private RunOutcome run() throws RunException {
    RunLayout layout = RunLayout.check(configuration, work);
    checkOptions();
    work.requireEmpty();
    Optional<ShieldedTree> image = openImage();
    List<Optional<ShieldedTree>> volumes = new ArrayList<>();
    for (RunConfiguration.VolumeMount v : configuration.volumes()) {
      volumes.add(store.orElseThrow().openCurrent(v));
    }
    Process program;
    work.create();
    try {
      if (image.isPresent()) {
        unsealImage(image.get());
      }
      for (int i = 0; i < configuration.files().size(); i++) {
        RunConfiguration.InjectedFile f = configuration.files().get(i);
        work.writeFile(layout.files().get(i), f.mode(), f.content());
      }
      if (!configuration.files().isEmpty()) {
        steps.step(configuration.files().size() + " files of the policy written");
      }
      for (int i = 0; i < configuration.volumes().size(); i++) {
        mount(configuration.volumes().get(i), layout.volumes().get(i), volumes.get(i));
      }
      work.directories(layout.pwd());
      program = start(layout.pwd());
    } catch (RunException | RuntimeException e) {
      clearAfter(e);
      throw e;
    }
    int status = waitFor(program);
    steps.step("program exited with status " + status);
    List<VolumeSave> saves = new ArrayList<>();
    for (int i = 0; i < configuration.volumes().size(); i++) {
      RunConfiguration.VolumeMount v = configuration.volumes().get(i);
      if (!v.readOnly()) {
        saves.add(save(v, layout.volumes().get(i)));
      }
    }
    work.clear();
    steps.step("work directory " + work.root() + " emptied");
    return new RunOutcome(status, saves);
  }

  private void checkOptions() throws RunException {
    if (options.imageTree().isPresent() && configuration.image().isEmpty()) {
      throw new RunException(
          RunException.Reason.IMAGE_OPTION_MISMATCH,
          "--fs given, but service "
              + configuration.service()
              + " of "
              + configuration.policy()
              + " has no protected image tree");
    }
    if (options.imageTree().isEmpty() && configuration.image().isPresent()) {
      throw new RunException(
          RunException.Reason.IMAGE_OPTION_MISMATCH,
          "service "
              + configuration.service()
              + " of "
              + configuration.policy()
              + " has a protected image tree: give it with --fs DIR");
    }
    if (!configuration.volumes().isEmpty() && store.isEmpty()) {
      throw new RunException(
          RunException.Reason.VOLUME_STORE_MISSING,
          "service "
              + configuration.service()
              + " mounts volumes: give the directory of their sealed copies with --volumes DIR");
    }
    Path root = work.root();
    for (Optional<Path> other : List.of(options.imageTree(), store.map(VolumeStore::root))) {
      if (other.isPresent()) {
        Path o = other.get().toAbsolutePath().normalize();
        if (o.startsWith(root) || root.startsWith(o)) {
          throw new RunException(
              RunException.Reason.PATH_CONFLICT,
              o + " and the work directory " + root + " overlap; keep sealed trees outside it");
        }
      }
    }
  }

  private Optional<ShieldedTree> openImage() throws RunException {
    if (configuration.image().isEmpty()) {
      return Optional.empty();
    }
    RunConfiguration.ProtectedImage expected = configuration.image().get();
    Path tree = options.imageTree().orElseThrow();
    try {
      return Optional.of(FsShield.open(tree, expected.key(), expected.tag()));
    } catch (FsShieldException e) {
      throw imageRefused(tree, e);
    }
  }

  private void unsealImage(ShieldedTree image) throws RunException {
    try {
      image.unsealTo(work.root(), Progress.none());
    } catch (FsShieldException e) {
      throw imageRefused(options.imageTree().orElseThrow(), e);
    }
    steps.step("protected image tree " + image.tag().hex() + " unsealed into " + work.root());
  }

  private static RunException imageRefused(Path tree, FsShieldException e) {
    return new RunException(
        RunException.Reason.IMAGE_REFUSED,
        "protected image tree "
            + tree
            + " refused: "
            + e.reason()
            + ": "
            + e.getMessage()
            + "; not starting",
        e);
  }

  private void mount(RunConfiguration.VolumeMount v, Path at, Optional<ShieldedTree> current)
      throws RunException {
    work.directories(at.getParent());
    if (current.isEmpty()) {
      work.directories(at);
      steps.step("volume " + v.name() + ": new and empty at " + at);
      return;
    }
    try {
      current.get().unsealTo(at, Progress.none());
    } catch (FsShieldException e) {
      throw new RunException(
          RunException.Reason.VOLUME_REFUSED,
          "volume "
              + v.name()
              + " refused: "
              + e.reason()
              + ": "
              + e.getMessage()
              + "; not starting",
          e);
    }
    steps.step("volume " + v.name() + ": generation " + v.generation() + " unsealed at " + at);
  }

  private Process start(Path pwd) throws RunException {
    ProgramLaunch launch =
        ProgramLaunch.of(configuration, options.hostArguments(), options.hostEnvironment(), pwd);
    if (launch.droppedArguments() > 0) {
      steps.warning(
          launch.droppedArguments()
              + " host argument(s) dropped: the policy's allow_host_args does not list them");
    }
    try {
      Process p = launch.builder().start();
      steps.step("program started (pid " + p.pid() + ")");
      return p;
    } catch (IOException e) {
      throw new RunException(
          RunException.Reason.PROGRAM_NOT_STARTED,
          "the program of service "
              + configuration.service()
              + " could not be started in "
              + pwd
              + ": "
              + e.getClass().getSimpleName(),
          e);
    }
  }

  /** Waits for the program, forwarding signals to it; an interrupt stops it (SIGTERM). */
  private static int waitFor(Process program) {
    boolean interrupted = false;
    SignalForwarding.Registration forwarding = SignalForwarding.instance().forwardTo(program);
    try {
      while (true) {
        try {
          return program.waitFor();
        } catch (InterruptedException e) {
          interrupted = true;
          program.destroy();
        }
      }
    } finally {
      forwarding.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private VolumeSave save(RunConfiguration.VolumeMount v, Path mount) {
    VolumeStore volumes = store.orElseThrow();
    Tag next;
    try {
      if (!Files.isDirectory(mount, LinkOption.NOFOLLOW_LINKS)) {
        return failed(v, "its mount directory " + mount + " is gone");
      }
      next = volumes.sealNew(v, mount);
    } catch (FsShieldException e) {
      return failed(v, "cannot seal it: " + e.reason() + ": " + e.getMessage());
    } catch (IOException e) {
      return failed(v, "cannot write " + volumes.versions(v) + ": " + e);
    }
    try {
      reporter.report(v.name(), v.tag(), next);
    } catch (VolumeReportException e) {
      // Only a definite refusal (another writer won) lets the new version go. Any other failure may
      // have reached the CAS before the answer was lost: the new version is kept beside the old,
      // and
      // the next run takes whichever the CAS's tag names.
      if (e.reason() == VolumeReportException.Reason.STALE_TAG) {
        discard(v, next);
      }
      VolumeSave.Status status =
          e.reason() == VolumeReportException.Reason.STALE_TAG
              ? VolumeSave.Status.STALE_TAG
              : VolumeSave.Status.FAILED;
      String why =
          status == VolumeSave.Status.STALE_TAG
              ? "another writer moved its tag first"
              : "its new tag could not be reported (the new version "
                  + next.hex()
                  + " is kept in case the CAS took it; the previous one stays current otherwise)";
      steps.warning("volume " + v.name() + ": NOT saved: " + why);
      return new VolumeSave(v.name(), status, Optional.empty(), why + ": " + e.getMessage());
    }
    if (v.tag().isPresent()) {
      try {
        volumes.delete(v, v.tag().get());
      } catch (IOException e) {
        steps.warning(
            "volume "
                + v.name()
                + ": the superseded version "
                + v.tag().get().hex()
                + " could not be deleted: "
                + e);
      }
    }
    steps.step("volume " + v.name() + ": saved, tag " + next.hex());
    return new VolumeSave(v.name(), VolumeSave.Status.SAVED, Optional.of(next), "");
  }

  private VolumeSave failed(RunConfiguration.VolumeMount v, String why) {
    steps.warning("volume " + v.name() + ": NOT saved: " + why);
    return new VolumeSave(v.name(), VolumeSave.Status.FAILED, Optional.empty(), why);
  }

  private void discard(RunConfiguration.VolumeMount v, Tag next) {
    try {
      store.orElseThrow().delete(v, next);
    } catch (IOException e) {
      steps.warning("volume " + v.name() + ": the refused version " + next.hex() + " stays: " + e);
    }
  }

  private void clearAfter(Exception cause) {
    try {
      work.clear();
    } catch (RunException e) {
      cause.addSuppressed(e);
    }
  }
}
