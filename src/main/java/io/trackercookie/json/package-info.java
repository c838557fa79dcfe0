/**
 * Strict JSON syntax for the packages that run without Jackson (the CLI, the legacy cookie reader).
 * Support code, not part of the library's API.
 */
package io.trackercookie.json;
