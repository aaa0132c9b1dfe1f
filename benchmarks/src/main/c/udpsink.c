/*
 * udpsink: UDP sink for the end-to-end benchmarks (benchmarks/e2e).
 * Receives with recvmmsg() in batches on one port (IPv4 and IPv6), prints packets/s and bit/s every second, and a
 * summary measured from the first to the last datagram received.
 *
 *   udpsink [-p 9000] [-t 15] [-i 1000] [-b 64] [-q]
 *     -p  port                                  -t  give up this many seconds after the first datagram
 *     -i  stop after this many ms without data (once data came)
 *     -b  datagrams per recvmmsg() call         -q  no per-second lines
 * Exits after -t seconds without any datagram too (RESULT with pkts=0).
 *
 * Last line on stdout (parseable): RESULT pkts=<n> bytes=<payload octets> secs=<s> pps=<p> bps=<payload bit/s>
 * Build: gcc -O2 -o udpsink udpsink.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define MAX_BATCH 1024
#define BUF 2048

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int port = 9000, batch = 64, quiet = 0;
    double secs = 15, idle = 1.0;
    int c;
    while ((c = getopt(argc, argv, "p:t:i:b:q")) != -1) {
        switch (c) {
        case 'p': port = atoi(optarg); break;
        case 't': secs = atof(optarg); break;
        case 'i': idle = atof(optarg) / 1000.0; break;
        case 'b': batch = atoi(optarg); break;
        case 'q': quiet = 1; break;
        default:
            fprintf(stderr, "usage: udpsink [-p PORT] [-t SECS] [-i IDLE_MS] [-b BATCH] [-q]\n");
            return 2;
        }
    }
    if (batch < 1 || batch > MAX_BATCH) {
        return 2;
    }
    int fd = socket(AF_INET6, SOCK_DGRAM, 0);
    int zero = 0, big = 16 << 20;
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big) < 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    }
    struct timeval tv = { 0, 100000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in6 sa;
    memset(&sa, 0, sizeof sa);
    sa.sin6_family = AF_INET6;
    sa.sin6_port = htons(port);
    sa.sin6_addr = in6addr_any;
    if (bind(fd, (struct sockaddr *) &sa, sizeof sa) < 0) {
        perror("udpsink: bind");
        return 1;
    }
    static char bufs[MAX_BATCH][BUF];
    static struct mmsghdr msgs[MAX_BATCH];
    static struct iovec iov[MAX_BATCH];
    for (int i = 0; i < batch; i++) {
        iov[i].iov_base = bufs[i];
        iov[i].iov_len = BUF;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
    }
    printf("READY port=%d\n", port);
    fflush(stdout);
    unsigned long long pkts = 0, bytes = 0, lastPkts = 0, lastBytes = 0;
    double start = now(), first = 0, last = 0, tick = 0;
    for (;;) {
        int n = recvmmsg(fd, msgs, batch, MSG_WAITFORONE, NULL);
        double t = now();
        if (n > 0) {
            if (pkts == 0) {
                first = t;
                tick = t + 1;
            }
            for (int i = 0; i < n; i++) {
                bytes += msgs[i].msg_len;
            }
            pkts += n;
            last = t;
        } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            perror("udpsink: recvmmsg");
            break;
        }
        if (pkts == 0) {
            if (t - start > secs) {
                break;
            }
            continue;
        }
        if (!quiet && t >= tick) {
            printf("%.0f s: %llu pps %.1f Mbit/s\n", tick - first, pkts - lastPkts, (bytes - lastBytes) * 8 / 1e6);
            fflush(stdout);
            lastPkts = pkts;
            lastBytes = bytes;
            tick += 1;
        }
        if (t - last > idle || t - first > secs) {
            break;
        }
    }
    double el = last - first;
    printf("RESULT pkts=%llu bytes=%llu secs=%.3f pps=%.0f bps=%.0f\n", pkts, bytes, el,
            el > 0 ? pkts / el : 0, el > 0 ? bytes * 8 / el : 0);
    return 0;
}
