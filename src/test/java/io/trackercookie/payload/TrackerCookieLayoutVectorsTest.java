package io.trackercookie.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.iron.IronCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracker-cookie layout against cookies npm tracker-cookie 1.0.2 wrote (live capture in
 * vectors/tracker-cookie.json): each opened seal is exactly {@link PayloadLayout#TRACKER_COOKIE}'s
 * text for what Node's {@code Iron.unseal} gave, and reading it gives that back.
 */
class TrackerCookieLayoutVectorsTest {

  @Test
  void nodeTrackerCookiesSeals_holdTheLayoutsText_andReadBackToTheJson()
      throws IOException, PayloadRefusedException {
    JsonNode vectors;
    try (InputStream in =
        TrackerCookieLayoutVectorsTest.class.getResourceAsStream("/vectors/tracker-cookie.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
    IronCodec codec = IronCodec.create(vectors.get("password").asText());
    List<String> checked = new ArrayList<>();
    for (JsonNode exchange : vectors.get("exchanges")) {
      if (!exchange.hasNonNull("unsealedRaw")) {
        continue;
      }
      String id = exchange.get("id").asText();
      // What Node's Iron.unseal returned: JSON.stringify(info), compact.
      String json = exchange.get("unsealedRaw").asText();
      String sealedText = codec.unseal(exchange.get("cookieValue").asText());
      assertEquals(PayloadLayout.TRACKER_COOKIE.plaintext(json), sealedText, id);
      assertEquals(json, PayloadText.read(sealedText), id);
      checked.add(id);
    }
    assertEquals(
        List.of(
            "t-track-0",
            "t-track-1",
            "t-track-2",
            "t-track-3",
            "t-track-4",
            "t-track-7",
            "t-track-8",
            "t-custom-track",
            "t-express4-track"),
        checked);
  }
}
