package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.IpAddress;

class SystemLoggerPortBlockLogTest {

    /** A System.Logger that keeps what it is given. */
    static final class Captured implements System.Logger {
        final List<String> lines = new ArrayList<>();
        final List<Level> levels = new ArrayList<>();
        Level threshold = Level.INFO;

        @Override public String getName() { return SystemLoggerPortBlockLog.LOGGER_NAME; }
        @Override public boolean isLoggable(Level level) { return level.getSeverity() >= threshold.getSeverity(); }
        @Override public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) { add(level, msg); }
        @Override public void log(Level level, ResourceBundle bundle, String format, Object... params) { add(level, format); }
        @Override public void log(Level level, Supplier<String> s) { add(level, s.get()); }

        private void add(Level level, String line) {
            levels.add(level);
            lines.add(line);
        }
    }

    @Test
    void oneInfoLinePerBlockAllocationAndRelease() {
        Captured logger = new Captured();
        PortBlockAllocator p = new PortBlockAllocator(AllocatorConfig.builder().pool("192.0.2.1").build(),
                new SystemLoggerPortBlockLog(logger));
        IpAddress b4 = IpAddress.parse("2001:db8:0:1::1");
        int s = p.subscriber(b4.hi(), b4.lo(), 0);
        long e = p.allocate(s, PortAllocator.UDP, 5000, 0);
        p.allocate(s, PortAllocator.UDP, 5002, 0);   // same block: no line
        p.release(s, PortAllocator.UDP, e, 1_000);
        p.release(s, PortAllocator.UDP, e + 2, 2_000);
        p.expire(122_000);
        assertThat(logger.lines).containsExactly(
                "1970-01-01T00:00:00Z alloc udp 2001:db8:0:1::1 192.0.2.1 4608-5119",
                "1970-01-01T00:02:02Z release udp 2001:db8:0:1::1 192.0.2.1 4608-5119");
        assertThat(logger.levels).containsOnly(System.Logger.Level.INFO);
    }

    @Test
    void nothingIsFormattedWhenTheLoggerIsOff() {
        Captured logger = new Captured();
        logger.threshold = System.Logger.Level.WARNING;
        new SystemLoggerPortBlockLog(logger).record(true, 0, 0xC0000201L, 0, 0xC0000201, 1024, 1535, 0);
        assertThat(logger.lines).isEmpty();
    }

    @Test
    void loggerName() {
        assertThat(new SystemLoggerPortBlockLog()).isNotNull();
        assertThat(SystemLoggerPortBlockLog.LOGGER_NAME).isEqualTo("org.softwire.nat44.portblocks");
        assertThat(SystemLoggerPortBlockLog.subscriberText(0, 0xC6336401L)).isEqualTo("198.51.100.1");
        assertThat(SystemLoggerPortBlockLog.protocolName(PortAllocator.ICMP)).isEqualTo("icmp");
    }
}
