package org.softwire.nat44;

/**
 * One subscriber's RFC 7870 {@code dsliteStatisticsTable} row.
 *
 * @param receives packets received from the subscriber and translated (dsliteStatisticsReceives)
 * @param sends    packets translated toward the subscriber (dsliteStatisticsSends)
 * @param discards packets from or to the subscriber dropped (dsliteStatisticsDiscards)
 * @param sessions live IPv4 sessions (dsliteStatisticsIpv4Session)
 */
public record SubscriberStatistics(long receives, long sends, long discards, int sessions) {
}
