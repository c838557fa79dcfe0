package io.trackercookie.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for the servers that tests start and cannot ask to pick one themselves. */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  /**
   * A port that was free a moment ago. Another process may take it before the server binds it; that
   * is rare enough not to retry.
   */
  public static int free() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** Whether the port is free on 127.0.0.1 now. */
  public static boolean isFree(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
