package io.trackercookie.internal.cookie;

/** How long the browser keeps the cookie that carries a seal. */
public enum CookieLifetime {
  /** The configured Max-Age, ending with the seal if the seal ends first. */
  CONFIGURED,
  /** A session cookie: no Max-Age and no Expires (a sign-in without "remember me"). */
  SESSION,
  /** Max-Age and Expires end exactly with the seal (a remembered sign-in). */
  UNTIL_SEAL_EXPIRES
}
