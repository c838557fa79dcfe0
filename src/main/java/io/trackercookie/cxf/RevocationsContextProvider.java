package io.trackercookie.cxf;

import io.trackercookie.Revocations;
import java.util.Objects;
import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.message.Message;

/**
 * Apache CXF glue: makes {@code @Context Revocations} work in resource methods and fields. CXF's
 * {@code @Context Configuration} holds only the application's own properties, not those a feature
 * sets, so {@code Revocations.from(configuration)} finds nothing there: the feature hands this
 * provider the application's Revocations instead. Registered by {@code TrackerFeature} only with
 * revocation on and CXF on the class path.
 */
public final class RevocationsContextProvider implements ContextProvider<Revocations> {

  private final Revocations revocations;

  /** Provides {@code revocations} to every request. */
  public RevocationsContextProvider(Revocations revocations) {
    this.revocations = Objects.requireNonNull(revocations, "revocations");
  }

  @Override
  public Revocations createContext(Message message) {
    return revocations;
  }
}
