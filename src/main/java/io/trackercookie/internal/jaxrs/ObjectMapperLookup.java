package io.trackercookie.internal.jaxrs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.JsonOptions;
import io.trackercookie.internal.engine.ValueConverter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The application's ObjectMapper, as the {@link ValueConverter} the tracker reads and writes values
 * with: the one {@link JsonOptions} names, else the {@code ContextResolver<ObjectMapper>} it
 * registers with JAX-RS, else the tracker's own.
 */
final class ObjectMapperLookup {

  private ObjectMapperLookup() {}

  /**
   * The converter for this application: the configured mapper for every type; else its resolver's
   * mapper for each type it answers, the default mapper otherwise. The resolver is looked up once,
   * here, since an application's providers do not change.
   */
  static ValueConverter converter(Providers providers, JsonOptions json) {
    ObjectMapper configured = json.objectMapper().orElse(null);
    if (configured != null) {
      return new ValueConverter(type -> configured, json.strictReads());
    }
    ContextResolver<ObjectMapper> resolver =
        providers == null
            ? null
            : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    if (resolver == null) {
      return json.strictReads() ? new ValueConverter(type -> null, true) : ValueConverter.DEFAULT;
    }
    return new ValueConverter(type -> resolver.getContext(rawClass(type)), json.strictReads());
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
