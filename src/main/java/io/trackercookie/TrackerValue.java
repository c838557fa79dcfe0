package io.trackercookie;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method parameter that receives the whole tracker read as its type, as {@link
 * Tracker#as} reads it, whatever the cookie is called:
 *
 * <pre>{@code
 * record Visit(String lastPath, int count) {}
 *
 * @GET @Path("visit")
 * public String visit(@TrackerValue Visit visit) { return visit == null ? "first visit" : visit.lastPath(); }
 * }</pre>
 *
 * <p>Null when the tracker is empty (no cookie, or one that was refused). Keys the type does not
 * have are ignored unless {@link JsonOptions.Builder#strictReads}, which refuses them with {@link
 * UnknownTrackerKeyException} (a 400 unless the application maps it); content the type cannot hold
 * is an IllegalArgumentException, as for {@link Tracker#as}. Read-only: changes go through
 * {@code @Context Tracker}.
 *
 * <p><b>Jersey only.</b> Jakarta REST has no portable way for a library to supply a parameter of
 * its own annotation; Jersey's does, through the glue the feature registers when Jersey is present.
 * Elsewhere (RESTEasy, CXF), where the runtime would read the parameter as the request's body, a
 * method that takes one stops the application's start with an IllegalStateException naming it: take
 * {@code @Context Tracker tracker} and call {@code tracker.as(Visit.class)}, which works on every
 * runtime.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TrackerValue {}
