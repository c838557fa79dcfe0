package io.trackercookie;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a resource method, or every method of a resource class, from the {@link
 * CrossSiteProtection}: its unsafe requests are neither checked for their origin nor for a CSRF
 * token. For an endpoint that other sites post to on purpose (a payment provider's callback, a form
 * on a partner's page) and that acts on nothing the visitor's cookies vouch for.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CrossSiteAllowed {}
