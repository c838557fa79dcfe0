package io.trackercookie;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bare HTTP/1.1 client over a socket: the tests decide every header byte (several Cookie lines,
 * non-ASCII bytes, a foreign Host), which higher-level clients normalize or refuse.
 */
public final class RawHttp {

  /** A response: status, header lines as sent, body. */
  public record Response(int status, List<String> headerLines, String body) {
    public List<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      List<String> values = new ArrayList<>();
      for (String line : headerLines) {
        if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          values.add(line.substring(prefix.length()).trim());
        }
      }
      return values;
    }

    public List<String> setCookies() {
      return header("Set-Cookie");
    }

    /** The value of the single Set-Cookie for this cookie name, or null if none was sent. */
    public String cookieValue(String cookieName) {
      for (String line : setCookies()) {
        if (line.startsWith(cookieName + "=")) {
          int end = line.indexOf(';');
          return line.substring(cookieName.length() + 1, end < 0 ? line.length() : end);
        }
      }
      return null;
    }
  }

  /** How long a read may wait for the server. */
  public static final int READ_TIMEOUT_MILLIS = 30_000;

  private RawHttp() {}

  public static Response get(URI base, String path, String... headerLines) {
    return request(base, "GET", path, headerLines);
  }

  /** A request with another method (HEAD, OPTIONS, ...) and no body. */
  public static Response request(URI base, String method, String path, String... headerLines) {
    StringBuilder extra = new StringBuilder();
    for (String line : headerLines) {
      extra.append(line).append("\r\n");
    }
    return send(base, method, path, extra.toString().getBytes(StandardCharsets.ISO_8859_1), true);
  }

  /** A request with a body (sent as UTF-8, with its Content-Length) and these header lines. */
  public static Response requestWithBody(
      URI base, String method, String path, String body, String... headerLines) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder extra = new StringBuilder();
    for (String line : headerLines) {
      extra.append(line).append("\r\n");
    }
    extra.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    byte[] head = extra.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + bytes.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bytes, 0, all, head.length, bytes.length);
    return sendRaw(base, method, path, all);
  }

  /** Sends extra header bytes as they are (they must end with CRLF); {@code host} adds Host. */
  public static Response send(URI base, String path, byte[] extraHeaders, boolean host) {
    return send(base, "GET", path, extraHeaders, host);
  }

  private static Response send(
      URI base, String method, String path, byte[] extraHeaders, boolean host) {
    return exchange(base, method, path, extraHeaders, host, true);
  }

  /** Sends the head's extra lines, the blank line and the body, all in {@code headAndBody}. */
  private static Response sendRaw(URI base, String method, String path, byte[] headAndBody) {
    return exchange(base, method, path, headAndBody, true, false);
  }

  private static Response exchange(
      URI base, String method, String path, byte[] extraHeaders, boolean host, boolean endHead) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      // A server that stops answering fails the test instead of hanging the build.
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
      if (host) {
        request.write(
            ("Host: " + base.getHost() + ":" + base.getPort() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      request.write("Connection: close\r\n".getBytes(StandardCharsets.US_ASCII));
      request.write(extraHeaders);
      if (endHead) {
        request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      try {
        out.write(request.toByteArray());
        out.flush();
      } catch (IOException refusedMidway) {
        // A server may answer (400, 431) and close before reading a huge header: read that answer.
      }
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new AssertionError("HTTP exchange failed: " + e, e);
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new AssertionError("No complete HTTP response head in " + raw.length + " bytes");
    }
    String[] head = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    List<String> lines = List.of(head).subList(1, head.length);
    byte[] body = text.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
    boolean chunked =
        lines.stream()
            .anyMatch(
                l ->
                    l.toLowerCase(Locale.ROOT)
                        .replace(" ", "")
                        .equals("transfer-encoding:chunked"));
    if (chunked) {
      body = dechunk(new java.io.ByteArrayInputStream(body));
    }
    return new Response(status, lines, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          return out.toByteArray();
        }
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      in.read();
      in.read();
    }
  }
}
