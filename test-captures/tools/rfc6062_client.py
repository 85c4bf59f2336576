#!/usr/bin/env python3
"""Small RFC 5766 / RFC 6062 TURN client (plus an in-process TCP peer) used to record
test captures against a real coturn on the loopback range.

It exists because turnutils_uclient cannot (a) talk to a TCP peer of our own through an
RFC 6062 allocation, (b) put RFC 4571-framed ICE checks and RTP through the bound data
connection, or (c) provoke 447 / 442 / 438 / 437 / 403 / 441 / 446 / 486 / 508 on demand.

Roles (addresses are the defaults; see --help):
  client 127.0.0.3  -> TURN server 127.0.0.2:3478 (TCP control + data connections)
  peer   127.0.0.4  listens on TCP 52044 (active path) and dials the relayed address (passive path)

Scenarios (first argument):
  rfc6062         Allocate TCP, CreatePermission, Connect + ConnectionBind (active), ICE checks
                  and RTP-like frames in RFC 4571 framing both ways, then the passive path
                  (peer dials relay -> ConnectionAttempt -> ConnectionBind), Refresh 0.
  connect-failed  Allocate TCP, CreatePermission, Connect to a port nobody listens on (447).
  no-tcp-relay    Allocate TCP against a server started with --no-tcp-relay (442).
  stale-nonce     UDP allocation, wait past --stale-nonce, Refresh -> 438 -> retry -> success.
  allocation-mismatch  second Allocate on a control connection that has one, Refresh on a
                  UDP 5-tuple without one (437 each).
  forbidden-peer  CreatePermission and Connect towards --forbidden-peer, which the server was
                  started to deny (--denied-peer-ip): 403.
  wrong-credentials  allocation as --user, then Refresh and CreatePermission signed as
                  --other-user (a valid account on the server): 441.
  connection-exists  Connect to the peer (bound), then a second Connect to the same peer: 446.
  quota           against --user-quota=1 and a one-port relay range: UDP allocation as --user,
                  a second one as --user (486), one as --other-user (508).
  unbound-connection  Connect success and ConnectionAttempt, neither followed by ConnectionBind;
                  the control connection stays open until the server drops both peer
                  connections (its 30 s bind timer).
  connect-timeout Connect to --dead-port while a firewall silently drops the relay's SYNs;
                  waits for the server's 447 (about 30 s).

Nothing here is a recording of anything: every message is sent to and answered by the real
server, and the script fails loudly (exit 1) if the server does not answer as expected.
"""
import argparse
import hashlib
import hmac
import os
import socket
import struct
import sys
import time
import zlib

MAGIC = 0x2112A442

# Methods and classes (RFC 5389 §6).
BINDING, ALLOCATE, REFRESH, CREATE_PERMISSION = 0x001, 0x003, 0x004, 0x008
CONNECT, CONNECTION_BIND, CONNECTION_ATTEMPT = 0x00A, 0x00B, 0x00C
REQUEST, INDICATION, SUCCESS, ERROR = 0, 1, 2, 3

# Attributes.
A_USERNAME, A_MI, A_ERROR_CODE, A_LIFETIME = 0x0006, 0x0008, 0x0009, 0x000D
A_XOR_PEER, A_REALM, A_NONCE, A_XOR_RELAYED = 0x0012, 0x0014, 0x0015, 0x0016
A_REQ_TRANSPORT, A_XOR_MAPPED, A_PRIORITY, A_USE_CANDIDATE = 0x0019, 0x0020, 0x0024, 0x0025
A_CONNECTION_ID, A_SOFTWARE, A_FINGERPRINT = 0x002A, 0x8022, 0x8028
A_ICE_CONTROLLED, A_ICE_CONTROLLING = 0x8029, 0x802A

SOFTWARE = b"turnladder rfc6062_client.py"

# ICE credentials from PROTOCOLS.md §8.7: the TURN client plays CMS, the peer plays the Skype side.
CLIENT_UFRAG, CLIENT_PWD = "c7Hn", "Q2w3E4r5T6y7U8i9O0p1A2s3"
PEER_UFRAG, PEER_PWD = "Yq5v", "0aLmX8fQpR2sT4uV6wX8yZ1b"


