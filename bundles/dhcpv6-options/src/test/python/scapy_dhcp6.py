"""DHCPv6 messages built by scapy (scapy.layers.dhcp6), printed as 'name hex' lines for the Java decoder test."""
import sys
from scapy.layers.dhcp6 import (DHCP6_Solicit, DHCP6_Advertise, DHCP6_Request, DHCP6_Reply, DHCP6_InfoRequest,
                                DHCP6_RelayForward, DHCP6_Renew, DHCP6_Rebind, DHCP6_Release,
                                DHCP6OptClientId, DHCP6OptServerId, DUID_LLT, DUID_EN, DUID_LL, DUID_UUID,
                                DHCP6OptIA_NA, DHCP6OptIAAddress, DHCP6OptIA_PD, DHCP6OptIAPrefix, DHCP6OptOptReq,
                                DHCP6OptPref, DHCP6OptElapsedTime, DHCP6OptStatusCode, DHCP6OptRapidCommit,
                                DHCP6OptDNSServers, DHCP6OptDNSDomains, DHCP6OptInfoRefreshTime, DHCP6OptRelayMsg,
                                DHCP6OptIfaceId, DHCP6OptUnknown)
from scapy.compat import raw

llt = DUID_LLT(hwtype=1, timeval=0x2a3b4c5d, lladdr="02:00:00:c0:ff:ee")
solicit = (DHCP6_Solicit(trid=0x123456) / DHCP6OptClientId(duid=llt) / DHCP6OptElapsedTime(elapsedtime=250)
           / DHCP6OptOptReq(reqopts=[64, 94, 95, 96, 111, 82]) / DHCP6OptRapidCommit()
           / DHCP6OptIA_NA(iaid=7, T1=0, T2=0) / DHCP6OptIA_PD(iaid=8, T1=0, T2=0))
reply = (DHCP6_Reply(trid=0xabcdef) / DHCP6OptClientId(duid=DUID_EN(enterprisenum=32473, id=b"\x01\x02\x03"))
         / DHCP6OptServerId(duid=DUID_LL(hwtype=1, lladdr="02:00:00:00:00:01"))
         / DHCP6OptIA_NA(iaid=7, T1=1800, T2=2880, ianaopts=[DHCP6OptIAAddress(addr="2001:db8::100", preflft=3600, validlft=7200)])
         / DHCP6OptIA_PD(iaid=8, T1=1800, T2=2880, iapdopt=[DHCP6OptIAPrefix(preflft=3600, validlft=7200, plen=56, prefix="2001:db8:12:3400::")])
         / DHCP6OptPref(prefval=255) / DHCP6OptStatusCode(statuscode=0, statusmsg="ok")
         / DHCP6OptDNSServers(dnsservers=["2001:db8::53", "2001:db8::35"])
         / DHCP6OptDNSDomains(dnsdomains=["example.com.", "example.org."])
         / DHCP6OptUnknown(optcode=64, data=b"\x04aftr\x07example\x03com\x00"))
inforeq = (DHCP6_InfoRequest(trid=1) / DHCP6OptClientId(duid=DUID_UUID(uuid="9f3d8c1e-6a2b-4c7d-8e9f-0a1b2c3d4e5f"))
           / DHCP6OptOptReq(reqopts=[64, 23, 24, 32, 83]) / DHCP6OptElapsedTime(elapsedtime=0))
inforeply = DHCP6_Reply(trid=1) / DHCP6OptInfoRefreshTime(reftime=86400)
relay = (DHCP6_RelayForward(hopcount=1, linkaddr="2001:db8:1::1", peeraddr="fe80::2")
         / DHCP6OptIfaceId(ifaceid=b"eth0") / DHCP6OptRelayMsg(message=solicit))
for name, pkt in [("solicit", solicit), ("reply", reply), ("inforeq", inforeq), ("inforeply", inforeply),
                  ("relay", relay)]:
    sys.stdout.write("%s %s\n" % (name, raw(pkt).hex()))
