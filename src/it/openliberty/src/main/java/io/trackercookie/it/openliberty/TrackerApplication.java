package io.trackercookie.it.openliberty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The common Jakarta EE setup: an empty application, so that the server finds the resources and
 * providers by scanning the WAR, the tracker among them.
 */
@ApplicationPath("/")
public class TrackerApplication extends Application {}
