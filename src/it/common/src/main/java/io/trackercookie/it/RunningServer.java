package io.trackercookie.it;

import java.net.URI;

/** A server that a test started: where its application answers, and how to stop it. */
public interface RunningServer extends AutoCloseable {

  /** The application's root, ending in '/'. */
  URI base();

  /** Stops the server and everything it started. */
  @Override
  void close() throws Exception;

  /**
   * A server listening on 127.0.0.1.
   *
   * @param port the port it listens on
   * @param path where the application answers, starting and ending with '/'
   * @param stop what stops it
   */
  static RunningServer onLoopback(int port, String path, AutoCloseable stop) {
    URI base = URI.create("http://127.0.0.1:" + port + path);
    return new RunningServer() {
      @Override
      public URI base() {
        return base;
      }

      @Override
      public void close() throws Exception {
        stop.close();
      }
    };
  }
}
