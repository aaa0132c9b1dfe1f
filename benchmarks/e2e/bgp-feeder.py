#!/usr/bin/python3
"""Replays a file of pre-encoded BGP UPDATE messages on a real BGP session (used by bgp-learn-bench.sh).

Connects to TARGET:179 from the namespace it runs in, sends OPEN (AS 65001, router id 192.0.2.2, hold time 180,
capabilities: multiprotocol IPv4 unicast, extended next hop 1/1/2 [RFC 8950], route refresh, 4-octet AS 65001),
answers the peer's OPEN with a KEEPALIVE and, once the peer's KEEPALIVE arrives (Established), writes the whole
feed with one sendall() followed by the IPv4 unicast End-of-RIB. Prints 'feeding <epoch ms>' and 'fed <epoch ms>'.
Then keeps the session (KEEPALIVE every 30 s, reading and discarding what the peer sends) until SIGTERM.

usage: bgp-feeder.py TARGET FEEDFILE
"""
import signal
import socket
import struct
import sys
import threading
import time

MARKER = b"\xff" * 16


def message(kind, body):
    return MARKER + struct.pack("!HB", 19 + len(body), kind) + body


def open_message():
    caps = (b"\x01\x04\x00\x01\x00\x01"                  # multiprotocol: IPv4 unicast
            + b"\x05\x06\x00\x01\x00\x01\x00\x02"        # extended next hop: IPv4 unicast with IPv6 next hop
            + b"\x02\x00"                                # route refresh
            + b"\x41\x04" + struct.pack("!I", 65001))    # 4-octet AS
    params = b"\x02" + bytes([len(caps)]) + caps
    return message(1, struct.pack("!BHH4sB", 4, 65001, 180, socket.inet_aton("192.0.2.2"), len(params)) + params)


KEEPALIVE = message(4, b"")
END_OF_RIB = message(2, b"\x00\x00\x00\x00")


def read_message(sock):
    head = b""
    while len(head) < 19:
        chunk = sock.recv(19 - len(head))
        if not chunk:
            raise EOFError("peer closed the connection")
        head += chunk
    length, kind = struct.unpack("!HB", head[16:19])
    body = b""
    while len(body) < length - 19:
        chunk = sock.recv(length - 19 - len(body))
        if not chunk:
            raise EOFError("peer closed the connection")
        body += chunk
    return kind, body


def main():
    target, feed_file = sys.argv[1], sys.argv[2]
    with open(feed_file, "rb") as f:
        feed = f.read()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    sock = None
    for _ in range(300):  # the target may still be starting: retry for 30 s
        try:
            sock = socket.create_connection((target, 179), timeout=5)
            break
        except OSError:
            time.sleep(0.1)
    if sock is None:
        sys.exit("cannot connect to %s:179" % target)
    sock.settimeout(None)
    sock.sendall(open_message())
    while True:
        kind, body = read_message(sock)
        if kind == 1:
            sock.sendall(KEEPALIVE)
        elif kind == 4:
            break
        elif kind == 3:
            sys.exit("NOTIFICATION %d/%d %s" % (body[0], body[1], body[2:].hex()))

    def drain():
        try:
            while True:
                kind, body = read_message(sock)
                if kind == 3:
                    print("NOTIFICATION %d/%d" % (body[0], body[1]), flush=True)
                    stop.set()
                    return
        except (EOFError, OSError):
            stop.set()

    threading.Thread(target=drain, daemon=True).start()
    print("feeding %d" % int(time.time() * 1000), flush=True)
    sock.sendall(feed)
    sock.sendall(END_OF_RIB)
    print("fed %d (%d octets)" % (int(time.time() * 1000), len(feed)), flush=True)
    while not stop.wait(30):
        sock.sendall(KEEPALIVE)
    sock.close()


if __name__ == "__main__":
    main()
