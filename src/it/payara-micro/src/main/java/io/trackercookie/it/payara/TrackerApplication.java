package io.trackercookie.it.payara;

import io.trackercookie.it.JakartaEeApplication;
import jakarta.ws.rs.ApplicationPath;

/** The shared application, deployed where the checks look for it. */
@ApplicationPath("api")
public class TrackerApplication extends JakartaEeApplication {}
