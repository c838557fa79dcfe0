package io.trackercookie.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Java end of {@code src/test/node/bridge.js}: one long-lived Node process, shared by a test
 * class, that runs the real npm code (@hapi/iron 7, tracker-cookie's way of calling it,
 * iron-session 8) on request. One JSON line out, one JSON line back, every wait bounded.
 *
 * <pre>{@code
 * @BeforeAll static void startNode() { bridge = NodeBridge.start(); } // skipped without Node
 * Response r = bridge.call(bridge.request("unseal").put("sealed", s).set("password", ...));
 * }</pre>
 */
final class NodeBridge implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Per call; a batch of a few hundred seals takes well under a second. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final NodeProcess process;
  private long nextId = 1;

  private NodeBridge(NodeProcess process) {
    this.process = process;
  }

  /**
   * Starts the bridge, or aborts the caller as skipped when Node or the npm packages are missing.
   * Fails (not skips) when they are there but the bridge does not answer.
   */
  static NodeBridge start() {
    NodeInterop.assumeAvailable("bridge.js");
    NodeProcess process;
    try {
      process = new NodeProcess("node-bridge", NodeInterop.nodeProcess("bridge.js"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node bridge.js", e);
    }
    NodeBridge bridge = new NodeBridge(process);
    Response ping = bridge.call(bridge.request("ping"));
    if (!ping.ok()) {
      bridge.close();
      throw new IllegalStateException("node bridge.js did not answer a ping: " + ping.error());
    }
    return bridge;
  }

  /** A new request for {@code op}; fill in its fields, then {@link #call} it. */
  ObjectNode request(String op) {
    return JSON.createObjectNode().put("op", op);
  }

  /** Sends one request and waits for its answer. */
  synchronized Response call(ObjectNode request) {
    long id = nextId++;
    request.put("id", id);
    return send(write(request), id);
  }

  /** Sends many requests in one line; Node runs them concurrently and answers them in order. */
  synchronized List<Response> batch(List<ObjectNode> requests) {
    long id = nextId++;
    ArrayNode array = JSON.createArrayNode();
    requests.forEach(array::add);
    ObjectNode batch = request("batch").put("id", id);
    batch.set("requests", array);
    Response answer = send(write(batch), id);
    if (!answer.ok()) {
      throw new IllegalStateException("batch failed: " + answer.error());
    }
    JsonNode results = answer.result().get("results");
    List<Response> responses = new ArrayList<>(results.size());
    results.forEach(node -> responses.add(Response.of(node)));
    if (responses.size() != requests.size()) {
      throw new IllegalStateException(
          "batch answered " + responses.size() + " of " + requests.size() + " requests");
    }
    return responses;
  }

  /** Sends a raw line (for the robustness test) and returns the next answer, whatever its id. */
  synchronized Response sendRaw(String line) {
    return send(line, null);
  }

  private Response send(String line, Long expectedId) {
    try {
      process.writeLine(line);
    } catch (IOException e) {
      throw new UncheckedIOException("node bridge is not running" + process.describeStderr(), e);
    }
    String answerLine = process.readLine(CALL_TIMEOUT);
    Response response;
    try {
      response = Response.of(JSON.readTree(answerLine));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("node bridge answered a line that is not JSON", e);
    }
    if (expectedId != null && response.id() != expectedId) {
      throw new IllegalStateException(
          "node bridge answered id " + response.id() + " to request " + expectedId);
    }
    return response;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request cannot be written as JSON", e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.close();
  }

  // Password shapes, as iron takes them (see bridge.js).

  /** iron's {id, secret} password object. */
  static ObjectNode passwordWithId(String id, JsonNode secret) {
    ObjectNode node = JSON.createObjectNode().put("id", id);
    node.set("secret", secret);
    return node;
  }

  /** A raw key: a Buffer in Node. */
  static ObjectNode rawKey(byte[] key) {
    return JSON.createObjectNode().put("base64", Base64.getEncoder().encodeToString(key));
  }

  /** An id → password map, as iron's unseal (and iron-session) take it. */
  static ObjectNode passwordMap(Map<String, String> passwords) {
    ObjectNode node = JSON.createObjectNode();
    passwords.forEach(node::put);
    return node;
  }

  /** One answer from the bridge. */
  record Response(long id, boolean ok, JsonNode result, String error) {

    static Response of(JsonNode node) {
      JsonNode id = node.get("id");
      return new Response(
          id == null || id.isNull() ? -1 : id.asLong(),
          node.path("ok").asBoolean(false),
          node.path("result"),
          node.hasNonNull("error") ? node.get("error").asText() : null);
    }

    /** The result, failing with Node's error message when the request failed. */
    JsonNode orFail() {
      if (!ok) {
        throw new AssertionError("node bridge request failed: " + error);
      }
      return result;
    }
  }
}
