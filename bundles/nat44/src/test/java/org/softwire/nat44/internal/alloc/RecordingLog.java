package org.softwire.nat44.internal.alloc;

import java.util.ArrayList;
import java.util.List;

/** A {@link PortBlockLog} that keeps its records as log lines, for content assertions. */
final class RecordingLog implements PortBlockLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void record(boolean allocated, long keyHi, long keyLo, int protocol, int externalAddress, int firstPort,
                       int lastPort, long timeMillis) {
        lines.add(SystemLoggerPortBlockLog.format(allocated, keyHi, keyLo, protocol, externalAddress, firstPort,
                lastPort, timeMillis));
    }
}
