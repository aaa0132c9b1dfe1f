/*
 * udpgen: UDP packet generator for the end-to-end benchmarks (benchmarks/e2e).
 * Sends fixed-size UDP datagrams with sendmmsg() in batches, over one or more connected sockets (one flow each,
 * rotated per batch, so a multi-queue TUN device sees several flow hashes), at full speed or at a given rate.
 *
 *   udpgen -d 198.51.100.2 [-p 9000] [-s 64] [-t 10] [-r 0] [-b 64] [-f 1]
 *     -d  destination address (IPv4 or IPv6)     -p  destination port
 *     -s  UDP payload octets (64 = "small")       -t  duration in seconds
 *     -r  packets per second (0 = as fast as the stack takes them)
 *     -b  datagrams per sendmmsg() call           -f  flows (sockets, distinct source ports)
 *
 * Last line on stdout (parseable): RESULT sent=<packets> secs=<s> pps=<p> errors=<n>
 * Build: gcc -O2 -o udpgen udpgen.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_BATCH 1024
#define MAX_FLOWS 64

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(void) {
    fprintf(stderr, "usage: udpgen -d DST [-p PORT] [-s SIZE] [-t SECS] [-r PPS] [-b BATCH] [-f FLOWS]\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *dst = NULL;
    int port = 9000, size = 64, batch = 64, flows = 1;
    double secs = 10, rate = 0;
    int c;
    while ((c = getopt(argc, argv, "d:p:s:t:r:b:f:")) != -1) {
        switch (c) {
        case 'd': dst = optarg; break;
        case 'p': port = atoi(optarg); break;
        case 's': size = atoi(optarg); break;
        case 't': secs = atof(optarg); break;
        case 'r': rate = atof(optarg); break;
        case 'b': batch = atoi(optarg); break;
        case 'f': flows = atoi(optarg); break;
        default: usage();
        }
    }
    if (!dst || size < 0 || size > 65507 || batch < 1 || batch > MAX_BATCH || flows < 1 || flows > MAX_FLOWS
            || secs <= 0) {
        usage();
    }
    struct sockaddr_storage sa;
    socklen_t salen;
    memset(&sa, 0, sizeof sa);
    struct sockaddr_in *s4 = (struct sockaddr_in *) &sa;
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *) &sa;
    if (inet_pton(AF_INET, dst, &s4->sin_addr) == 1) {
        s4->sin_family = AF_INET;
        s4->sin_port = htons(port);
        salen = sizeof *s4;
    } else if (inet_pton(AF_INET6, dst, &s6->sin6_addr) == 1) {
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons(port);
        salen = sizeof *s6;
    } else {
        fprintf(stderr, "udpgen: bad address %s\n", dst);
        return 2;
    }
    int fds[MAX_FLOWS];
    for (int i = 0; i < flows; i++) {
        fds[i] = socket(sa.ss_family, SOCK_DGRAM, 0);
        if (fds[i] < 0 || connect(fds[i], (struct sockaddr *) &sa, salen) < 0) {
            perror("udpgen: socket/connect");
            return 1;
        }
    }
    static char payload[65536];
    for (int i = 0; i < size; i++) {
        payload[i] = (char) i;
    }
    static struct mmsghdr msgs[MAX_BATCH];
    static struct iovec iov[MAX_BATCH];
    for (int i = 0; i < batch; i++) {
        iov[i].iov_base = payload;
        iov[i].iov_len = size;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
    }
    unsigned long long sent = 0, errors = 0;
    double t0 = now(), end = t0 + secs, t = t0;
    unsigned long batches = 0;
    while (t < end) {
        if (rate > 0) {
            double due = t0 + sent / rate; /* time at which the next datagram is due */
            if (due > t) {
                double wait = due - t;
                if (wait > 0.0002) {
                    struct timespec ts = { (time_t) wait, (long) ((wait - (time_t) wait) * 1e9) };
                    nanosleep(&ts, NULL);
                }
                t = now();
                continue;
            }
        }
        int n = sendmmsg(fds[batches++ % flows], msgs, batch, 0);
        if (n > 0) {
            sent += n;
        } else if (n < 0 && errno != EINTR) {
            errors++; /* ENOBUFS, ECONNREFUSED (an ICMP error came back): keep going */
        }
        if ((batches & 15) == 0 || rate > 0) {
            t = now();
        }
    }
    double el = now() - t0;
    printf("RESULT sent=%llu secs=%.3f pps=%.0f errors=%llu\n", sent, el, sent / el, errors);
    return 0;
}
