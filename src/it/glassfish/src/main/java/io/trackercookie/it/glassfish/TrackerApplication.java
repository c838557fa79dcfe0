package io.trackercookie.it.glassfish;

import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.JakartaEeApplication;
import io.trackercookie.it.TypedCookieParamResource;
import jakarta.ws.rs.ApplicationPath;
import java.util.HashSet;
import java.util.Set;

/**
 * The shared application, deployed where the checks look for it, with the resources that take
 * {@code @Context Revocations} (GlassFish serves Jakarta REST with Jersey, whose glue injects it)
 * and a typed {@code @CookieParam}.
 */
@ApplicationPath("api")
public class TrackerApplication extends JakartaEeApplication {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(super.getClasses());
    classes.addAll(EmbeddedApplication.contextRevocationsResources());
    classes.add(TypedCookieParamResource.class);
    return classes;
  }
}
