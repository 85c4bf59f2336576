#!/usr/bin/env bash
# Records every capture in this folder with real programs on the loopback range 127.0.0.0/8.
# CI does not run this; a developer runs it (as root, for the capture) when captures must be
# remade, then runs ./tshark-golden.sh and commits both. See README.md for what each file holds.
#
# Needs: coturn (turnserver, turnutils_uclient, turnutils_peer), sipp, tcpdump, dumpcap, tshark,
# gcc + pkg-config + libnice dev headers, python3, ss (iproute2), iptables (only for
# coturn-connect-timeout and libnice-one-way).
#   apt-get install coturn sip-tester tcpdump tshark libnice-dev pkg-config gcc python3 iproute2 iptables
#
# Firewall: those two captures need a packet dropped silently. record.sh puts its rules in its own
# chain TURNLADDER_REC, jumped to only from rules that match loopback (-i lo / -o lo) and 127.x
# addresses, and removes the jumps and the chain on exit, also on failure or Ctrl-C.
#
# Roles (one loopback address per box so the analysis can tell them apart):
#   127.0.0.2  TURN server (coturn, 3478 UDP+TCP, relays 49152-49161 on the same address)
#   127.0.0.3  TURN client (turnutils_uclient / tools/rfc6062_client.py)
#   127.0.0.4  peer (turnutils_peer UDP 3480, or the python TCP peer on 52044)
#   127.0.0.5  libnice agent "left" (controlling)   127.0.0.6  libnice agent "right" (controlled)
#   127.0.0.7  SIP UAC (Skype for Business client)  127.0.0.8  SIP UAS (SfB server / CMS)
#   127.0.0.9  a peer coturn is told to deny (--denied-peer-ip); nothing listens there
#
# Usage: sudo ./record.sh [capture-name ...]   (no names = all; names without extension)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE}
WORK=$(mktemp -d /tmp/turnladder-record.XXXXXX)
PIDS=()

log() { printf '[record] %s\n' "$*" >&2; }

FW_CHAIN=TURNLADDER_REC
FW_JUMPS=()   # each entry: "CHAIN rule-spec..." of a jump this script inserted

# fw_drop CHAIN MATCH...: silently drop what MATCH selects; MATCH must name lo and 127.x addresses.
fw_drop() {
  local chain=$1; shift
  [[ " $* " == *" -i lo "* || " $* " == *" -o lo "* ]] || { log "fw_drop: rule must be on lo"; return 1; }
  [[ " $* " == *" -s 127."* && " $* " == *" -d 127."* ]] || { log "fw_drop: rule must name 127.x"; return 1; }
  if ! iptables -L "$FW_CHAIN" -n >/dev/null 2>&1; then
    iptables -N "$FW_CHAIN"
    iptables -A "$FW_CHAIN" -j DROP
  fi
  iptables -I "$chain" "$@" -j "$FW_CHAIN"
  FW_JUMPS+=("$chain $*")
  log "firewall: $chain $* -> DROP"
}

fw_clear() {
  local j
  for j in "${FW_JUMPS[@]}"; do
    # shellcheck disable=SC2086
    iptables -D $j -j "$FW_CHAIN" 2>/dev/null || log "could not remove firewall jump: $j"
  done
  FW_JUMPS=()
  if iptables -L "$FW_CHAIN" -n >/dev/null 2>&1; then
    iptables -F "$FW_CHAIN" && iptables -X "$FW_CHAIN" || log "could not remove chain $FW_CHAIN"
  fi
}