def log(*a):
    print("[rfc6062_client]", *a, file=sys.stderr, flush=True)


def msg_type(method, cls):
    return ((method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
            | ((cls & 1) << 4) | ((cls & 2) << 7))


def split_type(t):
    cls = ((t >> 4) & 1) | ((t >> 7) & 2)
    method = (t & 0x000F) | ((t >> 1) & 0x0070) | ((t >> 2) & 0x0F80)
    return method, cls


def attr(t, value):
    pad = (-len(value)) % 4
    return struct.pack("!HH", t, len(value)) + value + b"\0" * pad


def xor_addr(ip, port):
    """XOR-*-ADDRESS value, IPv4 only (everything here is on 127.0.0.0/8)."""
    x_port = port ^ (MAGIC >> 16)
    x_ip = struct.unpack("!I", socket.inet_aton(ip))[0] ^ MAGIC
    return struct.pack("!BBHI", 0, 1, x_port, x_ip)


def unxor_addr(value):
    family, x_port, x_ip = struct.unpack("!xBHI", value[:8])
    assert family == 1, "IPv4 expected"
    return socket.inet_ntoa(struct.pack("!I", x_ip ^ MAGIC)), x_port ^ (MAGIC >> 16)


def build(method, cls, attrs, key=None, fingerprint=True, tid=None):
    """Encode a STUN message; MESSAGE-INTEGRITY (HMAC-SHA1 with key) and FINGERPRINT last."""
    tid = tid or os.urandom(12)
    body = b"".join(attr(t, v) for t, v in attrs)
    t = msg_type(method, cls)
    if key is not None:
        # Length covers the attributes up to and including MESSAGE-INTEGRITY (RFC 5389 §15.4).
        head = struct.pack("!HHI", t, len(body) + 24, MAGIC) + tid
        body += attr(A_MI, hmac.new(key, head + body, hashlib.sha1).digest())
    if fingerprint:
        head = struct.pack("!HHI", t, len(body) + 8, MAGIC) + tid
        crc = (zlib.crc32(head + body) & 0xFFFFFFFF) ^ 0x5354554E
        body += attr(A_FINGERPRINT, struct.pack("!I", crc))
    return struct.pack("!HHI", t, len(body), MAGIC) + tid + body, tid


class Message:
    def __init__(self, raw):
        t, length, cookie = struct.unpack("!HHI", raw[:8])
        if cookie != MAGIC or len(raw) != 20 + length:
            raise ValueError("not a STUN message: %s" % raw[:24].hex())
        self.raw = raw
        self.method, self.cls = split_type(t)
        self.tid = raw[8:20]
        self.attrs = []
        off = 20
        while off + 4 <= len(raw):
            at, al = struct.unpack("!HH", raw[off:off + 4])
            self.attrs.append((at, raw[off + 4:off + 4 + al]))
            off += 4 + al + ((-al) % 4)

    def get(self, t):
        for at, v in self.attrs:
            if at == t:
                return v
        return None

    def error_code(self):
        v = self.get(A_ERROR_CODE)
        return None if v is None else (v[2] & 7) * 100 + v[3]

    def __repr__(self):
        names = {0: "req", 1: "ind", 2: "ok", 3: "err"}
        return "<STUN m=0x%03x %s err=%s>" % (self.method, names[self.cls], self.error_code())


class Stream:
    """Buffered TCP reader: STUN messages back-to-back, or RFC 4571 frames."""

    def __init__(self, sock, name):
        self.sock, self.name, self.buf = sock, name, b""

    def _need(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError(self.name + ": connection closed")
            self.buf += chunk

    def _take(self, n):
        self._need(n)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send(self, data):
        self.sock.sendall(data)

    def read_stun(self):
        self._need(4)
        return Message(self._take(20 + struct.unpack("!H", self.buf[2:4])[0]))

    def send_framed(self, payload):
        self.sock.sendall(struct.pack("!H", len(payload)) + payload)

    def read_framed(self):
        self._need(2)
        n = struct.unpack("!H", self.buf[:2])[0]
        return self._take(2 + n)[2:]

    def close(self):
        self.sock.close()


class Datagrams:
    """UDP transport with the same read_stun/send surface as Stream."""

    def __init__(self, sock, server, name):
        self.sock, self.server, self.name = sock, server, name

    def send(self, data):
        self.sock.sendto(data, self.server)

    def read_stun(self):
        return Message(self.sock.recvfrom(65536)[0])

    def close(self):
        self.sock.close()


def tcp_connect(local_ip, remote, name, local_port=0, timeout=10):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.settimeout(timeout)
    s.bind((local_ip, local_port))
    s.connect(remote)
    return Stream(s, name)


class Turn:
    """Long-term-credential TURN session on one control transport."""

    def __init__(self, conn, user, password):
        self.conn, self.user, self.password = conn, user, password
        self.realm = self.nonce = self.key = None
        self.pending = []  # indications that arrived while waiting for a response

    def _auth_attrs(self):
        return [(A_USERNAME, self.user.encode()), (A_REALM, self.realm), (A_NONCE, self.nonce)]

    def _learn(self, resp):
        self.realm = resp.get(A_REALM) or self.realm
        self.nonce = resp.get(A_NONCE) or self.nonce
        self._derive_key()

    def _derive_key(self):
        self.key = hashlib.md5(b"%s:%s:%s" % (self.user.encode(), self.realm, self.password.encode())).digest()

    def transact(self, method, attrs, conn=None, auth=True):
        conn = conn or self.conn
        attrs = list(attrs) + ([(A_SOFTWARE, SOFTWARE)] if method == ALLOCATE else [])
        raw, tid = build(method, REQUEST, attrs + (self._auth_attrs() if auth else []),
                         key=self.key if auth else None)
        conn.send(raw)
        while True:
            resp = conn.read_stun()
            if resp.tid == tid:
                log("0x%03x ->" % method, resp)
                return resp
            log("(not ours while waiting)", resp)
            self.pending.append(resp)

    def request(self, method, attrs, conn=None, expect=SUCCESS):
        """Authenticated request; on 438 Stale Nonce take the new NONCE and retry once (RFC 5389 §10.2.3)."""
        resp = self.transact(method, attrs, conn)
        if resp.cls == ERROR and resp.error_code() == 438:
            self._learn(resp)
            resp = self.transact(method, attrs, conn)
        if expect is not None and resp.cls != expect:
            raise RuntimeError("0x%03x: unexpected %r" % (method, resp))
        return resp

    def allocate(self, transport, lifetime=600, expect=SUCCESS):
        attrs = [(A_REQ_TRANSPORT, bytes([transport, 0, 0, 0])), (A_LIFETIME, struct.pack("!I", lifetime))]
        first = self.transact(ALLOCATE, attrs, auth=False)
        if first.error_code() != 401:
            raise RuntimeError("Allocate without credentials: expected 401, got %r" % first)
        self._learn(first)
        return self.request(ALLOCATE, attrs, expect=expect)

    def expect_error(self, method, attrs, code, conn=None):
        """Authenticated request that the server must refuse with `code`. On a transport that
        has no NONCE yet (a fresh 5-tuple) the request goes out without credentials first and
        the 401 supplies REALM and NONCE, as a real client would do it."""
        if self.nonce is None:
            first = self.transact(method, attrs, conn, auth=False)
            if first.error_code() != 401:
                raise RuntimeError("0x%03x without credentials: expected 401, got %r" % (method, first))
            self._learn(first)
        resp = self.request(method, attrs, conn, expect=None)
        if resp.cls != ERROR or resp.error_code() != code:
            raise RuntimeError("0x%03x: expected error %d, got %r" % (method, code, resp))
        return resp

    def as_user(self, conn, user, password):
        """Another Turn on `conn` that signs with other credentials but this session's REALM/NONCE."""
        other = Turn(conn, user, password)
        other.realm, other.nonce = self.realm, self.nonce
        other._derive_key()
        return other

    def wait_indication(self, method):
        while self.pending:
            m = self.pending.pop(0)
            if m.method == method and m.cls == INDICATION:
                return m
        m = self.conn.read_stun()
        if m.method != method or m.cls != INDICATION:
            raise RuntimeError("expected indication 0x%03x, got %r" % (method, m))
        return m


# ---- ICE-over-the-relay helpers (what CMS and the Skype side would put in the data connection) ----

def ice_check(sender_controlling, remote_ufrag, local_ufrag, remote_pwd, priority):
    """Binding request as an RFC 5245 agent sends it: USERNAME remote:local, short-term key = remote pwd."""
    attrs = [(A_USERNAME, ("%s:%s" % (remote_ufrag, local_ufrag)).encode()),
             (A_PRIORITY, struct.pack("!I", priority))]
    if sender_controlling:
        attrs += [(A_ICE_CONTROLLING, bytes.fromhex("0123456789abcdef")), (A_USE_CANDIDATE, b"")]
    else:
        attrs += [(A_ICE_CONTROLLED, bytes.fromhex("fedcba9876543210"))]
    return build(BINDING, REQUEST, attrs, key=remote_pwd.encode())[0]


def ice_answer(request, mapped, own_pwd):
    ip, port = mapped
    return build(BINDING, SUCCESS, [(A_XOR_MAPPED, xor_addr(ip, port))],
                 key=own_pwd.encode(), tid=request.tid)[0]


def rtp(seq, ssrc, payload):
    """RTP v2, PT 127 (application sharing), marker 0."""
    return struct.pack("!BBHII", 0x80, 0x7F, seq, seq * 3000, ssrc) + payload


def ice_both_ways(client, peer, client_sees_peer, peer_sees_client, priority_c, priority_p):
    """Checks in both directions through a bound pipe, each answered, RFC 4571 framed."""
    client.send_framed(ice_check(True, PEER_UFRAG, CLIENT_UFRAG, PEER_PWD, priority_c))
    req = Message(peer.read_framed())
    assert req.get(A_USERNAME) == ("%s:%s" % (PEER_UFRAG, CLIENT_UFRAG)).encode()
    peer.send_framed(ice_answer(req, peer_sees_client, PEER_PWD))
    resp = Message(client.read_framed())
    assert resp.cls == SUCCESS and resp.tid == req.tid
    log("check client->peer answered, mapped", unxor_addr(resp.get(A_XOR_MAPPED)))
    peer.send_framed(ice_check(False, CLIENT_UFRAG, PEER_UFRAG, CLIENT_PWD, priority_p))
    answer_peer_check(client, peer, client_sees_peer)


def answer_peer_check(client, peer, client_sees_peer):
    req = Message(client.read_framed())
    assert req.get(A_USERNAME) == ("%s:%s" % (CLIENT_UFRAG, PEER_UFRAG)).encode()
    client.send_framed(ice_answer(req, client_sees_peer, CLIENT_PWD))
    resp = Message(peer.read_framed())
    assert resp.cls == SUCCESS and resp.tid == req.tid
    log("check peer->client answered")


def media_both_ways(client, peer, frames, ssrc_c, ssrc_p, tag):
    for i in range(frames):
        client.send_framed(rtp(100 + i, ssrc_c, b"RDP-from-client-%s-%d " % (tag.encode(), i) * 3))
        assert peer.read_framed()[1] == 0x7F
        peer.send_framed(rtp(500 + i, ssrc_p, b"RDP-from-peer-%s-%d " % (tag.encode(), i) * 4))
        assert client.read_framed()[1] == 0x7F
    log("%d RTP-like frames each way (%s)" % (frames, tag))


# ---- scenarios ----

def scenario_rfc6062(a):
    server = (a.server, a.port)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((a.peer, a.peer_port))
    listener.listen(4)
    listener.settimeout(10)

    turn = Turn(tcp_connect(a.client, server, "control"), a.user, a.password)
    ok = turn.allocate(transport=6)
    relay = unxor_addr(ok.get(A_XOR_RELAYED))
    log("relayed address", relay)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])

    # Active open: the server dials the peer for us.
    peer_addr = (a.peer, a.peer_port)
    ok = turn.request(CONNECT, [(A_XOR_PEER, xor_addr(a.peer, a.peer_port))])
    conn_id = ok.get(A_CONNECTION_ID)
    psock, from_relay = listener.accept()
    peer_active = Stream(psock, "peer-active")
    log("server dialled the peer from", from_relay, "connection-id", conn_id.hex())
    data1 = tcp_connect(a.client, server, "data1")
    turn.request(CONNECTION_BIND, [(A_CONNECTION_ID, conn_id)], conn=data1)
    time.sleep(0.05)
    ice_both_ways(data1, peer_active, peer_addr, from_relay, 41943039, 2121269503)
    media_both_ways(data1, peer_active, a.frames, 0x11111111, 0x22222222, "active")

    # Passive open: the peer dials the relayed address; the server tells us with ConnectionAttempt.
    time.sleep(0.2)
    peer_passive = tcp_connect(a.peer, relay, "peer-passive")
    # Sent before the client binds: the server must buffer it and deliver it after ConnectionBind.
    peer_passive.send_framed(ice_check(False, CLIENT_UFRAG, PEER_UFRAG, CLIENT_PWD, 2120220927))
    attempt = turn.wait_indication(CONNECTION_ATTEMPT)
    log("ConnectionAttempt from", unxor_addr(attempt.get(A_XOR_PEER)))
    data2 = tcp_connect(a.client, server, "data2")
    turn.request(CONNECTION_BIND, [(A_CONNECTION_ID, attempt.get(A_CONNECTION_ID))], conn=data2)
    peer_passive_addr = unxor_addr(attempt.get(A_XOR_PEER))
    answer_peer_check(data2, peer_passive, peer_passive_addr)
    data2.send_framed(ice_check(True, PEER_UFRAG, CLIENT_UFRAG, PEER_PWD, 41943039))
    req = Message(peer_passive.read_framed())
    peer_passive.send_framed(ice_answer(req, relay, PEER_PWD))
    assert Message(data2.read_framed()).cls == SUCCESS
    media_both_ways(data2, peer_passive, a.frames, 0x33333333, 0x44444444, "passive")

    time.sleep(0.2)
    turn.request(REFRESH, [(A_LIFETIME, struct.pack("!I", 0))])
    time.sleep(0.2)
    for s in (data1, data2, peer_active, peer_passive, turn.conn):
        s.close()
    listener.close()


