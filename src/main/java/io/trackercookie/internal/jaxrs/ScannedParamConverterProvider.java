package io.trackercookie.internal.jaxrs;

import io.trackercookie.internal.engine.TrackerEngine;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The typed {@code @CookieParam} for runtimes that find converters by scanning before any feature
 * runs: Quarkus looks converters up when it builds the application, so the instance that {@code
 * TrackerFeature} registers comes too late there. Found through {@code @Provider} (in the jar's
 * bean archive, or by a Jakarta EE server's scan); reads the engine that the feature configured
 * when a parameter is read, and behaves as {@link TrackerParamConverterProvider}. Where it is
 * registered, the feature registers no converter of its own, so there is one per application.
 */
@Provider
public final class ScannedParamConverterProvider implements ParamConverterProvider {

  @Context private HttpHeaders headers;
  @Context private Providers providers;
  @Context private Configuration configuration;

  /** For the runtime, which creates it. */
  public ScannedParamConverterProvider() {}

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == String.class || cookieParamName(annotations) == null) {
      return null;
    }
    TrackerEngine known = engine();
    if (known != null
        && !TrackerParamConverterProvider.isCookieParam(annotations, known.cookieName())) {
      return null;
    }
    // Not configured yet (Quarkus asks at build time): the name is checked when the value is read.
    String name = cookieParamName(annotations);
    return TrackerParamConverterProvider.readOnly(
        () -> {
          TrackerEngine engine = engine();
          return engine != null && engine.cookieName().equals(name) ? engine : null;
        },
        rawType,
        genericType,
        () -> headers,
        () -> providers);
  }

  private TrackerEngine engine() {
    return FeatureRegistration.configuredEngine(configuration);
  }

  private static String cookieParamName(Annotation[] annotations) {
    if (annotations != null) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof CookieParam cookieParam) {
          return cookieParam.value();
        }
      }
    }
    return null;
  }
}
