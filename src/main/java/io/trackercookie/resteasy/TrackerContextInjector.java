package io.trackercookie.resteasy;

import io.trackercookie.SignInCookie;
import io.trackercookie.Tracker;
import jakarta.ws.rs.core.GenericType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.spi.ContextInjector;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.jspecify.annotations.Nullable;

/**
 * RESTEasy glue: makes {@code @Context Tracker} work in resource methods and fields. Registered by
 * {@code TrackerFeature} only when RESTEasy is on the class path.
 *
 * <p>RESTEasy may resolve a context once, for a singleton's field, so what it gets is a stand-in
 * that finds the current request's Tracker on every call.
 */
public final class TrackerContextInjector implements ContextInjector<Tracker, Tracker> {

  private static final Tracker CURRENT = new CurrentTracker();

  @Override
  public @Nullable Tracker resolve(
      Class<? extends Tracker> rawType, Type genericType, Annotation[] annotations) {
    return Tracker.class.equals(rawType) ? CURRENT : null;
  }

  private static Tracker current() {
    HttpRequest request = ResteasyProviderFactory.getInstance().getContextData(HttpRequest.class);
    return Tracker.fromProperty(request == null ? null : request.getAttribute(Tracker.PROPERTY));
  }

  /** Forwards every call to the Tracker of the request being served. */
  private static final class CurrentTracker implements Tracker {
    @Override
    public @Nullable Object get(String key) {
      return current().get(key);
    }

    @Override
    public <T> @Nullable T get(String key, Class<T> type) {
      return current().get(key, type);
    }

    @Override
    public <T> @Nullable T get(String key, GenericType<T> type) {
      return current().get(key, type);
    }

    @Override
    public boolean containsKey(String key) {
      return current().containsKey(key);
    }

    @Override
    public void put(String key, @Nullable Object value) {
      current().put(key, value);
    }

    @Override
    public @Nullable Object remove(String key) {
      return current().remove(key);
    }

    @Override
    public void clear() {
      current().clear();
    }

    @Override
    public boolean revoke() {
      return current().revoke();
    }

    @Override
    public boolean isEmpty() {
      return current().isEmpty();
    }

    @Override
    public Map<String, @Nullable Object> asMap() {
      return current().asMap();
    }

    @Override
    public void replaceWith(@Nullable Object content) {
      current().replaceWith(content);
    }

    @Override
    public <T> T as(Class<T> type) {
      return current().as(type);
    }

    @Override
    public <T> T as(GenericType<T> type) {
      return current().as(type);
    }

    @Override
    public boolean signIn(String subject, SignInCookie cookie) {
      return current().signIn(subject, cookie);
    }

    @Override
    public boolean renew() {
      return current().renew();
    }

    @Override
    public boolean signOut() {
      return current().signOut();
    }

    @Override
    public boolean signedIn() {
      return current().signedIn();
    }

    @Override
    public Optional<String> subject() {
      return current().subject();
    }

    @Override
    public Optional<Instant> signedInAt() {
      return current().signedInAt();
    }

    @Override
    public boolean signedInWithin(Duration within) {
      return current().signedInWithin(within);
    }

    @Override
    public String csrfToken() {
      return current().csrfToken();
    }

    @Override
    public String renewCsrfToken() {
      return current().renewCsrfToken();
    }

    @Override
    public void flash(String key, @Nullable Object value) {
      current().flash(key, value);
    }

    @Override
    public @Nullable Object flashed(String key) {
      return current().flashed(key);
    }

    @Override
    public <T> @Nullable T flashed(String key, Class<T> type) {
      return current().flashed(key, type);
    }

    @Override
    public String toString() {
      return "Tracker of the current request";
    }
  }
}
