/**
 * Not API; may change in any release. The tracker's JSON in a seal and back: text in, cookie value
 * out. No JAX-RS here, and nothing of cookies or requests.
 *
 * <ul>
 *   <li>{@code Sealer}: the content's text in the configured {@code SealFormat}, sealed through a
 *       {@code SealCodec}; opens a value of any format into the tracker object ({@code
 *       OpenedSeal}).
 *   <li>{@code SealFormat}: each payload format's wire behaviour (tracker-cookie's JSON string
 *       holding JSON, plain JSON, iron-session's {@code ~2} suffix); every format is read.
 *   <li>{@code SealCodec}: the seam in front of iron. {@code IronSealCodec} seals with one iron
 *       codec and predicts a seal's length without crypto; {@code RingSealCodec} stands in front
 *       when the passwords come from a ring (a key schedule, files that change), one {@code
 *       IronSealCodec} per period of the schedule.
 *   <li>{@code VerifiedSealCache}: seals already opened (and those just written), keyed by the
 *       exact value, with their parsed tree; expiry checked on every hit.
 *   <li>{@code TrackerJson}: the wire JSON with its own strict mapper, its one-pass writer, and the
 *       checks that refuse what would not read back ({@code __proto__}, depth, non-finite numbers).
 * </ul>
 */
package io.trackercookie.internal.seal;
