/**
 * BGP-4 wire layer: immutable records for the five messages (RFC 4271 §4, RFC 2918), capabilities (RFC 5492,
 * 4760, 6793, 2918, 8950), path attributes including the Tunnel Encapsulation attribute (RFC 9012), and a
 * decoder/encoder pair ({@link org.softwire.bgp.wire.BgpDecoder}, {@link org.softwire.bgp.wire.BgpEncoder})
 * that round-trips byte-exact under a negotiated {@link org.softwire.bgp.wire.SessionContext}.
 *
 * <p>Decoding never throws on peer input: the result ({@link org.softwire.bgp.wire.Decoded}) says what the
 * session must do under RFC 7606 (accept, attribute discard, treat-as-withdraw, session reset with the
 * NOTIFICATION to send) and lists every problem with a named {@link org.softwire.bgp.wire.BgpErrorReason}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.bgp.wire;
