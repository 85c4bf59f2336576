#!/usr/bin/env python3
"""Write a large, deterministic benchmark capture (classic pcap, Ethernet) for TurnLadder vs tshark.

The capture mixes two kinds of traffic, interleaved in time:

* real sessions: every capture found under --sessions (pcap, or pcapng converted with ``editcap -F pcap``) is
  replayed many times. Each repetition moves every IPv4 host into its own address in 10.0.0.0/8 (IPv6 hosts into
  fd62:656e:6368::/48; hosts are numbered per file, so two files never share hosts), keeps ports and payloads,
  fixes the IPv4 header checksum and shifts timestamps to a random start inside the capture. TCP/UDP checksums
  are left as they were (stale).
  Addresses *inside* payloads (XOR-MAPPED-ADDRESS, SDP c= lines, ...) are not rewritten: doing so would change
  lengths and break MESSAGE-INTEGRITY/FINGERPRINT, and a decoder's work per packet does not depend on them.
* unrelated traffic, the large majority of packets and bytes: synthetic TCP connections (handshake, HTTP or
  TLS-like request/response exchanges in 100-1460 byte segments with ACKs, FIN) and UDP flows (RTP-like audio and
  video streams on random high ports, DNS queries and answers). Flows start as a Poisson process over a window that
  begins before the capture does, so the capture opens in the middle of flows, like a real one.

Standard library only; output is written as it is generated (memory holds only the session templates and the
state of the flows open at one instant). Same inputs and --seed give the same bytes.
"""

import argparse
import heapq
import itertools
import math
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time

EPOCH_US = 1_700_000_000 * 1_000_000  # 2023-11-14T22:13:20Z, start of the capture
BYTES_PER_SECOND = 1_750_000  # ~14 Mbit/s: sets the capture's duration from its size unless --duration is given
PCAP_RECORD = struct.Struct('<IIII')
IPV4 = struct.Struct('!HHHHHH')  # version/ihl+tos, total length, id, flags/fragment, ttl+protocol, checksum
TCP = struct.Struct('!HHIIBBHHH')
UDP = struct.Struct('!HHHH')
RTP = struct.Struct('!BBHII')
DNS = struct.Struct('!HHHHHH')
SYN, FIN, PSH, ACK = 0x02, 0x01, 0x08, 0x10
MAC_HOST = bytes.fromhex('020000000001')
MAC_GATEWAY = bytes.fromhex('0200000000fe')


# ---------------------------------------------------------------- reading the session captures

PCAP_MAGICS = {
    b'\xd4\xc3\xb2\xa1': ('<', 1000),  # microseconds, little endian
    b'\xa1\xb2\xc3\xd4': ('>', 1000),
    b'\x4d\x3c\xb2\xa1': ('<', 1),  # nanoseconds
    b'\xa1\xb2\x3c\x4d': ('>', 1),
}
PCAPNG_MAGIC = b'\x0a\x0d\x0d\x0a'


def read_pcap(path):
    """Returns (linktype, [(timestamp_ns, frame, original_length)]) of a classic pcap file."""
    with open(path, 'rb') as f:
        data = f.read()
    endian, ns_per_unit = PCAP_MAGICS[data[:4]]
    linktype = struct.unpack_from(endian + 'I', data, 20)[0] & 0x0FFFFFFF
    record = struct.Struct(endian + 'IIII')
    packets, pos = [], 24
    while pos + 16 <= len(data):
        sec, frac, caplen, origlen = record.unpack_from(data, pos)
        pos += 16
        if pos + caplen > len(data):
            print(f'  {path}: truncated last record ignored', file=sys.stderr)
            break
        packets.append((sec * 1_000_000_000 + frac * ns_per_unit, data[pos:pos + caplen], origlen))
        pos += caplen
    return linktype, packets


