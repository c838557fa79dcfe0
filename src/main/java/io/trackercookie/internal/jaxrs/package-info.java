/**
 * Not API; may change in any release. The request path's JAX-RS side: what {@code
 * TrackerFeature.configure} registers. Names no runtime: each runtime's injection glue is loaded by
 * name when that runtime is on the class path.
 *
 * <ul>
 *   <li>{@code FeatureRegistration}: registers the filters and the converter, the runtime glue, the
 *       application's {@code Revocations}, and starts the password files' watcher; logs the {@code
 *       StartupChecks} findings (configurations that start fine and bite later).
 *   <li>{@code TrackerRequestFilter} (pre-matching, before authentication): a lazy {@code
 *       RequestTracker} on the request; no crypto. {@code TrackerResponseFilter}: its Set-Cookie
 *       lines on the response ({@code Cache-Control: no-store} with them), and the diagnostics
 *       header when that is on.
 *   <li>{@code SignedInSecurityContextFilter} (post-matching, at authentication, only when sign-in
 *       is on): a signed-in request's {@code SignedInSecurityContext}, its subject as principal and
 *       its roles from the resolver or the seal, for {@code isUserInRole} and
 *       {@code @RolesAllowed}.
 *   <li>{@code ContainerCallers}: the same subject and roles read from a request's Cookie headers
 *       before JAX-RS runs, with the engine {@code FeatureRegistration} publishes for the
 *       application, for the Jakarta Security mechanism in {@code io.trackercookie.security}.
 *   <li>{@code RecentSignInFeature}: a filter before each method that carries {@code RecentSignIn}
 *       (or whose class does), refusing an older sign-in with a 403.
 *   <li>{@code TrackerParamConverterProvider}: a typed, read-only {@code @CookieParam} of the
 *       tracker's cookie.
 *   <li>{@code ObjectMapperLookup}: the application's ObjectMapper from its JAX-RS providers.
 *   <li>{@code CrossSiteFilter} (post-matching, before authentication, only when the cross-site
 *       protection is on): refuses unsafe requests from another site or origin ({@code
 *       CrossSiteCheck}, the rules on headers alone) and, when required, without the session's CSRF
 *       token (header, or the form field {@code FormToken} finds).
 * </ul>
 */
package io.trackercookie.internal.jaxrs;
