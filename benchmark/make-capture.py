#!/usr/bin/env python3
"""Writes a large pcap for the decode benchmark: the real sessions of test-captures/ repeated on shifted
addresses, interleaved in time with plenty of unrelated TCP and UDP traffic (web-like TCP flows, RTP-like and
DNS-like UDP), the way a capture taken on a CMS or an Expressway looks. Deterministic (seeded), streaming.

usage: make-capture.py [--sessions DIR] [--size-mb 1024] [--out FILE] [--seed 1]
"""
import argparse, glob, os, random, struct, subprocess, sys, tempfile

ETH_IPV4, ETH_IPV6 = 0x0800, 0x86DD


def read_pcap(path):
    """(link type, [(ts_ns, frame bytes)]) of a classic pcap file."""
    b = open(path, 'rb').read()
    magic = b[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        bo = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        bo = '>'
    else:
        raise ValueError(path + ': not a classic pcap')
    nanos = magic in (b'\x4d\x3c\xb2\xa1', b'\xa1\xb2\x3c\x4d')
    link = struct.unpack(bo + 'I', b[20:24])[0] & 0x0FFFFFFF
    out, off = [], 24
    while off + 16 <= len(b):
        sec, frac, incl, _ = struct.unpack(bo + 'IIII', b[off:off + 16])
        out.append((sec * 1_000_000_000 + (frac if nanos else frac * 1000), b[off + 16:off + 16 + incl]))
        off += 16 + incl
    return link, out


def ip_packet(link, frame):
    """The IP packet inside a frame of the link types the test captures use, or None."""
    if link == 1:
        off, et = 12, None
        while True:
            et = struct.unpack('>H', frame[off:off + 2])[0]
            if et in (0x8100, 0x88A8):
                off += 4
                continue
            return frame[off + 2:] if et in (ETH_IPV4, ETH_IPV6) else None
    if link in (101, 228, 229, 12, 14):
        return frame
    if link == 113:
        return frame[16:]
    if link == 276:
        return frame[20:]
    if link == 0:
        return frame[4:]
    return None


def load_sessions(directory):
    files = sorted(glob.glob(os.path.join(directory, '*.pcap')) + glob.glob(os.path.join(directory, '*.pcapng'))
                   + glob.glob(os.path.join(directory, 'synthetic', '*.pcap*')))
    sessions, tmp = [], tempfile.mkdtemp()
    for f in files:
        path = f
        if f.endswith('.pcapng'):
            path = os.path.join(tmp, os.path.basename(f) + '.pcap')
            subprocess.run(['editcap', '-F', 'pcap', f, path], check=True, capture_output=True)
        link, frames = read_pcap(path)
        t0 = frames[0][0] if frames else 0
        packets = [(ts - t0, ip) for ts, fr in frames for ip in [ip_packet(link, fr)] if ip]
        if packets:
            sessions.append((os.path.basename(f), packets))
    return sessions


def shift(ip, rep):
    """The same packet between other hosts: 127.a.b.c becomes 10.(rep>>8).(rep&255).c (IPv4), IPv6 bytes 12-13."""
    p = bytearray(ip)
    if p[0] >> 4 == 4:
        for at in (12, 16):
            p[at:at + 3] = bytes([10, (rep >> 8) & 0xFF, rep & 0xFF])
    elif p[0] >> 4 == 6:
        for at in (8, 24):
            p[at + 12:at + 14] = bytes([(rep >> 8) & 0xFF, rep & 0xFF])
    return bytes(p)


class Writer:
    def __init__(self, path):
        self.f = open(path, 'wb', buffering=1 << 20)
        self.f.write(struct.pack('<IHHiIII', 0xA1B23C4D, 2, 4, 0, 0, 262144, 1))  # nanosecond pcap, Ethernet
        self.packets = self.bytes = 0

    def write(self, ts, ip):
        eth = b'\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02' + struct.pack('>H', ETH_IPV6 if ip[0] >> 4 == 6
                                                                                   else ETH_IPV4)
        frame = eth + ip
        self.f.write(struct.pack('<IIII', ts // 1_000_000_000, ts % 1_000_000_000, len(frame), len(frame)))
        self.f.write(frame)
        self.packets += 1
        self.bytes += 16 + len(frame)


def ipv4(src, dst, proto, payload, ident=0):
    total = 20 + len(payload)
    return struct.pack('>BBHHHBBH4s4s', 0x45, 0, total, ident & 0xFFFF, 0x4000, 64, proto, 0, src, dst) + payload


def tcp(sport, dport, seq, ack, flags, payload=b''):
    return struct.pack('>HHIIBBHHH', sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0,
                       0) + payload


def udp(sport, dport, payload):
    return struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload


class WebFlow:
    """A TCP connection carrying web-like bytes: handshake, a request, a response of several segments, FIN."""

    def __init__(self, rnd, blob, n):
        self.c = bytes([172, 16, rnd.randrange(256), rnd.randrange(1, 255)])
        self.s = bytes([192, 168, rnd.randrange(256), rnd.randrange(1, 255)])
        self.cp, self.sp = rnd.randrange(20000, 65000), rnd.choice([80, 443, 8080, 5061, 8443])
        self.cs, self.ss = rnd.randrange(1 << 32), rnd.randrange(1 << 32)
        self.steps = ['syn', 'synack', 'ack', 'req'] + ['data'] * rnd.randrange(5, 60) + ['fin', 'finack']
        self.rnd, self.blob, self.i, self.n = rnd, blob, 0, n

    def next(self):
        step = self.steps[self.i]
        self.i += 1
        r = self.rnd
        if step == 'syn':
            return ipv4(self.c, self.s, 6, tcp(self.cp, self.sp, self.cs, 0, 0x02), self.n)
        if step == 'synack':
            return ipv4(self.s, self.c, 6, tcp(self.sp, self.cp, self.ss, self.cs + 1, 0x12), self.n)
        if step == 'ack':
            self.cs += 1
            self.ss += 1
            return ipv4(self.c, self.s, 6, tcp(self.cp, self.sp, self.cs, self.ss, 0x10), self.n)
        if step == 'req':
            body = b'GET /api/v1/status HTTP/1.1\r\nHost: intranet.example\r\n\r\n'
            self.cs += len(body)
            return ipv4(self.c, self.s, 6, tcp(self.cp, self.sp, self.cs - len(body), self.ss, 0x18, body), self.n)
        if step == 'data':
            size = r.randrange(100, 1461)
            at = r.randrange(len(self.blob) - size)
            self.ss += size
            return ipv4(self.s, self.c, 6, tcp(self.sp, self.cp, self.ss - size, self.cs, 0x10,
                                               self.blob[at:at + size]), self.n)
        if step == 'fin':
            return ipv4(self.c, self.s, 6, tcp(self.cp, self.sp, self.cs, self.ss, 0x11), self.n)
        return ipv4(self.s, self.c, 6, tcp(self.sp, self.cp, self.ss, self.cs + 1, 0x11), self.n)

    def done(self):
        return self.i >= len(self.steps)


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--sessions', default=os.path.join(here, '..', 'test-captures'))
    ap.add_argument('--size-mb', type=int, default=1024)
    ap.add_argument('--out', default=os.path.join(here, 'out', 'bench.pcap'))
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    rnd = random.Random(a.seed)
    blob = bytes(rnd.getrandbits(8) for _ in range(1 << 16))
    sessions = load_sessions(a.sessions)
    if not sessions:
        sys.exit('no sessions in ' + a.sessions)
    w = Writer(a.out)
    target = a.size_mb * 1024 * 1024
    clock = 1_764_000_000_000_000_000
    active, web, reps, n = [], [], 0, 0
    rtp = [(bytes([10, 200, rnd.randrange(256), rnd.randrange(1, 255)]), rnd.randrange(16384, 32768) * 2)
           for _ in range(40)]
    while w.bytes < target:
        clock += rnd.randrange(20_000, 80_000)  # 20-80 µs between packets
        n += 1
        roll = rnd.random()
        if roll < 0.06:  # a real session packet
            if len(active) < 8:
                name, packets = sessions[reps % len(sessions)]
                active.append([packets, 0, reps])
                reps += 1
            s = active[rnd.randrange(len(active))]
            w.write(clock, shift(s[0][s[1]][1], s[2]))
            s[1] += 1
            if s[1] >= len(s[0]):
                active.remove(s)
        elif roll < 0.60:  # web-like TCP
            if len(web) < 200 or rnd.random() < 0.02:
                web.append(WebFlow(rnd, blob, n))
            f = web[rnd.randrange(len(web))]
            w.write(clock, f.next())
            if f.done():
                web.remove(f)
        elif roll < 0.95:  # RTP-like UDP
            host, port = rtp[rnd.randrange(len(rtp))]
            size = rnd.choice([172, 172, 332, 1200])
            at = rnd.randrange(len(blob) - size)
            payload = bytes([0x80, 0x60]) + blob[at:at + size - 2]
            w.write(clock, ipv4(host, bytes([10, 201, 0, 1]), 17, udp(port, port, payload), n))
        else:  # DNS-like UDP
            q = bytes([rnd.randrange(256), rnd.randrange(256), 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]) + b'\x07example\x03net\x00\x00\x01\x00\x01'
            w.write(clock, ipv4(bytes([10, 9, 9, 9]), bytes([10, 9, 9, 53]), 17, udp(rnd.randrange(1024, 65535), 53, q), n))
    w.f.close()
    print(f'{a.out}: {w.packets} packets, {w.bytes / 1e6:.0f} MB, {reps} session repetitions '
          f'from {len(sessions)} captures')


if __name__ == '__main__':
    main()
