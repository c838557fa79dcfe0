package io.trackercookie.internal.jaxrs;

import io.trackercookie.TrackerTooLargeException;
import io.trackercookie.UnknownTrackerKeyException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature's ready answers to the tracker's own exceptions, as RFC 9457 problem bodies that name
 * limits and never a value: {@link TrackerTooLargeException} as a 413, {@link
 * UnknownTrackerKeyException} as a 400. Each is registered only when the application registered no
 * mapper of that exact exception type itself, and then with a priority below any application's, so
 * an application's mapper wins on runtimes that let priorities decide (JAX-RS 3.1) as well as on
 * those that do not.
 */
final class ProblemMappers {

  /** RFC 9457's media type. */
  static final String PROBLEM_JSON = "application/problem+json";

  /** The problem type of the 413. */
  static final String TOO_LARGE_TYPE = "urn:io.trackercookie:tracker-too-large";

  // Below Priorities.USER (5000), the default of an application's providers: a larger number is a
  // lower priority.
  private static final int BELOW_APPLICATION = Priorities.USER + 1000;

  private ProblemMappers() {}

  /** Registers each mapper the application does not provide itself. */
  static void register(FeatureContext context) {
    Configuration configuration = context.getConfiguration();
    if (!mapped(configuration, TrackerTooLargeException.class)) {
      context.register(new TooLargeMapper(), BELOW_APPLICATION);
    }
    if (!mapped(configuration, UnknownTrackerKeyException.class)) {
      context.register(new UnknownKeyMapper(), BELOW_APPLICATION);
    }
  }

  /** Whether a registered ExceptionMapper's type parameter is exactly {@code exception}. */
  static boolean mapped(Configuration configuration, Class<? extends Throwable> exception) {
    List<Class<?>> providers = new ArrayList<>(configuration.getClasses());
    for (Object instance : configuration.getInstances()) {
      providers.add(instance.getClass());
    }
    for (Class<?> provider : providers) {
      if (ExceptionMapper.class.isAssignableFrom(provider)
          && exception.equals(mappedType(provider))) {
        return true;
      }
    }
    return false;
  }

  /** The type an ExceptionMapper class maps, found up its class hierarchy; null if not declared. */
  private static Type mappedType(Class<?> provider) {
    for (Class<?> type = provider;
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Type implemented : type.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType parameterized
            && parameterized.getRawType() == ExceptionMapper.class) {
          return parameterized.getActualTypeArguments()[0];
        }
      }
    }
    return null;
  }

  private static Response problem(
      int status, String type, String title, String detail, String extra) {
    String body =
        "{\"type\":\""
            + type
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\""
            + extra
            + "}";
    return Response.status(status)
        .type(PROBLEM_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(body)
        .build();
  }

  /** A tracker past its limit: 413, naming the size and the limit, never a key or a value. */
  static final class TooLargeMapper implements ExceptionMapper<TrackerTooLargeException> {
    @Override
    public Response toResponse(TrackerTooLargeException e) {
      return problem(
          413,
          TOO_LARGE_TYPE,
          "Tracker too large",
          "The tracker cookie would be "
              + e.setCookieBytes()
              + " bytes, over the limit of "
              + e.limitBytes()
              + " bytes; the change was not kept.",
          ",\"limitBytes\":" + e.limitBytes() + ",\"bytes\":" + e.setCookieBytes());
    }
  }

  /**
   * A strict read that met a key its type does not have: 400, naming neither the key, the type nor
   * a value (the exception's message, for the application's logs, names the path and the type).
   */
  static final class UnknownKeyMapper implements ExceptionMapper<UnknownTrackerKeyException> {
    @Override
    public Response toResponse(UnknownTrackerKeyException e) {
      return problem(
          400,
          UnknownTrackerKeyException.PROBLEM_TYPE,
          "Unexpected tracker content",
          "The tracker holds a key this request does not accept.",
          "");
    }
  }
}
