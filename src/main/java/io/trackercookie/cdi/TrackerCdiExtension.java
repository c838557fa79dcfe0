package io.trackercookie.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * CDI glue: adds {@link TrackerProducer}, so {@code @Inject Tracker} works in CDI beans, resources
 * included, on servers that serve Jakarta REST through servlets (every Jakarta EE server). Found by
 * CDI through {@code META-INF/services}, since CDI discovers beans before any JAX-RS feature runs;
 * does nothing where the servlet API is absent. The tracker is still made by {@code
 * TrackerFeature}, which the application registers as usual.
 */
public final class TrackerCdiExtension implements Extension {

  private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

  void addProducer(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
    try {
      Class.forName(SERVLET_REQUEST, false, TrackerCdiExtension.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return; // not a servlet environment: nothing to read the tracker from
    }
    discovery.addAnnotatedType(
        beans.createAnnotatedType(TrackerProducer.class), TrackerProducer.class.getName());
  }
}
