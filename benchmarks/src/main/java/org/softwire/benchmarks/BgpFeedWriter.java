package org.softwire.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@link RibFeed} (N IPv4 routes with IPv6 next hops and the Tunnel Encapsulation attribute, 500 per
 * UPDATE) as one file of concatenated, complete BGP UPDATE messages, for a feeder to replay on a real session
 * ({@code benchmarks/e2e/bgp-feeder.py}). Run: {@code java -cp benchmarks.jar org.softwire.benchmarks.BgpFeedWriter
 * FILE [routes]}.
 */
public final class BgpFeedWriter {
    private BgpFeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<byte[]> feed = RibFeed.updates(n);
        long octets = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (byte[] m : feed) {
                out.write(m);
                octets += m.length;
            }
        }
        System.out.printf("%s: %d routes in %d UPDATEs, %d octets%n", file, n, feed.size(), octets);
    }
}
