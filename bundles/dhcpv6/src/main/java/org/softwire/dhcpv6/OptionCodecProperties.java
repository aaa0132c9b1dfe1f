package org.softwire.dhcpv6;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Typed service properties of an {@link OptionCodec} component, e.g.
 * {@code @OptionCodecProperties(code = 64, name = "AFTR_NAME")} gives {@code dhcpv6.option.code=64} and
 * {@code dhcpv6.option.name=AFTR_NAME}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OptionCodecProperties {
    String PREFIX_ = "dhcpv6.option.";

    /** {@code dhcpv6.option.code}. */
    int code();

    /** {@code dhcpv6.option.name}. */
    String name();
}