def to_ethernet(linktype, frame):
    """Converts one frame to Ethernet. Returns (frame, offset of the network header, ethertype) or None."""
    if linktype == 1:  # Ethernet, possibly with 802.1Q / 802.1ad tags
        if len(frame) < 14:
            return None
        off, ethertype = 14, int.from_bytes(frame[12:14], 'big')
        while ethertype in (0x8100, 0x88A8, 0x9100) and len(frame) >= off + 4:
            ethertype = int.from_bytes(frame[off + 2:off + 4], 'big')
            off += 4
        return frame, off, ethertype
    if linktype == 113:  # Linux cooked v1: 16-byte header, protocol in its last two bytes
        if len(frame) < 16:
            return None
        ethertype = int.from_bytes(frame[14:16], 'big')
        source = frame[6:12] if int.from_bytes(frame[4:6], 'big') == 6 else MAC_HOST
        payload = frame[16:]
    elif linktype == 276:  # Linux cooked v2: 20-byte header, protocol first
        if len(frame) < 20:
            return None
        ethertype = int.from_bytes(frame[0:2], 'big')
        source = frame[12:18] if frame[11] == 6 else MAC_HOST
        payload = frame[20:]
    elif linktype in (101, 228, 229, 12, 14):  # raw IP (12/14 are the old BSD numbers for it)
        if not frame:
            return None
        version = frame[0] >> 4
        ethertype = {4: 0x0800, 6: 0x86DD}.get(version)
        if ethertype is None:
            return None
        source, payload = MAC_HOST, frame
    elif linktype == 0:  # BSD loopback: 4-byte address family in the writer's byte order
        if len(frame) < 4:
            return None
        family = int.from_bytes(frame[:4], 'little')
        if family > 0xFFFF:
            family = int.from_bytes(frame[:4], 'big')
        ethertype = 0x0800 if family == 2 else 0x86DD if family in (10, 24, 28, 30) else None
        if ethertype is None:
            return None
        source, payload = MAC_HOST, frame[4:]
    else:
        raise ValueError(f'link type {linktype} is not supported')
    return MAC_GATEWAY + source + ethertype.to_bytes(2, 'big') + payload, 14, ethertype


class SessionFile:
    """One session capture, converted to Ethernet, with its host addresses replaced by host numbers."""

    def __init__(self, name, packets, duration_us, size):
        self.name = name
        self.packets = packets  # [(relative µs, frame, extra original bytes, kind, ip offset, src host, dst host)]
        self.duration_us = duration_us
        self.size = size  # bytes of one replay on disk, record headers included


def load_sessions(directory, tmp):
    """Loads every pcap/pcapng below directory. Returns (session files, #IPv4 hosts, #IPv6 hosts)."""
    hosts4, hosts6, sessions = {}, {}, []
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, 'rb') as f:
                magic = f.read(4)
            if magic == PCAPNG_MAGIC:
                converted = os.path.join(tmp, f'{len(sessions)}-{name}.pcap')
                done = subprocess.run(['editcap', '-F', 'pcap', path, converted], capture_output=True, text=True)
                if done.returncode != 0:
                    print(f'  skipped {path}: editcap: {done.stderr.strip()}', file=sys.stderr)
                    continue
                path_to_read = converted
            elif magic in PCAP_MAGICS:
                path_to_read = path
            else:
                continue  # scripts, READMEs, SIPp scenarios ...
            linktype, raw = read_pcap(path_to_read)
            if not raw:
                continue
            try:
                session = convert(os.path.relpath(path, directory), linktype, raw, hosts4, hosts6)
            except ValueError as e:
                print(f'  skipped {path}: {e}', file=sys.stderr)
                continue
            sessions.append(session)
    return sessions, len(hosts4), len(hosts6)


