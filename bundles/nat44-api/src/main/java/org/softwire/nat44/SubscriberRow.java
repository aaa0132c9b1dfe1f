package org.softwire.nat44;

/**
 * One subscriber's key and RFC 7870 statistics, as {@link Nat44Translator#subscribers} lists them.
 *
 * @param keyHi      subscriber key, high 64 bits (the B4's IPv6 address)
 * @param keyLo      subscriber key, low 64 bits
 * @param statistics its {@code dsliteStatisticsTable} row
 */
public record SubscriberRow(long keyHi, long keyLo, SubscriberStatistics statistics) {
}