def scenario_connect_failed(a):
    turn = Turn(tcp_connect(a.client, (a.server, a.port), "control"), a.user, a.password)
    turn.allocate(transport=6)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])
    resp = turn.request(CONNECT, [(A_XOR_PEER, xor_addr(a.peer, a.dead_port))], expect=ERROR)
    if resp.error_code() != 447:
        raise RuntimeError("expected 447, got %r" % resp)
    turn.request(REFRESH, [(A_LIFETIME, struct.pack("!I", 0))])
    turn.conn.close()


def scenario_no_tcp_relay(a):
    turn = Turn(tcp_connect(a.client, (a.server, a.port), "control"), a.user, a.password)
    resp = turn.allocate(transport=6, expect=ERROR)
    if resp.error_code() != 442:
        raise RuntimeError("expected 442, got %r" % resp)
    time.sleep(0.1)
    turn.conn.close()


def scenario_stale_nonce(a):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((a.client, 0))
    s.settimeout(5)
    turn = Turn(Datagrams(s, (a.server, a.port), "udp"), a.user, a.password)
    turn.allocate(transport=17)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])
    log("sleeping %.1f s so the nonce goes stale" % a.stale_wait)
    time.sleep(a.stale_wait)
    resp = turn.transact(REFRESH, [(A_LIFETIME, struct.pack("!I", 600))])
    if resp.error_code() != 438:
        raise RuntimeError("expected 438, got %r" % resp)
    turn._learn(resp)
    turn.request(REFRESH, [(A_LIFETIME, struct.pack("!I", 600))])
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])
    turn.request(REFRESH, [(A_LIFETIME, struct.pack("!I", 0))])
    s.close()


