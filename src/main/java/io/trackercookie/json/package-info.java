/**
 * Strict JSON syntax for the packages that run without Jackson (the CLI, the legacy cookie reader).
 * Support code, not part of the library's API.
 */
@NullMarked
package io.trackercookie.json;

import org.jspecify.annotations.NullMarked;
