/** Implementation: message and attribute codecs, RFC 7606 / RFC 9012 §13 checks, the tunnel-type registry. */
package org.softwire.bgp.internal;
