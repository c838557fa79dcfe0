package io.trackercookie;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.keys.PasswordRing;
import io.trackercookie.keys.PasswordSource;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The flat shortcuts of {@link TrackerConfig.Builder} ({@code ttl}, {@code maxAge}, {@code
 * password}, ...), each one line to its option group's builder, which checks the value. Kept apart
 * from the builder so that it holds only what spans the groups; users see these methods as the
 * builder's own.
 */
abstract class GroupShortcuts {
  // The groups' builders; package-private because each settings row calls one of their setters.
  PasswordSource.Builder passwordSource = PasswordSource.builder();
  Lifetimes.Builder lifetimes = Lifetimes.builder();
  CookieSettings.Builder cookie = CookieSettings.builder();
  CookieBudget.Builder cookieBudget = CookieBudget.builder();
  SealCacheOptions.Builder sealCache = SealCacheOptions.builder();
  LegacyCookies.Builder legacy = LegacyCookies.builder();
  // Set by the preset, unset by any later choice of the cookie's prefix: the prefix is then
  // left off in development (insecureLoopbackForDevelopment), where browsers would refuse it.
  boolean hostPrefixFromPreset;

  GroupShortcuts() {}

  /** The builder these shortcuts return. */
  abstract TrackerConfig.Builder self();

  /** {@link PasswordSource.Builder#password}; replaces any other password source. */
  public TrackerConfig.Builder password(String password) {
    passwordSource.password(password);
    return self();
  }

  /** {@link PasswordSource.Builder#passwords}; replaces any other password source. */
  public TrackerConfig.Builder passwords(IronPasswords passwords) {
    passwordSource.passwords(passwords);
    return self();
  }

  /** {@link PasswordSource.Builder#passwordRing}; replaces any other password source. */
  public TrackerConfig.Builder passwordRing(PasswordRing ring) {
    passwordSource.passwordRing(ring);
    return self();
  }

  /** {@link PasswordSource.Builder#passwordDirectory}; replaces any other password source. */
  public TrackerConfig.Builder passwordDirectory(Path directory) {
    passwordSource.passwordDirectory(directory);
    return self();
  }

  /** {@link PasswordSource.Builder#passwordFile}; replaces any other password source. */
  public TrackerConfig.Builder passwordFile(Path file) {
    passwordSource.passwordFile(file);
    return self();
  }

  /** {@link PasswordSource.Builder#passwordPollInterval}. */
  public TrackerConfig.Builder passwordPollInterval(Duration interval) {
    passwordSource.passwordPollInterval(interval);
    return self();
  }

  /** {@link PasswordSource.Builder#allowWeakPassword}: for tests only. */
  public TrackerConfig.Builder allowWeakPassword(boolean allow) {
    passwordSource.allowWeakPassword(allow);
    return self();
  }

  /** {@link Lifetimes.Builder#ttl}. */
  public TrackerConfig.Builder ttl(Duration ttl) {
    lifetimes.ttl(ttl);
    return self();
  }

  /** {@link Lifetimes.Builder#sealsNeverExpire}. */
  public TrackerConfig.Builder sealsNeverExpire() {
    lifetimes.sealsNeverExpire();
    return self();
  }

  /** {@link Lifetimes.Builder#slidingExpiry}. */
  public TrackerConfig.Builder slidingExpiry(Duration idleTimeout) {
    lifetimes.slidingExpiry(idleTimeout);
    return self();
  }

  /** {@link Lifetimes.Builder#reissueAfter}. */
  public TrackerConfig.Builder reissueAfter(double share) {
    lifetimes.reissueAfter(share);
    return self();
  }

  /** {@link CookieSettings.Builder#name}. */
  public TrackerConfig.Builder cookieName(String name) {
    cookie.name(name);
    return self();
  }

  /**
   * {@link CookieSettings.Builder#maxAge}: how long the browser keeps the cookie; how long a seal
   * is accepted is {@link #ttl} or {@link #slidingExpiry}.
   */
  public TrackerConfig.Builder maxAge(Duration maxAge) {
    cookie.maxAge(maxAge);
    return self();
  }

  /** {@link CookieSettings.Builder#path}. */
  public TrackerConfig.Builder path(String path) {
    cookie.path(path);
    return self();
  }

  /** {@link CookieSettings.Builder#domain}. */
  public TrackerConfig.Builder domain(@Nullable String domain) {
    cookie.domain(domain);
    return self();
  }

  /**
   * {@link CookieSettings.Builder#secure}. For plain http during development, prefer {@link
   * TrackerConfig.Builder#insecureLoopbackForDevelopment}.
   */
  public TrackerConfig.Builder secure(boolean secure) {
    cookie.secure(secure);
    return self();
  }

  /** {@link CookieSettings.Builder#httpOnly}. */
  public TrackerConfig.Builder httpOnly(boolean httpOnly) {
    cookie.httpOnly(httpOnly);
    return self();
  }

  /** {@link CookieSettings.Builder#sameSite}; {@code NONE} needs Secure. */
  public TrackerConfig.Builder sameSite(CookieSettings.SameSite sameSite) {
    cookie.sameSite(sameSite);
    return self();
  }

  /** {@link CookieSettings.Builder#partitioned}; needs Secure. */
  public TrackerConfig.Builder partitioned(boolean partitioned) {
    cookie.partitioned(partitioned);
    return self();
  }

  /** {@link CookieSettings.Builder#hostPrefix}; needs Secure, path {@code /} and no domain. */
  public TrackerConfig.Builder hostPrefix(boolean hostPrefix) {
    cookie.hostPrefix(hostPrefix);
    hostPrefixFromPreset = false;
    return self();
  }

  /** {@link CookieBudget.Builder#maxCookieHeaderBytes}. */
  public TrackerConfig.Builder maxCookieHeaderBytes(int bytes) {
    cookieBudget.maxCookieHeaderBytes(bytes);
    return self();
  }

  /** {@link CookieBudget.Builder#chunking()}. */
  public TrackerConfig.Builder chunking() {
    cookieBudget.chunking();
    return self();
  }

  /** {@link CookieBudget.Builder#chunking(int)}. */
  public TrackerConfig.Builder chunking(int maxChunks) {
    cookieBudget.chunking(maxChunks);
    return self();
  }

  /** {@link SealCacheOptions.Builder#maxEntries} and {@link SealCacheOptions.Builder#maxBytes}. */
  public TrackerConfig.Builder sealCache(int maxEntries, long maxBytes) {
    sealCache.maxEntries(maxEntries).maxBytes(maxBytes);
    return self();
  }

  /** Turns the verified-seal cache off: every request's cookie is opened in full. */
  public TrackerConfig.Builder noSealCache() {
    sealCache.maxEntries(0);
    return self();
  }

  /** {@link LegacyCookies.Builder#secret}: reads legacy cookie-sessions cookies. */
  public TrackerConfig.Builder legacySecret(String secret) {
    legacy.secret(secret);
    return self();
  }

  /** {@link LegacyCookies.Builder#cookieName}. */
  public TrackerConfig.Builder legacyCookieName(String name) {
    legacy.cookieName(name);
    return self();
  }

  /** {@link LegacyCookies.Builder#timeout}. */
  public TrackerConfig.Builder legacyTimeout(Duration timeout) {
    legacy.timeout(timeout);
    return self();
  }

  // The config's own options.
}
