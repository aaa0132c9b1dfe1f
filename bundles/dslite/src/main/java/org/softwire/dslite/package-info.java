/**
 * Dual-Stack Lite (RFC 6333): the AFTR ({@link org.softwire.dslite.Aftr}, factory PID
 * {@code org.softwire.dslite.aftr}) and the B4 ({@link org.softwire.dslite.B4}, factory PID
 * {@code org.softwire.dslite.b4}) as services, their MBeans and drop reasons. See the bundle README.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.softwire.dslite;
