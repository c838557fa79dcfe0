/**
 * Jakarta Security glue for Jakarta EE servers (Payara, WildFly): {@link
 * io.trackercookie.security.TrackerAuthenticationMechanism}, which makes the tracker's signed-in
 * subject the container's caller. Loaded only when the application opts in by extending it; nothing
 * here runs, or needs Jakarta Security on the class path, otherwise.
 */
@NullMarked
package io.trackercookie.security;

import org.jspecify.annotations.NullMarked;