def udp_turn(a, user=None, password=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((a.client, 0))
    s.settimeout(5)
    return Turn(Datagrams(s, (a.server, a.port), "udp"), user or a.user, password or a.password)


def peer_listener(a):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((a.peer, a.peer_port))
    listener.listen(4)
    listener.settimeout(10)
    return listener


LIFETIME_0 = [(A_LIFETIME, struct.pack("!I", 0))]


def scenario_allocation_mismatch(a):
    server = (a.server, a.port)
    # 1. A second Allocate on a 5-tuple that already has an allocation (RFC 5766 §6.2 step 2).
    turn = Turn(tcp_connect(a.client, server, "control"), a.user, a.password)
    turn.allocate(transport=6)
    turn.expect_error(ALLOCATE, [(A_REQ_TRANSPORT, bytes([6, 0, 0, 0]))], 437)
    # 2. Refresh on a UDP 5-tuple that never allocated. (coturn 4.6.1 answers a CreatePermission
    #    there with 400 "Bad Request", not 437, so that one is left out.)
    udp = udp_turn(a)
    udp.expect_error(REFRESH, [(A_LIFETIME, struct.pack("!I", 600))], 437)
    # (A Connect on a TCP control connection without allocation gets 403 from coturn 4.6.1, not
    #  437; see README.)
    time.sleep(0.1)
    turn.request(REFRESH, LIFETIME_0)
    for c in (udp.conn, turn.conn):
        c.close()


def scenario_forbidden_peer(a):
    turn = Turn(tcp_connect(a.client, (a.server, a.port), "control"), a.user, a.password)
    turn.allocate(transport=6)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])  # allowed peer: works
    turn.expect_error(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.forbidden_peer, 0))], 403)
    turn.expect_error(CONNECT, [(A_XOR_PEER, xor_addr(a.forbidden_peer, a.peer_port))], 403)
    turn.request(REFRESH, LIFETIME_0)
    time.sleep(0.1)
    turn.conn.close()


