/**
 * The six encapsulation codecs (not exported).
 *
 * <p>A softwire here is a point-to-point tunnel between a local and a remote endpoint (RFC 2473 "entry point"
 * and "exit point"; RFC 6333 calls them B4 and AFTR). Every codec has the same shape — outer IPv4/IPv6 header,
 * optionally a GRE header, then the inner packet — so one implementation serves all six, and each DS component
 * ({@code Ipv4InIpv6Codec}, {@code Ipv6InIpv6Codec}, {@code Ipv6InIpv4Codec}, {@code Ipv4InIpv4Codec},
 * {@code GreIpv4Codec}, {@code GreIpv6Codec}) only says which shape it is.
 *
 * <pre>
 *  encapsulate: validate inner -> loop check -> TTL/hop limit -> encapsulation limit -> MTU/DF -> headroom
 *               (nothing written until here) -> decrement TTL -> prepend outer [+ limit option] [+ GRE]
 *  decapsulate: validate outer -> protocol -> local/remote endpoint -> fragment -> [GRE: version, bits,
 *               checksum, key, protocol type] -> validate inner -> TTL 0 / martian / GRE loop -> ECN egress
 *               -> [GRE sequence] (nothing written until here) -> patch ECN -> strip
 *  relayIcmpError: validate error -> quoted outer is ours -> learn path MTU -> [GRE] -> inner visible ->
 *               relay table -> build error for the inner source
 * </pre>
 *
 * <p>Where each rule comes from is cited at the line that applies it; {@code docs/rfc-compliance.md} lists
 * them with their tests. Per-packet code allocates nothing, takes no locks and throws nothing on malformed
 * input: it works on the flyweight views of {@link org.softwire.encap.CodecContext}.
 */
package org.softwire.encap.codecs.internal;
