package io.trackercookie.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * The application's ObjectMapper when it provides a {@code ContextResolver<ObjectMapper>}, used as
 * the application configured it; else a default that ignores unknown properties, since a tracker
 * holds keys from many parts of an application and a typed read wants only its own.
 */
final class Mappers {

  static final ObjectMapper DEFAULT =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Mappers() {}

  /**
   * The mapper for each type. The application's resolver is looked up once, here: an application's
   * providers do not change, and the profile showed the lookup on every tracker read.
   */
  static Function<Type, ObjectMapper> of(Providers providers) {
    ContextResolver<ObjectMapper> resolver =
        providers == null
            ? null
            : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    if (resolver == null) {
      return type -> DEFAULT;
    }
    return type -> {
      ObjectMapper mapper = resolver.getContext(rawClass(type));
      return mapper != null ? mapper : DEFAULT;
    };
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
      return rawClass(parameterized.getRawType());
    }
    return Object.class;
  }
}
