/**
 * Helpers for an application's own tests: {@link io.trackercookie.testkit.TrackerTestKit} forges
 * the Cookie header for a given tracker and reads the tracker back out of a response's Set-Cookie
 * lines, with the application's real {@link io.trackercookie.TrackerConfig} (and, made from the
 * running {@link io.trackercookie.TrackerFeature}, its revocation store); {@link
 * io.trackercookie.testkit.TestClock} is a clock the test moves, for expiry and sliding expiry.
 * Needs nothing beyond the library's own dependencies: no test framework, no JAX-RS runtime.
 */
@NullMarked
package io.trackercookie.testkit;

import org.jspecify.annotations.NullMarked;
