package io.trackercookie;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses a request to the annotated resource method (or every method of the annotated class)
 * unless the tracker was signed in within the last {@link #minutes()}: for sensitive actions that
 * ask the user to sign in again first (changing a password or an e-mail address, a payment). A
 * request whose sign-in is older, or that is not signed in, is answered before the method runs with
 * {@link RecentSignInRequiredException}'s 403 and its {@code application/problem+json} body. A
 * method's annotation wins over its class's. In code, {@link Tracker#requireSignInWithin} does the
 * same.
 *
 * <pre>{@code
 * @POST @Path("password") @RecentSignIn(minutes = 5)
 * public void changePassword(@Context Tracker tracker, PasswordChange change) { ... }
 * }</pre>
 *
 * <p>Needs sign-in on ({@link TrackerConfig.Builder#signIn}): without it, an annotated method stops
 * the application's start with an IllegalStateException.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RecentSignIn {

  /** How recent the sign-in must be, in minutes, 1 or more; default 5. */
  long minutes() default 5;
}
