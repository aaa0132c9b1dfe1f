/** The speaker's implementation: FSM, NIO event loop, negotiation, Config Admin components, MBeans. Not exported. */
package org.softwire.bgp.speaker.internal;
