package io.trackercookie.internal.jaxrs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.internal.engine.TrackerEngine;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Providers;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets a resource take the tracked data as a typed, read-only parameter, e.g. a {@code Visit}
 * parameter annotated {@code @CookieParam("persistent-information")}. Null when the cookie is
 * absent or invalid, never an error. Only parameters with {@code @CookieParam} of the tracker's
 * cookie name and a type other than String are handled (a String parameter still gets the raw
 * value).
 *
 * <p>The runtime's cookie parser may pick another duplicate than ours, so the value it offers is
 * only the signal that the cookie is there: the raw headers are read again with the tracker's own
 * rules, and the result is the same as the Tracker's. Rejections are logged here but told to
 * listeners only by the Tracker, so they are not counted twice.
 */
public final class TrackerParamConverterProvider implements ParamConverterProvider {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final TrackerEngine engine;

  @Context private HttpHeaders headers;
  @Context private Providers providers;

  TrackerParamConverterProvider(TrackerEngine engine) {
    this.engine = engine;
  }

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == String.class || !isCookieParam(annotations, engine.cookieName())) {
      return null;
    }
    return readOnly(() -> engine, rawType, genericType, () -> headers, () -> providers);
  }

  /**
   * The read-only converter: re-reads the raw Cookie headers with the tracker's own rules. The
   * engine is asked for on each read, so that a provider found by scanning can hand over the one
   * configured after it was created; with no engine yet, the parameter is null.
   */
  static <T> ParamConverter<T> readOnly(
      Supplier<TrackerEngine> engine,
      Class<T> rawType,
      Type genericType,
      Supplier<HttpHeaders> headers,
      Supplier<Providers> providers) {
    Type type = genericType != null ? genericType : rawType;
    return new ParamConverter<T>() {
      @Override
      public T fromString(String ignored) {
        TrackerEngine current = engine.get();
        if (current == null) {
          return null;
        }
        ObjectNode content = current.peek(headers.get().getRequestHeader(HttpHeaders.COOKIE));
        if (content == null) {
          return null;
        }
        try {
          return rawType.cast(
              ObjectMapperLookup.converter(providers.get(), current.config().json())
                  .read(content, type));
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "Tracker cookie does not convert to {0}", type.getTypeName());
          return null;
        }
      }

      @Override
      public String toString(T value) {
        throw new UnsupportedOperationException("The tracker parameter is read-only");
      }
    };
  }

  /** Whether the annotations hold {@code @CookieParam(cookieName)}. */
  static boolean isCookieParam(Annotation[] annotations, String cookieName) {
    if (annotations == null) {
      return false;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof CookieParam cookieParam && cookieName.equals(cookieParam.value())) {
        return true;
      }
    }
    return false;
  }
}
