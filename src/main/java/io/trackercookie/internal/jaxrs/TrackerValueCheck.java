package io.trackercookie.internal.jaxrs;

import io.trackercookie.TrackerValue;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * On a runtime without the glue that supplies {@link TrackerValue} parameters (any but Jersey),
 * stops the application's start at the first resource method that takes one, naming it and what to
 * use instead: that runtime would read the parameter as the request's body, silently.
 */
final class TrackerValueCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    for (Annotation[] parameter : method.getParameterAnnotations()) {
      for (Annotation annotation : parameter) {
        if (annotation instanceof TrackerValue) {
          Class<?> type = resource.getResourceClass();
          throw new IllegalStateException(
              "@TrackerValue on "
                  + (type == null ? method.getDeclaringClass() : type).getName()
                  + "."
                  + method.getName()
                  + " needs Jersey; on this runtime take @Context Tracker and call"
                  + " tracker.as(...)");
        }
      }
    }
  }
}
