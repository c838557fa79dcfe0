package io.trackercookie.revocation;

import static io.trackercookie.TrackerTestResource.json;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Requests that overlap a log-out: a write that does some work between reading the tracker and
 * writing it, and one that waits for the test between the two. Registered as an instance, so each
 * test has its own gate.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RaceResource {

  /** Where a gated request stops: after it has read its tracker, until the test lets it write. */
  static final class Gate {
    final CountDownLatch opened = new CountDownLatch(1);
    final CountDownLatch proceed = new CountDownLatch(1);

    void awaitOpened() {
      await(opened);
    }

    static void await(CountDownLatch latch) {
      try {
        if (!latch.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the gate was never reached");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private final Gate gate;

  RaceResource(Gate gate) {
    this.gate = gate;
  }

  @GET
  @Path("read")
  public String read(@Context Tracker tracker) {
    return json(tracker.asMap());
  }

  @GET
  @Path("login")
  public String login(@Context Tracker tracker, @QueryParam("user") String user) {
    tracker.put("userId", user);
    return json(tracker.asMap());
  }

  /** The visit counter, with {@code workMillis} of work between the read and the write. */
  @GET
  @Path("visit")
  public String visit(@Context Tracker tracker, @QueryParam("workMillis") int workMillis)
      throws InterruptedException {
    Integer visits = tracker.get("visits", Integer.class);
    if (workMillis > 0) {
      Thread.sleep(workMillis);
    }
    tracker.put("visits", visits == null ? 1 : visits + 1);
    return json(tracker.asMap());
  }

  /** The visit counter, stopping at the gate once the tracker is read. */
  @GET
  @Path("gated-visit")
  public String gatedVisit(@Context Tracker tracker) {
    Integer visits = tracker.get("visits", Integer.class);
    gate.opened.countDown();
    Gate.await(gate.proceed);
    tracker.put("visits", visits == null ? 1 : visits + 1);
    return json(tracker.asMap());
  }

  /** An admin action: logs the user named in the query out everywhere. */
  @GET
  @Path("admin/logout-everywhere")
  public String adminLogoutEverywhere(
      @Context Revocations revocations, @QueryParam("user") String user) {
    revocations.revokeAllFor(user);
    return json(Map.of("revokedFor", user));
  }

  /**
   * "Sign out all my devices", then a write in the same request: what the tracker reads after the
   * call, and what it holds once written.
   */
  @GET
  @Path("logout-everywhere-then-visit")
  public String logoutEverywhereThenVisit(
      @Context Tracker tracker, @Context Revocations revocations) {
    revocations.revokeAllFor(tracker.get("userId", String.class));
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("userIdAfter", tracker.get("userId"));
    tracker.put("visits", 1);
    seen.put("tracker", tracker.asMap());
    return json(seen);
  }

  /** Logs the user out everywhere, then signs the same user in again in the same request. */
  @GET
  @Path("logout-everywhere-then-login")
  public String logoutEverywhereThenLogin(
      @Context Tracker tracker, @Context Revocations revocations) {
    String user = tracker.get("userId", String.class);
    revocations.revokeAllFor(user);
    tracker.put("userId", user);
    tracker.put("signedIn", "again");
    return json(tracker.asMap());
  }

  /** "Sign out my other devices": keeps this request's session. */
  @GET
  @Path("logout-others")
  public String logoutOthers(@Context Tracker tracker, @Context Revocations revocations) {
    revocations.revokeOthersFor(tracker);
    return json(tracker.asMap());
  }
}