def convert(name, linktype, raw, hosts4, hosts6):
    """Hosts are numbered per file: two files that happen to share addresses and ports (the same lab, the
    loopback) must not become one TCP connection when a repetition replays both."""
    t0 = min(ts for ts, _, _ in raw)
    packets, size, last = [], 0, 0
    for ts, frame, origlen in raw:
        converted = to_ethernet(linktype, frame)
        if converted is None:
            continue
        eth, off, ethertype = converted
        extra = max(0, origlen - len(frame))  # bytes the original capture did not keep
        kind, src, dst = None, 0, 0
        if ethertype == 0x0800 and len(eth) >= off + 20 and eth[off] >> 4 == 4:
            kind = 4
            src = hosts4.setdefault((name, eth[off + 12:off + 16]), len(hosts4))
            dst = hosts4.setdefault((name, eth[off + 16:off + 20]), len(hosts4))
        elif ethertype == 0x86DD and len(eth) >= off + 40:
            kind = 6
            src = hosts6.setdefault((name, eth[off + 8:off + 24]), len(hosts6))
            dst = hosts6.setdefault((name, eth[off + 24:off + 40]), len(hosts6))
        rel = (ts - t0) // 1000
        last = max(last, rel)
        packets.append((rel, eth, extra, kind, off, src, dst))
        size += 16 + len(eth)
    packets.sort(key=lambda p: p[0])  # stable: a capture's own order where timestamps tie
    return SessionFile(name, packets, last, size)


ADDRESSES_PER_OCTET = 254  # host numbers map to 10.x.y.z with z in 1..254


