/**
 * Configured softwires: tunnel endpoints that bind an encapsulation codec ({@code org.softwire.encap}) to a packet
 * device ({@code org.softwire.io}), one per {@code org.softwire.softwire} factory configuration; several softwires
 * share a device, each routed its inner prefixes (hub and spoke, RFC 4925).
 *
 * <p>Every running softwire is an OSGi service {@link org.softwire.softwire.Softwire} with the property
 * {@link org.softwire.softwire.Softwire#NAME}; operators read its {@link org.softwire.softwire.SoftwireStats}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.softwire.softwire;
