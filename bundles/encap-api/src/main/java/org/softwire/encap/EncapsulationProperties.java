package org.softwire.encap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Typed service properties of an {@link EncapsulationCodec}: annotate the component with it, e.g.
 * {@code @EncapsulationProperties(name = "ipv4-in-ipv6", outer = "ipv6", payload = "ipv4", protocol = 4,
 * reference = "RFC 2473")}. Property names get the prefix {@code softwire.encap.}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EncapsulationProperties {
    String PREFIX_ = "softwire.encap.";

    /** {@code softwire.encap.name}. */
    String name();

    /** {@code softwire.encap.outer}: {@code ipv4} or {@code ipv6}. */
    String outer();

    /** {@code softwire.encap.payload}: the carried families. */
    String[] payload();

    /** {@code softwire.encap.protocol}: outer protocol / next header number. */
    int protocol();

    /** {@code softwire.encap.reference}: the RFCs followed. */
    String reference();
}
