package org.softwire.bgp.wire;

/** One BGP message (RFC 4271 §4; ROUTE-REFRESH from RFC 2918 §3). */
public sealed interface BgpMessage
        permits OpenMessage, UpdateMessage, NotificationMessage, KeepaliveMessage, RouteRefreshMessage {
    int TYPE_OPEN = 1;
    int TYPE_UPDATE = 2;
    int TYPE_NOTIFICATION = 3;
    int TYPE_KEEPALIVE = 4;
    int TYPE_ROUTE_REFRESH = 5;
    /** Header: marker (16) + length (2) + type (1) [RFC 4271 §4.1]. */
    int HEADER_LENGTH = 19;
    int MAX_LENGTH = 4096;

    /** The message type code of the header. */
    int type();
}
