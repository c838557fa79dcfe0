package io.trackercookie.internal.jaxrs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.internal.engine.ValueConverter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The application's ObjectMapper, from the {@code ContextResolver<ObjectMapper>} it registers with
 * JAX-RS, as the {@link ValueConverter} the tracker reads and writes values with.
 */
final class ObjectMapperLookup {

  private ObjectMapperLookup() {}

  /**
   * The converter for this application: its resolver's mapper for each type it answers, the default
   * mapper otherwise. The resolver is looked up once, here, since an application's providers do not
   * change.
   */
  static ValueConverter converter(Providers providers) {
    ContextResolver<ObjectMapper> resolver =
        providers == null
            ? null
            : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    if (resolver == null) {
      return ValueConverter.DEFAULT;
    }
    return new ValueConverter(type -> resolver.getContext(rawClass(type)));
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType parameterized) {
      return rawClass(parameterized.getRawType());
    }
    return Object.class;
  }
}
