package io.coffer.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run puts things: the policy's paths resolved inside the work directory and checked not to
 * collide, before anything is written.
 *
 * @param files the injected files, in the configuration's order
 * @param volumes the mount points, in the configuration's order
 * @param pwd the program's working directory
 */
record RunLayout(List<Path> files, List<Path> volumes, Path pwd) {

  RunLayout {
    files = List.copyOf(files);
    volumes = List.copyOf(volumes);
  }

  /**
   * Resolves and checks every path of {@code c}: inside the work directory, no file twice, no
   * volume inside another, no file inside a volume (sealing the volume would take it away) and no
   * volume under a file.
   *
   * @throws RunException {@link RunException.Reason#PATH_OUTSIDE_WORK_DIRECTORY} or {@link
   *     RunException.Reason#PATH_CONFLICT}
   */
  static RunLayout check(RunConfiguration c, WorkArea work) throws RunException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < c.files().size(); i++) {
      Path p = work.inside(c.files().get(i).path(), "files[" + i + "].path", false);
      if (files.contains(p)) {
        throw conflict("files[" + i + "].path " + p + ": written twice");
      }
      files.add(p);
    }
    List<Path> volumes = new ArrayList<>();
    for (int i = 0; i < c.volumes().size(); i++) {
      String what = "volumes[" + i + "] (" + c.volumes().get(i).name() + ").path";
      Path p = work.inside(c.volumes().get(i).path(), what, false);
      for (Path other : volumes) {
        if (p.startsWith(other) || other.startsWith(p)) {
          throw conflict(what + " " + p + ": overlaps the volume at " + other);
        }
      }
      for (Path f : files) {
        if (f.startsWith(p) || p.startsWith(f)) {
          throw conflict(what + " " + p + ": overlaps the policy file " + f);
        }
      }
      volumes.add(p);
    }
    Path pwd = c.pwd().isPresent() ? work.inside(c.pwd().get(), "pwd", true) : work.root();
    for (Path f : files) {
      if (pwd.startsWith(f)) {
        throw conflict("pwd " + pwd + ": under the policy file " + f);
      }
    }
    return new RunLayout(files, volumes, pwd);
  }

  private static RunException conflict(String message) {
    return new RunException(RunException.Reason.PATH_CONFLICT, message);
  }
}
