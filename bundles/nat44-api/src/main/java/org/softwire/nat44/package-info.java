/**
 * Carrier-grade NAT44 engine API (RFC 4787, RFC 5382, RFC 5508, RFC 6888, RFC 7857, RFC 7422) with the DS-Lite
 * extended binding (RFC 6333 §6.6). See the bundle README.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.softwire.nat44;
