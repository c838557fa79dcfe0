package io.trackercookie.it.glassfish;

import io.trackercookie.security.TrackerAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;

/** The one step that makes the tracker's signed-in subject the container's caller. */
@ApplicationScoped
public class SignedInCallers extends TrackerAuthenticationMechanism {}