cleanup() {
  local p
  [ ${#FW_JUMPS[@]} -eq 0 ] || fw_clear
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# bg SECONDS NAME CMD... : start a bounded background process, remember its pid in LAST_PID.
bg() {
  local secs=$1 name=$2; shift 2
  timeout "$secs" "$@" >"$WORK/$name.out" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

stop() { # stop PID: SIGTERM (timeout forwards it), then reap
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

wait_for_text() { # FILE TEXT: up to 5 s
  local i
  for i in $(seq 50); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  log "timed out waiting for '$2' in $1"; cat "$1" >&2; return 1
}

wait_listen() { # tcp|udp IP PORT
  local flag=-ltnH i; [ "$1" = udp ] && flag=-lunH
  for i in $(seq 50); do ss $flag "src $2:$3" 2>/dev/null | grep -q . && return 0; sleep 0.1; done
  log "nothing listens on $1 $2:$3"; return 1
}

# capture_start FILE FILTER: .pcap via tcpdump, .pcapng via dumpcap. Sets CAP_PID.
capture_start() {
  local file=$1 filter=$2 name; name=$(basename "$file")
  rm -f "$file"
  if [[ $file == *.pcapng ]]; then
    bg 120 "cap-$name" dumpcap -i lo -f "$filter" -w "$file"
    CAP_PID=$LAST_PID
    wait_for_text "$WORK/cap-$name.out" "Capturing on"
  else
    bg 120 "cap-$name" tcpdump --immediate-mode -U -Z root -i lo -w "$file" "$filter"
    CAP_PID=$LAST_PID
    wait_for_text "$WORK/cap-$name.out" "listening on"
  fi
}

capture_stop() { # let the last packets land, stop like Ctrl-C would, check the file holds packets
  sleep 0.5
  kill -INT "$CAP_PID" 2>/dev/null || true
  wait "$CAP_PID" 2>/dev/null || true
  chmod 644 "$1"
  local n; n=$(tshark -r "$1" -T fields -e frame.number 2>/dev/null | wc -l)
  [ "$n" -gt 0 ] || { log "$1 is empty"; return 1; }
  log "wrote $1 ($(stat -c %s "$1") bytes, $n frames)"
}

TURN_COMMON=(-n --no-tls --no-dtls -L 127.0.0.2 -E 127.0.0.2 -p 3478
  --lt-cred-mech --user u:p --realm example.org --allow-loopback-peers --no-cli
  --min-port 49152 --max-port 49161 --no-rfc5780 --log-file stdout --simple-log)

port_free() { # tcp|udp IP PORT: fail if something (another run?) already listens there
  local flag=-ltnH; [ "$1" = udp ] && flag=-lunH
  if ss $flag "src $2:$3" 2>/dev/null | grep -q .; then log "$1 $2:$3 is already in use"; return 1; fi
}

turn_start() { # extra turnserver options...; sets TURN_PID
  port_free udp 127.0.0.2 3478; port_free tcp 127.0.0.2 3478
  bg 60 turnserver turnserver "${TURN_COMMON[@]}" --pidfile "$WORK/turnserver.pid" "$@"
  TURN_PID=$LAST_PID
  wait_listen udp 127.0.0.2 3478
  wait_listen tcp 127.0.0.2 3478
}

udp_peer_start() {
  bg 60 peer turnutils_peer -L 127.0.0.4 -p 3480
  PEER_PID=$LAST_PID
  wait_listen udp 127.0.0.4 3480
}

TURN_FILTER='host 127.0.0.2 or host 127.0.0.3 or host 127.0.0.4'
CLIENT="python3 $HERE/tools/rfc6062_client.py"

# ---------------------------------------------------------------- coturn captures

rec_coturn_udp_allocation() {
  local f=$OUT/coturn-udp-allocation.pcap
  turn_start; udp_peer_start
  capture_start "$f" "$TURN_FILTER"
  # Run 1: ChannelBind + ChannelData. Run 2 (-s): CreatePermission + Send/Data indications.
  timeout 20 turnutils_uclient -L 127.0.0.3 -e 127.0.0.4 -r 3480 -u u -w p -n 2 -c 127.0.0.2 >"$WORK/uc1.out" 2>&1
  timeout 20 turnutils_uclient -L 127.0.0.3 -e 127.0.0.4 -r 3480 -u u -w p -n 2 -c -s 127.0.0.2 >"$WORK/uc2.out" 2>&1
  capture_stop "$f"
  stop "$PEER_PID"; stop "$TURN_PID"
}

rec_coturn_tcp_allocation() {
  local f=$OUT/coturn-tcp-allocation.pcap
  turn_start; udp_peer_start
  capture_start "$f" "$TURN_FILTER"
  timeout 20 turnutils_uclient -t -L 127.0.0.3 -e 127.0.0.4 -r 3480 -u u -w p -n 2 -c 127.0.0.2 >"$WORK/uc.out" 2>&1
  capture_stop "$f"
  stop "$PEER_PID"; stop "$TURN_PID"
}

rec_coturn_rfc6062() {
  local f=$OUT/coturn-rfc6062.pcapng
  turn_start
  capture_start "$f" "$TURN_FILTER"
  timeout 30 $CLIENT rfc6062 2>"$WORK/rfc6062.out" || { cat "$WORK/rfc6062.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_uclient_tcp_relay() {
  # turnutils_uclient's own RFC 6062 mode: -T implies -y (client-to-client), so it makes two TCP
  # allocations and connects one relay to the other; no external peer is involved.
  local f=$OUT/coturn-uclient-tcp-relay.pcapng
  turn_start
  capture_start "$f" "$TURN_FILTER"
  timeout 30 turnutils_uclient -T -L 127.0.0.3 -u u -w p -n 2 127.0.0.2 >"$WORK/uc.out" 2>&1
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_wrong_password() {
  local f=$OUT/coturn-wrong-password.pcap
  turn_start
  capture_start "$f" "$TURN_FILTER"
  # uclient gives up ("Cannot complete Allocation") after the server refuses the credentials.
  timeout 20 turnutils_uclient -L 127.0.0.3 -e 127.0.0.4 -u u -w wrong -n 1 -c 127.0.0.2 >"$WORK/uc.out" 2>&1 || true
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_no_tcp_relay() {
  local f=$OUT/coturn-no-tcp-relay.pcap
  turn_start --no-tcp-relay
  capture_start "$f" "$TURN_FILTER"
  timeout 20 $CLIENT no-tcp-relay 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_connect_failed() {
  local f=$OUT/coturn-connect-failed.pcap
  turn_start
  capture_start "$f" "$TURN_FILTER"
  # 127.0.0.4:52045 has no listener: the kernel answers the relay's SYN with RST, coturn says 447.
  timeout 20 $CLIENT connect-failed --dead-port 52045 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_stale_nonce() {
  local f=$OUT/coturn-stale-nonce.pcap
  turn_start --stale-nonce=2
  capture_start "$f" "$TURN_FILTER"
  timeout 20 $CLIENT stale-nonce --stale-wait 3.5 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_allocation_mismatch() {
  local f=$OUT/coturn-allocation-mismatch.pcap
  turn_start
  capture_start "$f" "$TURN_FILTER"
  timeout 20 $CLIENT allocation-mismatch 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_forbidden_peer() {
  local f=$OUT/coturn-forbidden-peer.pcap
  # --allow-loopback-peers admits 127.x peers in general; the denied range still wins.
  turn_start --denied-peer-ip=127.0.0.9
  capture_start "$f" "$TURN_FILTER or host 127.0.0.9"
  timeout 20 $CLIENT forbidden-peer --forbidden-peer 127.0.0.9 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_wrong_credentials() {
  local f=$OUT/coturn-wrong-credentials.pcap
  turn_start --user v:q   # a second valid account, used on u's allocation
  capture_start "$f" "$TURN_FILTER"
  timeout 20 $CLIENT wrong-credentials --other-user v --other-password q 2>"$WORK/c.out" \
    || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_connection_exists() {
  local f=$OUT/coturn-connection-exists.pcap
  turn_start
  capture_start "$f" "$TURN_FILTER"
  timeout 20 $CLIENT connection-exists 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_quota() {
  local f=$OUT/coturn-quota.pcap
  # One allocation per user, and a relay range of one port (the later --min/--max-port win over
  # TURN_COMMON's): u's second allocation gets 486, v's first one 508.
  turn_start --user v:q --user-quota=1 --min-port 49152 --max-port 49152
  capture_start "$f" "$TURN_FILTER"
  timeout 20 $CLIENT quota --other-user v --other-password q 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_unbound_connection() {
  # About 32 s: the client never binds; coturn closes both peer connections when its 30 s
  # ConnectionBind timer expires.
  local f=$OUT/coturn-unbound-connection.pcapng
  turn_start
  capture_start "$f" "$TURN_FILTER"
  timeout 45 $CLIENT unbound-connection --bind-wait 34 2>"$WORK/c.out" || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

rec_coturn_connect_timeout() {
  # About 31 s: the relay's SYNs to 127.0.0.4:52046 are dropped on input, so they are captured
  # (tcpdump sees loopback packets when they are sent) but never answered; coturn gives up after
  # 30 s and answers 447.
  local f=$OUT/coturn-connect-timeout.pcapng
  turn_start
  fw_drop INPUT -i lo -s 127.0.0.2 -d 127.0.0.4 -p tcp --dport 52046
  capture_start "$f" "$TURN_FILTER"
  timeout 45 $CLIENT connect-timeout --dead-port 52046 --bind-wait 35 2>"$WORK/c.out" \
    || { cat "$WORK/c.out" >&2; return 1; }
  capture_stop "$f"
  fw_clear
  stop "$TURN_PID"
}

# ---------------------------------------------------------------- refused TCP connections

rec_tcp_connect_refused() {
  # Nobody listens on 127.0.0.2:3478 nor 127.0.0.8:5061: the kernel answers each SYN with RST.
  local f=$OUT/tcp-connect-refused.pcap
  port_free tcp 127.0.0.2 3478; port_free tcp 127.0.0.8 5061
  capture_start "$f" 'host 127.0.0.2 or host 127.0.0.3 or host 127.0.0.7 or host 127.0.0.8'
  # turnutils_uclient over TCP (-t) to the absent TURN server; it reports the refusal and gives up.
  timeout 10 turnutils_uclient -t -L 127.0.0.3 -e 127.0.0.4 -r 3480 -u u -w p -n 1 127.0.0.2 >"$WORK/uc.out" 2>&1 || true
  grep -q "Connection refused" "$WORK/uc.out" || { log "uclient did not see a refusal"; cat "$WORK/uc.out" >&2; return 1; }
  # A SIP client (sipp over TCP) to the SIP TLS port of an absent server; sipp fails, as it should.
  (cd "$WORK" && timeout 10 sipp 127.0.0.8:5061 -sf "$HERE/sipp/uac-appsharing-accepted.xml" -i 127.0.0.7 -p 5060 \
      -t t1 -m 1 -cid_str '3f7c9a12e4b84d6e9a0b%u' -timeout 5s -nostdin >"$WORK/uac.out" 2>&1) \
    && { log "sipp unexpectedly succeeded"; return 1; }
  capture_stop "$f"
  local rst; rst=$(tshark -r "$f" -Y 'tcp.flags.reset == 1' 2>/dev/null | wc -l)
  [ "$rst" -ge 2 ] || { log "expected RSTs from 127.0.0.2:3478 and 127.0.0.8:5061, saw $rst"; return 1; }
}

# ---------------------------------------------------------------- libnice captures

NICE_BIN=$WORK/nice-pair
build_nice() {
  [ -x "$NICE_BIN" ] && return 0
  # shellcheck disable=SC2046
  gcc -O1 -Wall -o "$NICE_BIN" "$HERE/tools/nice-pair.c" $(pkg-config --cflags --libs nice)
}

nice_capture() { # FILE COMPAT TRANSPORT PORT-BASE
  build_nice
  capture_start "$1" 'host 127.0.0.5 or host 127.0.0.6'
  timeout 30 "$NICE_BIN" "$2" "$3" 127.0.0.5 127.0.0.6 "$4" 2>"$WORK/nice.out" || { cat "$WORK/nice.out" >&2; return 1; }
  capture_stop "$1"
}

rec_libnice_ice_tcp()     { nice_capture "$OUT/libnice-ice-tcp.pcap" rfc5245 tcp 40000; }
rec_libnice_msice2_udp()  { nice_capture "$OUT/libnice-msice2-udp.pcap" oc2007r2 udp 40100; }
rec_libnice_msice2_tcp()  { nice_capture "$OUT/libnice-msice2-tcp.pcap" oc2007r2 tcp 40200; }

rec_libnice_one_way() {
  # The right agent's Binding success responses (UDP payload starting 0x0101) to the left agent
  # are dropped on output, before the capture point: the left agent's checks stay unanswered while
  # the right agent's checks are answered. nice-pair's expect-fail mode checks that ICE failed.
  local f=$OUT/libnice-one-way.pcap
  build_nice
  fw_drop OUTPUT -o lo -s 127.0.0.6 -d 127.0.0.5 -p udp -m u32 --u32 '0>>22&0x3C@8>>16=0x0101'
  capture_start "$f" 'host 127.0.0.5 or host 127.0.0.6'
  timeout 30 "$NICE_BIN" rfc5245 udp 127.0.0.5 127.0.0.6 40300 expect-fail 2>"$WORK/nice.out" \
    || { cat "$WORK/nice.out" >&2; return 1; }
  capture_stop "$f"
  fw_clear
}

rec_libnice_turn_udp() {
  # Both agents relay-only through coturn over UDP: the checks ride in Send/Data indications, then in
  # ChannelData once libnice's ChannelBind succeeded; coturn relays them between its two relay ports
  # (127.0.0.2:49152-49161), which the capture also shows.
  local f=$OUT/libnice-turn-udp.pcap
  build_nice
  turn_start
  capture_start "$f" 'host 127.0.0.2 or host 127.0.0.5 or host 127.0.0.6'
  timeout 30 "$NICE_BIN" rfc5245 udp 127.0.0.5 127.0.0.6 40400 turn=127.0.0.2:3478 2>"$WORK/nice.out" \
    || { cat "$WORK/nice.out" >&2; return 1; }
  capture_stop "$f"
  stop "$TURN_PID"
}

# ---------------------------------------------------------------- sipp captures

sipp_capture() { # FILE SCENARIO TRANSPORT(u1|t1): runs sipp/uas-SCENARIO.xml and sipp/uac-SCENARIO.xml
  local f=$1 kind=$2 tr=$3
  capture_start "$f" 'host 127.0.0.7 or host 127.0.0.8'
  (cd "$WORK" && timeout 30 sipp -sf "$HERE/sipp/uas-$kind.xml" -i 127.0.0.8 -p 5060 -t "$tr" \
      -m 1 -timeout 20s -nostdin >"$WORK/uas.out" 2>&1) &
  local uas=$!; PIDS+=("$uas")
  wait_listen "$([ "$tr" = t1 ] && echo tcp || echo udp)" 127.0.0.8 5060
  (cd "$WORK" && timeout 30 sipp 127.0.0.8:5060 -sf "$HERE/sipp/uac-$kind.xml" -i 127.0.0.7 -p 5060 \
      -t "$tr" -m 1 -cid_str '3f7c9a12e4b84d6e9a0b%u' -timeout 20s -nostdin >"$WORK/uac.out" 2>&1) \
    || { log "sipp UAC failed"; cat "$WORK/uac.out" >&2; return 1; }
  wait "$uas" || { log "sipp UAS failed"; cat "$WORK/uas.out" >&2; return 1; }
  capture_stop "$f"
}

rec_sipp_appsharing_rejected()     { sipp_capture "$OUT/sipp-appsharing-rejected.pcap" appsharing-rejected u1; }
rec_sipp_appsharing_accepted_tcp() { sipp_capture "$OUT/sipp-appsharing-accepted-tcp.pcap" appsharing-accepted t1; }
rec_sipp_ms_diagnostics_1009()     { sipp_capture "$OUT/sipp-ms-diagnostics-1009.pcap" appsharing-504-1009 u1; }
rec_sipp_reinvite_rejected()       { sipp_capture "$OUT/sipp-reinvite-rejected.pcap" reinvite-appsharing-rejected u1; }

# ---------------------------------------------------------------- main

ALL=(coturn-udp-allocation coturn-tcp-allocation coturn-rfc6062 coturn-uclient-tcp-relay
  coturn-wrong-password coturn-no-tcp-relay coturn-connect-failed coturn-stale-nonce
  coturn-allocation-mismatch coturn-forbidden-peer coturn-wrong-credentials coturn-connection-exists
  coturn-quota coturn-unbound-connection coturn-connect-timeout tcp-connect-refused
  libnice-ice-tcp libnice-msice2-udp libnice-msice2-tcp libnice-one-way libnice-turn-udp
  sipp-appsharing-rejected sipp-appsharing-accepted-tcp sipp-ms-diagnostics-1009 sipp-reinvite-rejected)

[ "$(id -u)" = 0 ] || { log "run as root (packet capture on lo)"; exit 1; }
if [ $# -eq 0 ]; then set -- "${ALL[@]}"; fi
for name in "$@"; do
  declare -F "rec_${name//-/_}" >/dev/null || { log "unknown capture '$name' (known: ${ALL[*]})"; exit 1; }
done
for name in "$@"; do
  log "=== $name"
  "rec_${name//-/_}"
done
log "done; now run $HERE/tshark-golden.sh"