def ipv4_host(n):
    return bytes((10, (n // (ADDRESSES_PER_OCTET * 256)) & 0xFF, (n // ADDRESSES_PER_OCTET) % 256,
                  n % ADDRESSES_PER_OCTET + 1))


IPV4_CAPACITY = 256 * 256 * ADDRESSES_PER_OCTET


def ipv6_host(n):
    return bytes.fromhex('fd62656e6368') + bytes(6) + n.to_bytes(4, 'big')


def ipv4_checksum(frame, off):
    ihl = (frame[off] & 0x0F) * 4
    frame[off + 10:off + 12] = b'\0\0'
    total = sum(struct.unpack_from(f'!{ihl // 2}H', frame, off))
    total = (total & 0xFFFF) + (total >> 16)
    total = (total & 0xFFFF) + (total >> 16)
    frame[off + 10:off + 12] = (~total & 0xFFFF).to_bytes(2, 'big')


def replay(session, start_us, rep, hosts4, hosts6):
    """Yields (µs, (frame, original length)) of one repetition of one session file."""
    base4, base6 = rep * hosts4, rep * hosts6
    for rel, eth, extra, kind, off, src, dst in session.packets:
        frame = bytearray(eth)
        if kind == 4:
            frame[off + 12:off + 16] = ipv4_host(base4 + src)
            frame[off + 16:off + 20] = ipv4_host(base4 + dst)
            if len(frame) >= off + (frame[off] & 0x0F) * 4:
                ipv4_checksum(frame, off)
        elif kind == 6:
            frame[off + 8:off + 24] = ipv6_host(base6 + src)
            frame[off + 24:off + 40] = ipv6_host(base6 + dst)
        yield start_us + rel, (bytes(frame), len(frame) + extra)


# ---------------------------------------------------------------- synthetic traffic

class Direction:
    """One direction of an IPv4 conversation: builds Ethernet+IPv4 headers with a correct header checksum."""
    __slots__ = ('prefix', 'addresses', 'partial', 'ttl_protocol', 'ident')

    def __init__(self, rng, src, dst, protocol, outbound):
        self.prefix = (MAC_GATEWAY + MAC_HOST if outbound else MAC_HOST + MAC_GATEWAY) + b'\x08\x00'
        self.addresses = src + dst
        self.ttl_protocol = (rng.choice((64, 128, 63, 127, 58)) << 8) | protocol
        self.partial = 0x4500 + 0x4000 + self.ttl_protocol + sum(struct.unpack('!4H', self.addresses))
        self.ident = rng.getrandbits(16)

    def ip(self, l4_length):
        total = 20 + l4_length
        self.ident = (self.ident + 1) & 0xFFFF
        s = self.partial + total + self.ident
        s = (s & 0xFFFF) + (s >> 16)
        s = (s & 0xFFFF) + (s >> 16)
        return self.prefix + IPV4.pack(0x4500, total, self.ident, 0x4000, self.ttl_protocol, ~s & 0xFFFF) + \
            self.addresses


class Traffic:
    """Shared random state of the synthetic generators."""

    def __init__(self, rng):
        self.rng = rng
        self.pool = rng.randbytes(1 << 22)  # payload bytes are slices of this pool: random but cheap
        self.servers = [bytes((198, 18 + rng.getrandbits(1), rng.randrange(256), rng.randrange(1, 255)))
                        for _ in range(2000)]
        self.remote_media = [bytes((100, 64 + rng.randrange(64), rng.randrange(256), rng.randrange(1, 255)))
                             for _ in range(3000)]

    def random(self, n):
        off = self.rng.randrange(len(self.pool) - n)
        return self.pool[off:off + n]

    def client(self):
        r = self.rng
        return bytes((172, 16 + r.randrange(16), r.randrange(256), r.randrange(1, 255)))


WEB_PORTS = (443, 443, 443, 443, 8443, 80, 80, 8080)
WORDS = ('update', 'static', 'cdn', 'api', 'login', 'mail', 'portal', 'files', 'video', 'assets', 'telemetry',
         'calendar', 'teams', 'intranet', 'wiki', 'backup', 'crl', 'ocsp', 'ntp', 'images')
DOMAINS = ('example.com', 'example.net', 'example.org', 'corp.example', 'cdn.example', 'cloud.example')


def web_plan(r):
    exchanges = []
    for _ in range(r.choice((1, 1, 1, 2, 2, 3, 5))):
        kind = r.random()
        if kind < 0.55:
            size = r.randint(200, 8_000)
        elif kind < 0.85:
            size = r.randint(8_000, 200_000)
        elif kind < 0.97:
            size = r.randint(200_000, 2_000_000)
        else:
            size = r.randint(2_000_000, 5_000_000)
        exchanges.append((r.randint(100, 600), size, r.randint(0, 2_000_000)))
    return exchanges


def web_bytes(exchanges):
    """On-disk bytes a web flow with these exchanges writes (segments of ~1460, an ACK per two)."""
    total = 10 * (16 + 58)  # handshake and teardown
    for request, response, _ in exchanges:
        segments = math.ceil(response / 1430) + 1
        total += request + response + segments * (16 + 54) + (segments // 2 + 2) * (16 + 54)
    return total


def chunks_http_response(tr, size):
    header = (f'HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: application/octet-stream\r\n'
              f'Cache-Control: max-age=3600\r\nContent-Length: {size}\r\n\r\n').encode()
    yield header
    while size > 0:
        n = min(size, 16_384)
        yield tr.random(n)
        size -= n


def chunks_tls(tr, size):
    """Back-to-back TLS 1.2 application-data records whose total length is size (>= 6)."""
    while size > 0:
        n = min(size, 16_389)
        if 0 < size - n < 6:
            n = size - 6
        if n < 6:
            n = size
        yield b'\x17\x03\x03' + (n - 5).to_bytes(2, 'big') + tr.random(n - 5)
        size -= n


def http_request(tr, size, host):
    r = tr.rng
    head = (f'GET /{r.choice(WORDS)}/{r.getrandbits(40):x}.bin HTTP/1.1\r\nHost: {host}\r\n'
            f'User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)\r\nAccept: */*\r\nCookie: s=').encode()
    pad = max(1, size - len(head) - 4)
    return head + tr.random(pad).hex().encode()[:pad] + b'\r\n\r\n'


def segments(chunks, mss):
    buf = bytearray()
    for c in chunks:
        buf += c
        while len(buf) >= mss:
            yield bytes(buf[:mss])
            del buf[:mss]
    if buf:
        yield bytes(buf)


def tcp_frame(d, sport, dport, seq, ack, flags, payload=b'', options=b''):
    header = TCP.pack(sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, (5 + len(options) // 4) << 4, flags,
                      65_535 if flags & SYN else 8_192 + (seq & 0x3FFF), 0, 0) + options
    return d.ip(len(header) + len(payload)) + header + payload


def web_flow(tr, t, exchanges):
    """A TCP connection: handshake, HTTP or TLS-like exchanges, FIN both ways."""
    r = tr.rng
    client, server = tr.client(), r.choice(tr.servers)
    cport, sport = r.randrange(32_768, 61_000), r.choice(WEB_PORTS)
    up, down = Direction(r, client, server, 6, True), Direction(r, server, client, 6, False)
    rtt = r.randint(1_000, 80_000)
    bandwidth = r.randint(5, 200) * 1_000_000  # bit/s of the server's sending
    mss = r.choice((1460, 1460, 1448, 1380))
    mss_option = b'\x02\x04' + mss.to_bytes(2, 'big')
    tls = sport in (443, 8443)
    cs, ss = r.getrandbits(32), r.getrandbits(32)
    yield t, tcp_frame(up, cport, sport, cs, 0, SYN, options=mss_option)
    t += rtt // 2
    yield t, tcp_frame(down, sport, cport, ss, cs + 1, SYN | ACK, options=mss_option)
    t += rtt // 2
    cs, ss = cs + 1, ss + 1
    yield t, tcp_frame(up, cport, sport, cs, ss, ACK)
    host = f'{r.choice(WORDS)}.{r.choice(DOMAINS)}'
    for request_size, response_size, think in exchanges:
        t += think
        request = chunks_tls(tr, request_size) if tls else (http_request(tr, request_size, host),)
        for seg in segments(request, mss):
            yield t, tcp_frame(up, cport, sport, cs, ss, PSH | ACK, seg)
            cs += len(seg)
            t += 30
        t += rtt // 2 + r.randint(100, 20_000)
        response = chunks_tls(tr, response_size) if tls else chunks_http_response(tr, response_size)
        n = 0
        for seg in segments(response, mss):
            yield t, tcp_frame(down, sport, cport, ss, cs, ACK | (PSH if len(seg) < mss else 0), seg)
            ss += len(seg)
            n += 1
            step = max(1, len(seg) * 8_000_000 // bandwidth)
            if n % 2 == 0:
                yield t + step // 2, tcp_frame(up, cport, sport, cs, ss, ACK)
            t += step
        if n % 2:
            yield t, tcp_frame(up, cport, sport, cs, ss, ACK)
        t += rtt // 2
    t += r.randint(0, 5_000_000)
    yield t, tcp_frame(up, cport, sport, cs, ss, FIN | ACK)
    t += rtt // 2
    yield t, tcp_frame(down, sport, cport, ss, cs + 1, FIN | ACK)
    t += rtt // 2
    yield t, tcp_frame(up, cport, sport, cs + 1, ss + 1, ACK)


def rtp_plan(r, video):
    duration = r.randint(10_000_000, 180_000_000)
    if video:
        interval = 1_000_000 // r.randint(30, 120)
        return duration, interval, 160, 1200, r.randint(96, 127)
    size = r.randint(160, 320)
    return duration, 20_000, size, min(1200, size + r.randint(0, 40)), r.choice((0, 8, 9, 111))


def rtp_bytes(plan):
    duration, interval, low, high, _ = plan
    return 2 * (duration // interval) * (16 + 42 + (low + high) // 2)


def rtp_stream(tr, t, plan, local, remote, lport, rport, outbound):
    """One direction of an RTP-like stream; a call is two of them."""
    duration, interval, low, high, pt = plan
    r = tr.rng
    d = Direction(r, local, remote, 17, outbound) if outbound else Direction(r, remote, local, 17, outbound)
    sport, dport = (lport, rport) if outbound else (rport, lport)
    ssrc, seq, stamp = r.getrandbits(32), r.getrandbits(16), r.getrandbits(32)
    step = 90_000 * interval // 1_000_000 if pt >= 96 else 8 * interval // 1_000
    t += r.randint(0, interval)
    end = t + duration
    if t < 0:  # the capture starts in the middle of the stream: skip the part before it cheaply
        skipped = -t // interval + 1
        t += skipped * interval
        seq, stamp = seq + skipped, stamp + skipped * step
    while t < end:
        size = r.randint(low, high)
        marker = 0x80 if pt >= 96 and r.random() < 0.1 else 0
        payload = RTP.pack(0x80, marker | pt, seq & 0xFFFF, stamp & 0xFFFFFFFF, ssrc) + tr.random(size - 12)
        yield t + r.randint(0, interval // 10), d.ip(8 + size) + UDP.pack(sport, dport, 8 + size, 0) + payload
        seq += 1
        stamp += step
        t += interval


def rtp_call(tr, t, plan):
    """Yields the two directions of a call as flows to start (RTP on random even high ports)."""
    r = tr.rng
    local, remote = tr.client(), r.choice(tr.remote_media)
    lport, rport = r.randrange(16_384, 32_767) & ~1, r.randrange(40_000, 59_999) & ~1
    yield rtp_stream(tr, t, plan, local, remote, lport, rport, True)
    yield rtp_stream(tr, t + r.randint(0, 200_000), plan, local, remote, lport, rport, False)


def dns_name(tr):
    r = tr.rng
    labels = [r.choice(WORDS)]
    if r.random() < 0.5:
        labels.append(f'{r.getrandbits(24):x}')
    return '.'.join(labels) + '.' + r.choice(DOMAINS)


def dns_flow(tr, t, _plan):
    """A DNS lookup: A (and often AAAA) query and answer over UDP 53."""
    r = tr.rng
    client, server = tr.client(), bytes((172, 16, 0, r.choice((53, 54))))
    up, down = Direction(r, client, server, 17, True), Direction(r, server, client, 17, False)
    cport = r.randrange(1_024, 65_535)
    qname = b''.join(len(p).to_bytes(1, 'big') + p.encode() for p in dns_name(tr).split('.')) + b'\0'
    for qtype in ((1, 28) if r.random() < 0.6 else (1,)):
        ident = r.getrandbits(16)
        question = qname + struct.pack('!HH', qtype, 1)
        query = DNS.pack(ident, 0x0100, 1, 0, 0, 0) + question
        yield t, up.ip(8 + len(query)) + UDP.pack(cport, 53, 8 + len(query), 0) + query
        t += r.randint(300, 30_000)
        rdata = tr.random(4 if qtype == 1 else 16)
        answers = r.randint(1, 4)
        answer = b''.join(struct.pack('!HHHIH', 0xC00C, qtype, 1, r.randint(30, 86_400), len(rdata)) + rdata
                          for _ in range(answers))
        response = DNS.pack(ident, 0x8180, 1, answers, 0, 0) + question + answer
        yield t, down.ip(8 + len(response)) + UDP.pack(53, cport, 8 + len(response), 0) + response
        t += r.randint(50, 2_000)


def dns_bytes(_plan):
    # 1.6 lookups of two packets; a packet averages ~123 bytes on disk (question ~28 bytes, 2.5 answers of 16-28)
    return 1.6 * 2 * 123


# (name, share of the synthetic bytes, plan, planned bytes of a plan, flow generator, longest flow in µs)
def instant(_plan):
    return 0


def rtp_duration(plan):
    return plan[0]


class FlowType:
    """A kind of synthetic flow: its share of the synthetic bytes, how a flow is planned (from the spawner's own
    random numbers, so the schedule can be computed before any packet is made), how many bytes a plan writes and
    over how long, and the generator that makes its packets."""

    def __init__(self, name, share, plan, planned_bytes, planned_duration, flow, longest, calibrate):
        self.name, self.share, self.plan, self.planned_bytes = name, share, plan, planned_bytes
        self.planned_duration, self.flow, self.longest, self.calibrate = planned_duration, flow, longest, calibrate


FLOW_TYPES = (
    FlowType('tcp-web', 0.52, web_plan, web_bytes, instant, web_flow, 60_000_000, True),
    FlowType('rtp-audio', 0.21, lambda r: rtp_plan(r, False), rtp_bytes, rtp_duration, rtp_call, 180_000_000, True),
    FlowType('rtp-video', 0.21, lambda r: rtp_plan(r, True), rtp_bytes, rtp_duration, rtp_call, 180_000_000, True),
    # hundreds of thousands of identical small flows: the Poisson count alone is within a fraction of a percent
    FlowType('udp-dns', 0.06, lambda r: None, dns_bytes, instant, dns_flow, 1_000_000, False),
)


def window_bytes(ft, plan, start, duration_us):
    """Planned bytes of a flow that fall inside the capture, assuming it writes at an even pace."""
    length = ft.planned_duration(plan)
    if length <= 0:
        return ft.planned_bytes(plan) if 0 <= start <= duration_us else 0
    inside = min(start + length, duration_us) - max(start, 0)
    return ft.planned_bytes(plan) * inside / length if inside > 0 else 0


def spawner(tr, ft, target_bytes, duration_us, seed):
    """Yields (µs, flow generator) at Poisson times so that the type's flows write about target_bytes.

    Flows start from one longest-flow-duration before the capture so the rate is steady from its first second;
    their packets before time 0 are dropped by the writer. Start gaps and plans come from a generator of their
    own; for types with few, very unequal flows (a handful of long video calls or 5 MB downloads move the total
    by 20 %) the rate is then calibrated by bisection on that very schedule so the planned bytes inside the
    capture match the target."""
    draws_rng = random.Random(f'{seed}-{ft.name}')
    drawn = []

    def draw(i):
        while len(drawn) <= i:
            drawn.append((draws_rng.expovariate(1.0), ft.plan(draws_rng)))
        return drawn[i]

    estimate_rng = random.Random(f'{ft.name}-estimate')
    mean = sum(ft.planned_bytes(ft.plan(estimate_rng)) for _ in range(3000)) / 3000
    rate = target_bytes / mean / duration_us  # flows per µs

    def inside(rate):
        total, t, i = 0.0, -ft.longest, 0
        while True:
            gap, plan = draw(i)
            i += 1
            t += gap / rate
            if t > duration_us:
                return total
            total += window_bytes(ft, plan, t, duration_us)

    if ft.calibrate and target_bytes > 0:
        low, high = rate / 4, rate * 4
        for _ in range(40):
            middle = (low + high) / 2
            if inside(middle) < target_bytes:
                low = middle
            else:
                high = middle
        rate = (low + high) / 2

    t, i = -ft.longest, 0
    while True:
        gap, plan = draw(i) if i < len(drawn) else (draws_rng.expovariate(1.0), ft.plan(draws_rng))
        i += 1
        t += gap / rate
        if t > duration_us:
            return
        start = int(t)
        started = ft.flow(tr, start, plan)
        if ft.flow is rtp_call:
            for stream in started:
                yield start, stream
        else:
            yield start, started


def session_starts(rng, sessions, repetitions, duration_us, hosts4, hosts6):
    """Yields (µs, generator) for every repetition of every session file, in time order."""
    starts = []
    for rep in range(repetitions):
        for i, s in enumerate(sessions):
            starts.append((rng.randint(0, max(0, duration_us - s.duration_us)), rep, i))
    starts.sort()
    for start, rep, i in starts:
        yield start, replay(sessions[i], start, rep, hosts4, hosts6)


# ---------------------------------------------------------------- writing

class Counter:
    __slots__ = ('packets', 'bytes')

    def __init__(self):
        self.packets = self.bytes = 0


def write_capture(out, sources, duration_us, stats):
    """Merges the sources (generators of (µs, item)) by time and writes them.

    An item is a synthetic frame (bytes; dropped before 0 and after the capture's end, which also ends its flow),
    a session frame ((bytes, original length); always written) or a generator to start merging (a new flow)."""
    order = itertools.count()
    heap = []

    def add(gen, kind):
        first = next(gen, None)
        if first is not None:
            heap.append((first[0], next(order), first[1], gen, kind))

    for gen, kind in sources:
        add(gen, kind)
    heapq.heapify(heap)
    record, write = PCAP_RECORD.pack, out.write
    pop, replace, push = heapq.heappop, heapq.heapreplace, heapq.heappush
    while heap:
        t, _, item, gen, kind = heap[0]
        cls = item.__class__
        if cls is bytes:
            if t > duration_us:
                pop(heap)  # the capture has ended for this flow
                continue
            if t >= 0:
                ts = EPOCH_US + t
                n = len(item)
                write(record(ts // 1_000_000, ts % 1_000_000, n, n))
                write(item)
                c = stats[kind]
                c.packets += 1
                c.bytes += 16 + n
        elif cls is tuple:
            frame, original = item
            ts = EPOCH_US + t
            n = len(frame)
            write(record(ts // 1_000_000, ts % 1_000_000, n, original))
            write(frame)
            c = stats[kind]
            c.packets += 1
            c.bytes += 16 + n
        else:  # a flow starting now
            first = next(item, None)
            if first is not None:
                push(heap, (first[0], next(order), first[1], item, kind))
        nxt = next(gen, None)
        if nxt is None:
            pop(heap)
        else:
            replace(heap, (nxt[0], next(order), nxt[1], gen, kind))


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--sessions', default=os.path.join(repo, 'test-captures'),
                   help='folder with the real session captures (default: test-captures/ of the repository)')
    p.add_argument('--out', default=os.path.join(repo, 'benchmark', 'out', 'bench.pcap'), help='capture to write')
    p.add_argument('--size-mb', type=float, default=1024, help='approximate size in MiB (default 1024)')
    p.add_argument('--session-share', type=float, default=0.05,
                   help='share of the bytes for the session repetitions (default 0.05)')
    p.add_argument('--repetitions', type=int, help='number of session repetitions (overrides --session-share)')
    p.add_argument('--duration', type=float, help='capture length in seconds (default: size / 1.75 MB/s)')
    p.add_argument('--seed', type=int, default=6062, help='random seed (default 6062)')
    a = p.parse_args()

    began = time.monotonic()
    target = int(a.size_mb * 1024 * 1024)
    duration_us = int((a.duration or target / BYTES_PER_SECOND) * 1_000_000)
    with tempfile.TemporaryDirectory(prefix='turnladder-bench-') as tmp:
        if shutil.which('editcap') is None:
            print('note: editcap not found, pcapng session files will be skipped', file=sys.stderr)
        sessions, hosts4, hosts6 = load_sessions(a.sessions, tmp)
    if not sessions:
        sys.exit(f'make-capture: no pcap/pcapng session captures under {a.sessions}')
    set_size = sum(s.size for s in sessions)
    if a.repetitions is not None:
        repetitions = a.repetitions
    else:
        repetitions = max(1, round(a.session_share * target / set_size))
    if hosts4 and repetitions * hosts4 > IPV4_CAPACITY:
        repetitions = IPV4_CAPACITY // hosts4
        print(f'note: repetitions limited to {repetitions} by the addresses of 10.0.0.0/8', file=sys.stderr)
    print(f'sessions: {len(sessions)} files, {sum(len(s.packets) for s in sessions)} packets, {set_size} bytes per '
          f'replay, {hosts4} IPv4 + {hosts6} IPv6 hosts; {repetitions} repetitions '
          f'over {duration_us / 1e6:.0f} s')
    for s in sessions:
        print(f'  {s.name}: {len(s.packets)} packets, {s.size} bytes, {s.duration_us / 1e6:.3f} s')

    rng = random.Random(a.seed)
    tr = Traffic(rng)
    synthetic = max(0, target - repetitions * set_size)
    stats = {'sessions': Counter()}
    sources = [(session_starts(random.Random(a.seed + 1), sessions, repetitions, duration_us, hosts4, hosts6),
                'sessions')]
    for ft in FLOW_TYPES:
        stats[ft.name] = Counter()
        sources.append((spawner(tr, ft, synthetic * ft.share, duration_us, a.seed), ft.name))

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    partial = a.out + '.part'
    with open(partial, 'wb', buffering=8 << 20) as out:
        out.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 262_144, 1))
        write_capture(out, sources, duration_us, stats)
    os.replace(partial, a.out)

    packets = sum(c.packets for c in stats.values())
    size = 24 + sum(c.bytes for c in stats.values())
    elapsed = time.monotonic() - began
    print(f'wrote {a.out}: {packets} packets, {size} bytes ({size / 2**20:.0f} MiB), '
          f'{repetitions} session repetitions, {duration_us / 1e6:.0f} s of traffic, in {elapsed:.0f} s')
    for name, c in stats.items():
        print(f'  {name:10} {c.packets:9} packets ({100 * c.packets / max(1, packets):4.1f} %) '
              f'{c.bytes:11} bytes ({100 * c.bytes / max(1, size):4.1f} %)')


if __name__ == '__main__':
    main()
