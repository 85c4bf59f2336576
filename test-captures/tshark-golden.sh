#!/usr/bin/env bash
# Writes golden/<capture name>.tsv for every capture here: what tshark (Wireshark's own dissectors,
# default preferences) decodes in it, one line per frame that holds STUN/TURN or SIP, so the
# project's decoder can be compared with it.
#
#   tshark -r <capture> -Y "stun || sip" -T pdml        (no -o / -d options: default dissection,
#                                                        TCP reassembly on, heuristics as shipped)
#
# PDML rather than "-T fields" because several attributes share field names (stun.att.ipv4/port
# for XOR-PEER/RELAYED/MAPPED; tshark 4.0 shows RFC 6062 CONNECTION-ID only as the generic
# stun.value, which DATA also uses): the embedded formatter picks values per attribute type.
#
# Columns (empty = absent). Like "tshark -T fields", a column lists every occurrence in the frame,
# comma-separated in frame order, so a frame holding several STUN messages (or one message with
# several XOR-PEER-ADDRESS) keeps them all; stun.count tells how many STUN PDUs the frame holds.
#   frame  protocols  stun.count  stun.type  stun.id  error_code  connection_id  xor_peer
#   xor_relayed  xor_mapped  lifetime  requested_transport  channel  username  rfc4571_len
#   sip.method  sip.status  sip.call_id  sip.cseq
# stun.type is the 16-bit message type (0x0003 ...); ChannelData has no type but a channel.
# error_code = stun.att.error.class * 100 + stun.att.error (tshark splits ERROR-CODE in two).
# connection_id is the 4-byte value in hex; addresses are ip:port; requested_transport is the
# protocol number (17 UDP, 6 TCP); rfc4571_len is tshark's "TCP Frame Length" (RFC 4571 framing).
#
# Usage: ./tshark-golden.sh [capture ...]   (default: every *.pcap / *.pcapng here)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
if [ $# -eq 0 ]; then set -- *.pcap *.pcapng synthetic/*.pcap synthetic/*.pcapng; fi

FORMAT=$(cat <<'PY'
import sys
import xml.etree.ElementTree as ET

COLS = ["frame", "protocols", "stun.count", "stun.type", "stun.id", "error_code", "connection_id",
        "xor_peer", "xor_relayed", "xor_mapped", "lifetime", "requested_transport", "channel",
        "username", "rfc4571_len", "sip.method", "sip.status", "sip.call_id", "sip.cseq"]
ADDR_COLS = {"0x0012": "xor_peer", "0x0016": "xor_relayed", "0x0020": "xor_mapped"}


def fields(elem, name):
    return [f for f in elem.iter("field") if f.get("name") == name]


def first(elem, name):
    found = fields(elem, name)
    return found[0].get("show") if found else None


def stun_values(proto, row):
    row["stun.count"] += 1
    t = first(proto, "stun.type")
    if t:
        row["stun.type"].append(t)
    tid = [f.get("value") for f in fields(proto, "stun.id")]
    row["stun.id"] += tid
    ch = first(proto, "stun.channel")
    if ch:
        row["channel"].append(ch)
    flen = first(proto, "stun.tcp_frame_length")
    if flen:
        row["rfc4571_len"].append(flen)
    for att in fields(proto, "stun.attribute"):
        at = att.get("show")
        if at in ADDR_COLS:
            ip = first(att, "stun.att.ipv4") or first(att, "stun.att.ipv6")
            port = first(att, "stun.att.port")
            row[ADDR_COLS[at]].append("%s:%s" % (ip, port))
        elif at == "0x002a":  # CONNECTION-ID (RFC 6062): 4-byte value after the TLV header
            row["connection_id"].append(att.get("value")[8:])
        elif at == "0x0009":
            # tshark splits ERROR-CODE into class (4) and number (1); the code is 401
            code = int(first(att, "stun.att.error.class")) * 100 + int(first(att, "stun.att.error"))
            row["error_code"].append(str(code))
        elif at == "0x000d":
            row["lifetime"].append(first(att, "stun.att.lifetime"))
        elif at == "0x0019":
            row["requested_transport"].append(str(int(att.get("value")[8:10], 16)))
        elif at == "0x000c":
            row["channel"].append(first(att, "stun.att.channelnum"))
        elif at == "0x0006":
            row["username"].append(first(att, "stun.att.username") or "")


def sip_values(proto, row):
    for name, col in (("sip.Method", "sip.method"), ("sip.Status-Code", "sip.status"),
                      ("sip.Call-ID", "sip.call_id"), ("sip.CSeq", "sip.cseq")):
        v = first(proto, name)
        if v is not None:
            row[col].append(v)


print("\t".join(COLS))
for _, packet in ET.iterparse(sys.stdin, events=("end",)):
    if packet.tag != "packet":
        continue
    row = {c: [] for c in COLS}
    row["stun.count"] = 0
    protos = []
    for proto in packet.findall("proto"):
        name = proto.get("name")
        if name == "stun":
            stun_values(proto, row)
        elif name == "sip":
            sip_values(proto, row)
        else:
            continue
        if name.upper() not in protos:
            protos.append(name.upper())
    frame = next(p for p in packet.findall("proto") if p.get("name") == "frame")
    out = [first(frame, "frame.number"), "+".join(protos), str(row["stun.count"] or "")]
    out += [",".join(v.replace("\t", " ") for v in row[c]) for c in COLS[3:]]
    print("\t".join(out))
    packet.clear()
PY
)

for cap in "$@"; do
  # golden/<name>.tsv (no ".pcap" in the name: tools glob test-captures/**/*.pcap* for captures)
  base=$(basename "$cap"); base=${base%.pcapng}; base=${base%.pcap}
  mkdir -p golden
  out="golden/$base.tsv"
  tshark -r "$cap" -Y "stun || sip" -T pdml 2>/dev/null | python3 -c "$FORMAT" > "$out"
  echo "[golden] $out: $(($(wc -l < "$out") - 1)) frames"
done
