/**
 * MicroProfile Config as a source of the tracker's settings, loaded by name only where its API is
 * on the class path; read after JAX-RS properties, system properties and environment variables.
 */
@NullMarked
package io.trackercookie.microprofile;

import org.jspecify.annotations.NullMarked;