def scenario_wrong_credentials(a):
    turn = Turn(tcp_connect(a.client, (a.server, a.port), "control"), a.user, a.password)
    turn.allocate(transport=6)
    other = turn.as_user(turn.conn, a.other_user, a.other_password)
    other.expect_error(REFRESH, [(A_LIFETIME, struct.pack("!I", 600))], 441)
    other.expect_error(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))], 441)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])  # the owner still can
    turn.request(REFRESH, LIFETIME_0)
    time.sleep(0.1)
    turn.conn.close()


def scenario_connection_exists(a):
    server = (a.server, a.port)
    listener = peer_listener(a)
    turn = Turn(tcp_connect(a.client, server, "control"), a.user, a.password)
    turn.allocate(transport=6)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])
    ok = turn.request(CONNECT, [(A_XOR_PEER, xor_addr(a.peer, a.peer_port))])
    peer = Stream(listener.accept()[0], "peer")
    data = tcp_connect(a.client, server, "data")
    turn.request(CONNECTION_BIND, [(A_CONNECTION_ID, ok.get(A_CONNECTION_ID))], conn=data)
    # RFC 6062 §5.2: a connection to this peer already exists on the allocation.
    turn.expect_error(CONNECT, [(A_XOR_PEER, xor_addr(a.peer, a.peer_port))], 446)
    time.sleep(0.1)
    turn.request(REFRESH, LIFETIME_0)
    time.sleep(0.1)
    for c in (data, peer, turn.conn):
        c.close()
    listener.close()


