package io.trackercookie.cxf;

import io.trackercookie.Tracker;
import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.jaxrs.impl.PropertyHolderFactory;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;

/**
 * Apache CXF glue: makes {@code @Context Tracker} work in resource methods and fields (CXF puts a
 * thread-local proxy in singletons' fields). Registered by {@code TrackerFeature} only when CXF is
 * on the class path.
 */
public final class TrackerContextProvider implements ContextProvider<Tracker> {

  @Override
  public Tracker createContext(Message message) {
    Exchange exchange = message.getExchange();
    Message in =
        exchange != null && exchange.getInMessage() != null ? exchange.getInMessage() : message;
    // Where ContainerRequestContext.setProperty put it: the message, or the servlet request.
    return Tracker.fromProperty(
        PropertyHolderFactory.getPropertyHolder(in).getProperty(Tracker.PROPERTY));
  }
}
