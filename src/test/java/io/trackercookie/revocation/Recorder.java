package io.trackercookie.revocation;

import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the listener is told and the library's WARNINGs (and INFOs), for the tests to
 * check.
 */
final class Recorder extends Handler implements TrackerListener {

  final List<RejectionReason> rejections = new CopyOnWriteArrayList<>();
  final AtomicInteger unchecked = new AtomicInteger();
  final AtomicInteger overflows = new AtomicInteger();
  final List<String> warnings = new CopyOnWriteArrayList<>();
  final List<String> infos = new CopyOnWriteArrayList<>(); // INFO and above
  private final Logger logger = Logger.getLogger("io.trackercookie");

  Recorder() {
    logger.addHandler(this);
  }

  @Override
  public void cookieRejected(RejectionReason reason) {
    rejections.add(reason);
  }

  @Override
  public void revocationUnchecked() {
    unchecked.incrementAndGet();
  }

  @Override
  public void revocationStoreOverflowed() {
    overflows.incrementAndGet();
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      warnings.add(record.getMessage());
    }
    if (record.getLevel().intValue() >= Level.INFO.intValue()) {
      infos.add(record.getMessage());
    }
  }

  List<String> warningsAbout(String text) {
    return warnings.stream().filter(w -> w.contains(text)).toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