def scenario_quota(a):
    first = udp_turn(a)
    first.allocate(transport=17)
    second = udp_turn(a)  # same user, second 5-tuple: over --user-quota=1
    resp = second.allocate(transport=17, expect=ERROR)
    if resp.error_code() != 486:
        raise RuntimeError("expected 486, got %r" % resp)
    third = udp_turn(a, a.other_user, a.other_password)  # another user, but no relay port left
    resp = third.allocate(transport=17, expect=ERROR)
    if resp.error_code() != 508:
        raise RuntimeError("expected 508, got %r" % resp)
    first.request(REFRESH, LIFETIME_0)
    for t in (first, second, third):
        t.conn.close()


def scenario_unbound_connection(a):
    server = (a.server, a.port)
    listener = peer_listener(a)
    turn = Turn(tcp_connect(a.client, server, "control", timeout=a.bind_wait + 10), a.user, a.password)
    ok = turn.allocate(transport=6)
    relay = unxor_addr(ok.get(A_XOR_RELAYED))
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])
    ok = turn.request(CONNECT, [(A_XOR_PEER, xor_addr(a.peer, a.peer_port))])
    active = listener.accept()[0]
    log("Connect success, CONNECTION-ID", ok.get(A_CONNECTION_ID).hex(), "- not binding it")
    passive = tcp_connect(a.peer, relay, "peer-passive").sock
    attempt = turn.wait_indication(CONNECTION_ATTEMPT)
    log("ConnectionAttempt, CONNECTION-ID", attempt.get(A_CONNECTION_ID).hex(), "- not binding it")
    # Wait for the server to give up on both (RFC 6062 §5.2/§5.3: 30 s); the peer sees the close.
    deadline = time.time() + a.bind_wait
    closed = set()
    for name, sock in (("active", active), ("passive", passive)):
        sock.settimeout(max(0.1, deadline - time.time()))
        try:
            if sock.recv(1) == b"":
                closed.add(name)
        except (socket.timeout, ConnectionResetError) as e:
            if isinstance(e, ConnectionResetError):
                closed.add(name)
        log("peer %s connection closed by the server: %s" % (name, name in closed))
    if closed != {"active", "passive"}:
        raise RuntimeError("server did not drop the unbound connections within %.0f s" % a.bind_wait)
    turn.request(REFRESH, LIFETIME_0)
    time.sleep(0.1)
    for s in (active, passive, turn.conn.sock, listener):
        s.close()


