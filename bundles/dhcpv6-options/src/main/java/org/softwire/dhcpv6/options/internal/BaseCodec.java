package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodec;

/** Identity and length checks shared by the standard codecs. */
abstract class BaseCodec<T extends Dhcpv6Option> implements OptionCodec<T> {
    private final int code;
    private final Class<T> type;
    private final String name;
    private final String reference;
    private final boolean singleton;

    BaseCodec(int code, Class<T> type, String name, String reference, boolean singleton) {
        this.code = code;
        this.type = type;
        this.name = name;
        this.reference = reference;
        this.singleton = singleton;
    }

    @Override
    public final int code() { return code; }

    @Override
    public final Class<T> type() { return type; }

    @Override
    public final String name() { return name; }

    @Override
    public final String reference() { return reference; }

    @Override
    public final boolean singleton() { return singleton; }

    @Override
    public String toString() { return "OPTION_" + name + " (" + code + ")"; }

    static Dhcpv6DecodeException badLength(String rule) {
        return new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_BAD_LENGTH, rule);
    }

    static Dhcpv6DecodeException badValue(String rule) {
        return new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_BAD_VALUE, rule);
    }

    static void exactLength(ByteBuffer data, int n, String where) throws Dhcpv6DecodeException {
        if (data.remaining() != n) {
            throw badLength("option-len " + data.remaining() + ", must be " + n + " (" + where + ")");
        }
    }

    static void minLength(ByteBuffer data, int n, String where) throws Dhcpv6DecodeException {
        if (data.remaining() < n) {
            throw badLength("option-len " + data.remaining() + ", at least " + n + " (" + where + ")");
        }
    }

    static long u32(ByteBuffer b) { return b.getInt() & 0xffffffffL; }

    static int u16(ByteBuffer b) { return b.getShort() & 0xffff; }

    static int u8(ByteBuffer b) { return b.get() & 0xff; }
}
