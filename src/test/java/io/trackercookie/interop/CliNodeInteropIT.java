package io.trackercookie.interop;

import static io.trackercookie.interop.JsonValues.assertSameJson;
import static io.trackercookie.interop.NodeBridge.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackercookie.cli.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged CLI against the real @hapi/iron: a token from {@code java -jar tracker-cookie.jar
 * seal} opens in Node, and a Node seal opens with {@code unseal}. Skipped without Node.
 */
class CliNodeInteropIT {

  private static final String PASSWORD = "cli-interop-password-0123456789-abcdefgh";
  private static final String JSON_TEXT =
      "{\"user\":\"zoë\",\"roles\":[\"admin\",\"dev\"],\"n\":1.5}";

  @RegisterExtension static final NodeScript<NodeBridge> NODE = NodeScript.bridge();

  @Test
  void cliSeal_opensInNodeIron() throws Exception {
    CliProcess.Result sealed = CliProcess.withPassword(PASSWORD).stdin(JSON_TEXT).run("seal");
    assertEquals(0, sealed.exitCode(), sealed.toString());

    JsonNode opened =
        NODE.get()
            .call(
                NODE.get().request("unseal").put("sealed", sealed.line()).put("password", PASSWORD))
            .orFail();
    assertSameJson(JSON.readTree(JSON_TEXT), opened.get("value"), "CLI seal opened by Node");
  }

  @Test
  void nodeIronSeal_opensWithCliUnseal() throws Exception {
    JsonNode value = JSON.readTree(JSON_TEXT);
    String sealed =
        NODE.get()
            .call(NODE.get().request("seal").put("password", PASSWORD).set("value", value))
            .orFail()
            .get("sealed")
            .asText();

    CliProcess.Result opened = CliProcess.withPassword(PASSWORD).stdin(sealed).run("unseal");
    assertEquals(0, opened.exitCode(), opened.toString());
    assertSameJson(value, JSON.readTree(opened.line()), "Node seal opened by the CLI");
  }
}
