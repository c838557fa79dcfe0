/**
 * The names of the {@code tracker.*} settings and the one rule that turns a name into its
 * environment variable ({@link io.trackercookie.settings.SettingNames}). It depends on nothing, so
 * every option group, {@link io.trackercookie.keys} included, names its settings in messages from
 * here without calling back into the settings reader ({@link io.trackercookie.TrackerSettings}).
 */
@NullMarked
package io.trackercookie.settings;

import org.jspecify.annotations.NullMarked;
