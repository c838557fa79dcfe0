package io.trackercookie.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * CDI glue for runtimes that run portable extensions (Weld: Jakarta EE servers, Helidon MP): adds
 * {@link TrackerProducer} and {@link TrackerRequestHolder} as beans unless the runtime already
 * discovered them, so {@code @Inject Tracker} and {@code @Inject Revocations} work. Found by CDI
 * through {@code META-INF/services}. The jar's {@code beans.xml} (discovery mode annotated) lets a
 * runtime discover both classes itself, as Quarkus, which runs no portable extension, does; a
 * runtime that does not scan the jar gets them from here. The tracker itself is still made by
 * {@code TrackerFeature}.
 */
public final class TrackerCdiExtension implements Extension {

  private boolean producerSeen;
  private boolean holderSeen;

  void producerSeen(@Observes ProcessAnnotatedType<TrackerProducer> event) {
    producerSeen = true;
  }

  void holderSeen(@Observes ProcessAnnotatedType<TrackerRequestHolder> event) {
    holderSeen = true;
  }

  void addUnseen(@Observes AfterTypeDiscovery discovery, BeanManager beans) {
    // Added once only: a second registration would make @Inject Tracker ambiguous.
    if (!producerSeen) {
      discovery.addAnnotatedType(
          beans.createAnnotatedType(TrackerProducer.class), TrackerProducer.class.getName());
    }
    if (!holderSeen) {
      discovery.addAnnotatedType(
          beans.createAnnotatedType(TrackerRequestHolder.class),
          TrackerRequestHolder.class.getName());
    }
  }
}
