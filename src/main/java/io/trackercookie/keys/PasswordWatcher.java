package io.trackercookie.keys;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Reloads {@link PasswordFiles} when they change, on a daemon thread that polls their {@linkplain
 * PasswordFiles#fingerprint() fingerprint} (modification times, sizes and link targets: a
 * WatchService misses Kubernetes' symbolic-link swap).
 *
 * <p>A change is read once it has held still for one poll, so a file caught half-written is read
 * again when its writer is done. A ring that cannot be used (a file gone, empty, short, weak or
 * garbled, or refused by the target) leaves the last good one in force and logs one WARNING per
 * problem, naming the file, never its content; a problem is not logged twice before a good ring
 * comes into force, but each later change to the files that still cannot be applied is one WARNING
 * repeating what blocks it. Polls that find nothing changed log nothing.
 *
 * <p>The target is held weakly: once the application that owns it is gone, the thread ends by
 * itself. {@link #close()} ends it at once.
 */
public final class PasswordWatcher implements AutoCloseable {

  /** The name of the polling thread. */
  public static final String THREAD_NAME = "tracker-password-files";

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final PasswordFiles files;
  private final int minLength;
  private final boolean allowWeak;
  private final long intervalMillis;
  private final WeakReference<Consumer<PasswordRing>> target;
  private final Thread thread;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;

  // Touched by the polling thread only.
  private @Nullable String loaded; // the fingerprint of the ring in force
  private @Nullable String seen; // the fingerprint seen on the last poll
  private @Nullable String
      refused; // the fingerprint of the files last refused, null since a good ring
  private final Set<String> warned = new HashSet<>(); // problems logged since the last good ring

  /**
   * A watcher, not yet started, of files whose ring is already in force.
   *
   * @param loadedFingerprint the fingerprint of the files as they were read for the ring in force
   * @param target told of each new usable ring; may throw IllegalArgumentException or
   *     IllegalStateException to refuse one (the last good ring then stays)
   * @throws IllegalArgumentException if the interval is not positive
   */
  public PasswordWatcher(
      PasswordFiles files,
      String loadedFingerprint,
      int minLength,
      boolean allowWeak,
      Duration pollInterval,
      Consumer<PasswordRing> target) {
    this.files = Objects.requireNonNull(files, "files");
    this.loaded = Objects.requireNonNull(loadedFingerprint, "loadedFingerprint");
    this.seen = loadedFingerprint;
    this.minLength = minLength;
    this.allowWeak = allowWeak;
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    this.intervalMillis = Math.max(1, pollInterval.toMillis());
    this.target = new WeakReference<>(Objects.requireNonNull(target, "target"));
    this.thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
  }

  /** Starts polling; a second call does nothing. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      thread.start();
    }
  }

  /** Stops polling and waits (briefly) for the thread to end. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (!closed) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      if (closed || !poll()) {
        return;
      }
    }
  }

  /**
   * One look at the files; false once the target is gone.
   *
   * <p>Any failure is caught: the thread must outlive a bad file, and a bad file must never reach a
   * request.
   */
  boolean poll() {
    Consumer<PasswordRing> consumer = target.get();
    if (consumer == null) {
      return false;
    }
    String now = null;
    try {
      now = files.fingerprint();
      if (now.equals(loaded)) {
        seen = now;
        return true;
      }
      if (!now.equals(seen)) {
        seen = now; // still changing, perhaps being written: read it once it holds still
        return true;
      }
      PasswordRing ring;
      try {
        ring = files.read(minLength, allowWeak);
      } catch (PasswordFiles.UnusableException e) {
        refused(now, e.problems());
        return true;
      }
      if (!files.fingerprint().equals(now)) {
        return true; // changed while being read: read again once it holds still
      }
      try {
        consumer.accept(ring);
      } catch (IllegalArgumentException | IllegalStateException e) {
        refused(now, List.of("Tracker password files " + files.path() + ": " + e.getMessage()));
        return true;
      }
      loaded = now;
      refused = null;
      warned.clear();
      LOG.info("Tracker passwords reloaded from " + files.path() + ": " + ring);
    } catch (RuntimeException e) {
      refused(
          now,
          List.of(
              "Tracker password files "
                  + files.path()
                  + " could not be reloaded ("
                  + e.getClass().getSimpleName()
                  + ")"));
    }
    return true;
  }

  /**
   * Logs why the files, as they are now, cannot be used: each problem once until a good ring comes
   * into force. When the files changed since they were last refused and no problem is new, one
   * WARNING says that the change is not applied and repeats what blocks it: otherwise a change made
   * behind a file still at fault (a leaked password removed) would pass in silence.
   */
  private void refused(@Nullable String fingerprint, List<String> problems) {
    boolean changed = fingerprint != null && !fingerprint.equals(refused);
    if (fingerprint != null) {
      refused = fingerprint;
    }
    boolean anyNew = false;
    for (String problem : problems) {
      if (warned.add(problem)) {
        anyNew = true;
        LOG.log(Level.WARNING, problem + "; the passwords in force stay in force");
      }
    }
    if (changed && !anyNew) {
      LOG.log(
          Level.WARNING,
          "Tracker password files "
              + files.path()
              + " changed, but the change is not applied while this remains: "
              + String.join("; ", problems)
              + "; the passwords in force stay in force");
    }
  }

  @Override
  public String toString() {
    return "PasswordWatcher[" + files + ", every " + intervalMillis + " ms]";
  }
}
