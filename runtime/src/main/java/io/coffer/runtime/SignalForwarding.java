package io.coffer.runtime;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forwards SIGINT, SIGTERM and SIGHUP received by this JVM to the running programs, with {@code
 * kill -s SIG pid}. The handlers are installed while at least one program runs and the JVM's own
 * are restored after the last one exits, so this JVM does not stop on those signals while it must
 * still re-seal volumes, and stops as usual otherwise.
 *
 * <p>{@code sun.misc.Signal} is the one JDK interface to signal handlers; it is reached through
 * reflection because javac warns on it (and warnings are errors here). Where it is missing (another
 * JVM), signals are not forwarded: the program still gets them when sent to its process group.
 */
final class SignalForwarding {

  /** The signals forwarded. */
  static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

  private static final SignalForwarding INSTANCE = new SignalForwarding();

  private final Set<Process> programs = new LinkedHashSet<>();
  private final Map<String, Object> previous = new LinkedHashMap<>();

  private SignalForwarding() {}

  /** The JVM's forwarding. */
  static SignalForwarding instance() {
    return INSTANCE;
  }

  /** Forwards signals to {@code program} until the returned registration is closed. */
  synchronized Registration forwardTo(Process program) {
    if (programs.isEmpty()) {
      install();
    }
    programs.add(program);
    return () -> release(program);
  }

  /** A program's registration; closing it stops forwarding to it. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private synchronized void release(Process program) {
    if (programs.remove(program) && programs.isEmpty()) {
      restore();
    }
  }

  /** Sends {@code signal} to every program still running. */
  void deliver(String signal) {
    List<Process> now;
    synchronized (this) {
      now = new ArrayList<>(programs);
    }
    for (Process p : now) {
      if (p.isAlive()) {
        send(signal, p.pid());
      }
    }
  }

  /** {@code kill -s signal pid}; a failure leaves the program running (it is reported nowhere). */
  static void send(String signal, long pid) {
    try {
      new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      // The program exits on its own or with its process group; nothing else can be done.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void install() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      for (String name : SIGNALS) {
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        InvocationHandler forward =
            (proxy, method, args) -> {
              if (method.getName().equals("handle")) {
                deliver(name);
                return null;
              }
              return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "forward SIG" + name;
                default -> null;
              };
            };
        Object handler =
            Proxy.newProxyInstance(
                handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, forward);
        try {
          previous.put(name, handle.invoke(null, signal, handler));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
          // This signal is reserved (e.g. -Xrs): not forwarded.
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // No sun.misc.Signal on this JVM: signals are not forwarded.
    }
  }

  private void restore() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      for (Map.Entry<String, Object> e : previous.entrySet()) {
        handle.invoke(
            null, signalClass.getConstructor(String.class).newInstance(e.getKey()), e.getValue());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Nothing was installed.
    } finally {
      previous.clear();
    }
  }
}