def scenario_connect_timeout(a):
    turn = Turn(tcp_connect(a.client, (a.server, a.port), "control", timeout=a.bind_wait + 10),
                a.user, a.password)
    turn.allocate(transport=6)
    turn.request(CREATE_PERMISSION, [(A_XOR_PEER, xor_addr(a.peer, 0))])
    started = time.time()
    resp = turn.request(CONNECT, [(A_XOR_PEER, xor_addr(a.peer, a.dead_port))], expect=ERROR)
    log("Connect answered after %.1f s" % (time.time() - started))
    if resp.error_code() != 447:
        raise RuntimeError("expected 447, got %r" % resp)
    turn.request(REFRESH, LIFETIME_0)
    time.sleep(0.1)
    turn.conn.close()


SCENARIOS = {"rfc6062": scenario_rfc6062, "connect-failed": scenario_connect_failed,
             "no-tcp-relay": scenario_no_tcp_relay, "stale-nonce": scenario_stale_nonce,
             "allocation-mismatch": scenario_allocation_mismatch,
             "forbidden-peer": scenario_forbidden_peer, "wrong-credentials": scenario_wrong_credentials,
             "connection-exists": scenario_connection_exists, "quota": scenario_quota,
             "unbound-connection": scenario_unbound_connection, "connect-timeout": scenario_connect_timeout}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenario", choices=sorted(SCENARIOS))
    p.add_argument("--server", default="127.0.0.2")
    p.add_argument("--port", type=int, default=3478)
    p.add_argument("--client", default="127.0.0.3", help="local address of the TURN client")
    p.add_argument("--peer", default="127.0.0.4", help="address of the in-process TCP peer")
    p.add_argument("--peer-port", type=int, default=52044)
    p.add_argument("--dead-port", type=int, default=52045, help="port nobody listens on (connect-failed)")
    p.add_argument("--user", default="u")
    p.add_argument("--password", default="p")
    p.add_argument("--frames", type=int, default=3, help="RTP-like frames each way per data connection")
    p.add_argument("--stale-wait", type=float, default=4.0)
    p.add_argument("--forbidden-peer", default="127.0.0.9", help="peer the server denies (forbidden-peer)")
    p.add_argument("--other-user", default="v", help="second account on the server")
    p.add_argument("--other-password", default="q")
    p.add_argument("--bind-wait", type=float, default=33.0,
                   help="longest wait for the server's 30 s timers (unbound-connection, connect-timeout)")
    a = p.parse_args()
    try:
        SCENARIOS[a.scenario](a)
    except Exception as e:  # the recorder must notice a failed run
        log("FAILED:", repr(e))
        return 1
    log("done:", a.scenario)
    return 0


if __name__ == "__main__":
    sys.exit(main())
