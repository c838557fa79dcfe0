package io.trackercookie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.trackercookie.CookieSettings;
import io.trackercookie.RawHttp;
import io.trackercookie.RoleResolver;
import io.trackercookie.SignInOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import io.trackercookie.signin.RolesResource;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the mechanism tells the container: the subject and roles of a cookie a real server signed
 * in, read with that server's engine, and nothing for any other request.
 */
class TrackerAuthenticationMechanismTest {

  private static final String NAME = CookieSettings.DEFAULT_NAME;

  private final TrackerAuthenticationMechanism mechanism = new TrackerAuthenticationMechanism() {};
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(SignInOptions signIn) {
    TrackerFeature feature =
        new TrackerFeature(
            TestConfigs.builder().insecureLoopbackForDevelopment(true).signIn(signIn).build());
    server = new TestServer(() -> new ResourceConfig(RolesResource.class).register(feature));
  }

  private String signIn(String query) {
    RawHttp.Response response = RawHttp.request(server.base(), "POST", "/signin?" + query);
    assertEquals(200, response.status(), response.body());
    String cookie = response.cookieValue(NAME);
    assertNotNull(cookie, "sign-in sets the cookie");
    return cookie;
  }

  @Test
  void signedIn_theContainerIsToldTheSubjectAndTheResolversRoles() {
    RoleResolver resolver = subject -> subject.equals("ada") ? Set.of("admin") : Set.of();
    start(SignInOptions.builder().roleResolver(resolver).build());
    String ada = signIn("user=ada");

    List<String> calls = validate("other=1; " + NAME + "=" + ada);

    assertEquals(List.of("notifyContainerAboutLogin ada [admin]"), calls);
  }

  @Test
  void rolesKeptInTheSeal_areTheRolesTheContainerIsTold() {
    start(SignInOptions.builder().rolesKey("roles").build());
    String alan = signIn("user=alan&roles=editor");

    assertEquals(List.of("notifyContainerAboutLogin alan [editor]"), validate(NAME + "=" + alan));
  }

  @Test
  void noCookie_orBadCookie_leavesTheRequestAnonymous() {
    start(SignInOptions.builder().build());

    assertEquals(List.of("doNothing"), validate(null));
    assertEquals(List.of("doNothing"), validate("other=1"));
    assertEquals(List.of("doNothing"), validate(NAME + "=Fe26.2**bad*bad*bad**bad*bad"));
  }

  @Test
  void beforeAnyTrackerFeatureOfTheApplication_theRequestIsLeftAnonymous() throws Exception {
    start(SignInOptions.builder().roleResolver(subject -> Set.of("admin")).build());
    String ada = signIn("user=ada");
    // Another application: its own class loader, whose TrackerFeature has not been configured.
    AtomicReference<List<String>> calls = new AtomicReference<>();
    Thread otherApplication = new Thread(() -> calls.set(validate(NAME + "=" + ada)));
    try (URLClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
      otherApplication.setContextClassLoader(loader);
      otherApplication.start();
      otherApplication.join();
    }
    assertEquals(List.of("doNothing"), calls.get());
  }

  /** The calls the mechanism makes on the message context for a request with {@code cookie}. */
  private List<String> validate(String cookie) {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    HttpMessageContext context =
        proxy(
            HttpMessageContext.class,
            (method, args) ->
                switch (method) {
                  case "doNothing" -> {
                    calls.add("doNothing");
                    yield AuthenticationStatus.NOT_DONE;
                  }
                  case "notifyContainerAboutLogin" -> {
                    calls.add("notifyContainerAboutLogin " + args[0] + " " + args[1]);
                    yield AuthenticationStatus.SUCCESS;
                  }
                  default -> throw new AssertionError("unexpected call " + method);
                });
    HttpServletRequest request =
        proxy(
            HttpServletRequest.class,
            (method, args) -> {
              if (method.equals("getHeaders") && "Cookie".equalsIgnoreCase((String) args[0])) {
                return Collections.enumeration(cookie == null ? List.of() : List.of(cookie));
              }
              throw new AssertionError("unexpected call " + method);
            });
    HttpServletResponse response =
        proxy(
            HttpServletResponse.class,
            (method, args) -> {
              throw new AssertionError("unexpected call " + method);
            });
    AuthenticationStatus status = mechanism.validateRequest(request, response, context);
    assertEquals(
        calls.get(0).equals("doNothing")
            ? AuthenticationStatus.NOT_DONE
            : AuthenticationStatus.SUCCESS,
        status);
    return calls;
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args)));
  }
}
