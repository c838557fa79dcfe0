package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RejectionReason;
import io.trackercookie.Revocations;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.TrackerJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test kit's one way into the request path ({@code io.trackercookie.testkit} uses nothing else
 * of {@code internal}, as LayeringTest checks): seals written and opened exactly as the
 * application's engine does, with none of the application's listeners (a test's forged cookies are
 * not counted in its metrics) and no seal cache. Not API.
 */
public final class TestKitGateway {

  private final TrackerEngine engine;
  private final boolean checksRevocation;

  /**
   * The engine of this config, for a test kit: it checks revocation only against a store the config
   * itself holds (an application's own {@code RevocationStore}).
   */
  public TestKitGateway(TrackerConfig config) {
    this(config, EngineFactory.sharedStoreRevoker(config));
  }

  /**
   * The engine of this config, checking revocation against the store of the application's {@code
   * revocations} (as {@code TrackerFeature.revocations()} gives them).
   *
   * @throws IllegalArgumentException if they are not a running application's Revocations
   */
  public TestKitGateway(TrackerConfig config, Revocations revocations) {
    this(config, revokerOf(revocations).forTestKit());
  }

  private TestKitGateway(TrackerConfig config, Revoker revoker) {
    this.engine = EngineFactory.forTestKit(config, revoker);
    this.checksRevocation = revoker != null;
  }

  private static Revoker revokerOf(Revocations revocations) {
    if (revocations instanceof Revoker revoker) {
      return revoker;
    }
    throw new IllegalArgumentException(
        "The test kit checks revocation against a running application's Revocations"
            + " (TrackerFeature.revocations()), not another implementation");
  }

  /** Whether the cookies this gateway opens are checked against a revocation store. */
  public boolean checksRevocation() {
    return checksRevocation;
  }

  /** The tracker cookie's name, as the Set-Cookie lines and the Cookie header carry it. */
  public String cookieName() {
    return engine.cookieName();
  }

  /**
   * The Set-Cookie lines (with Secure) the application would write for a tracker holding this
   * content, chunks included.
   *
   * @throws IllegalArgumentException if the content is not written as a JSON object, or holds what
   *     the tracker refuses
   * @throws io.trackercookie.TrackerTooLargeException if it does not fit, as in the application
   */
  public List<String> setCookieLines(Object content) {
    // As the tracker writes a value with the default mapper (put, replaceWith).
    JsonNode node =
        content instanceof JsonNode tree
            ? tree.deepCopy()
            : ValueConverter.DEFAULT_MAPPER.valueToTree(content);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          "The tracker holds a JSON object; the content is written as "
              + (node == null ? "null" : node.getNodeType()));
    }
    TrackerJson.checkWritable(object);
    String plaintext = engine.checkedPlaintext(object);
    // A fresh write: the seal expires a full ttl from the config clock's now.
    return engine.sealLines(plaintext, object, null, null, CookieJar.Found.NONE, true);
  }

  /**
   * Opens the tracker in these Cookie header lines as the application would: its content as plain
   * values (the session's metadata left out, as the Tracker leaves it), or a {@link Refused} naming
   * the reason when no cookie opened.
   */
  public Object open(List<String> cookieHeaderLines) {
    List<RejectionReason> reasons = new ArrayList<>(1);
    CookieJar.Found found = engine.find(cookieHeaderLines);
    TrackerEngine.OpenedCookies opened = engine.open(found, false, reasons);
    if (opened.content() == null) {
      return new Refused(
          reasons.isEmpty() ? RejectionReason.MALFORMED : reasons.get(reasons.size() - 1),
          found.any());
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field :
        SessionMetadata.visible(opened.content()).properties()) {
      map.put(field.getKey(), ValueConverter.plain(field.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  /** No tracker opened: why the last candidate was refused, and whether there was any. */
  public record Refused(RejectionReason reason, boolean anyCookie) {}
}
