#!/usr/bin/python3
"""UDP helpers for the DS-Lite lab tests (DsLiteLabTest), one program per role:

  udp.py echo ADDR PORT
      echo server: answers every datagram with "echo <peer-ip>:<peer-port> <data>"
  udp.py send SRCPORT DST DPORT MESSAGE
      sends MESSAGE from SRCPORT to DST:DPORT (connected socket), waits 3 s for the answer; prints
      "reply <peer-ip>:<peer-port> <data>" (exit 0), "error <errno name>" (exit 2: e.g. EHOSTUNREACH after an ICMP
      host unreachable) or "timeout" (exit 3)
  udp.py listen PORT OPEN_DST OPEN_DPORT
      from PORT, first sends "open" to OPEN_DST:OPEN_DPORT (the NAT maps PORT) and reads the answer, prints
      "ready", then prints "from <peer-ip>:<peer-port> <data>" for the first datagram from anyone else, answers it
      with "pong" and exits
"""
import errno
import socket
import sys


def main(argv):
    mode = argv[1]
    if mode == "echo":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((argv[2], int(argv[3])))
        print("listening", flush=True)
        while True:
            data, peer = s.recvfrom(65535)
            s.sendto(b"echo %s:%d " % (peer[0].encode(), peer[1]) + data, peer)
    if mode == "send":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        # host unreachable is a soft error (RFC 1122 §4.1.3.3): Linux reports it on a UDP socket only with IP_RECVERR
        s.setsockopt(socket.IPPROTO_IP, getattr(socket, "IP_RECVERR", 11), 1)
        s.bind(("0.0.0.0", int(argv[2])))
        s.connect((argv[3], int(argv[4])))
        s.settimeout(3)
        s.send(argv[5].encode())
        try:
            data, peer = s.recvfrom(65535)
        except socket.timeout:
            print("timeout", flush=True)
            return 3
        except OSError as e:
            print("error " + errno.errorcode.get(e.errno, str(e.errno)), flush=True)
            return 2
        print("reply %s:%d %s" % (peer[0], peer[1], data.decode()), flush=True)
        return 0
    if mode == "listen":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("0.0.0.0", int(argv[2])))
        opener = (argv[3], int(argv[4]))
        s.settimeout(3)
        s.sendto(b"open", opener)
        s.recvfrom(65535)
        s.settimeout(30)
        print("ready", flush=True)
        while True:
            data, peer = s.recvfrom(65535)
            if peer != opener:
                print("from %s:%d %s" % (peer[0], peer[1], data.decode()), flush=True)
                s.sendto(b"pong", peer)
                return 0
    print("unknown mode " + mode, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
