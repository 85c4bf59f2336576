/*
 * nice-pair: two libnice agents in one process run a real ICE session against each other on
 * the loopback range, so that tcpdump can record genuine libnice connectivity checks.
 *
 *   nice-pair <rfc5245|oc2007r2> <tcp|udp> <left-ip> <right-ip> [port-base] [expect-fail]
 *             [turn=<ip>:<port>] [turn-left=<ip>:<port>]
 *
 * "left" is the controlling agent, "right" the controlled one. Credentials and candidates are
 * exchanged in-process (no signalling on the wire). Once both components are READY each side
 * sends a few RTP-like packets (first byte 0x80, PT 127); the program exits 0 when both sides
 * received them all, 1 on failure, 2 on the 15 s watchdog.
 *
 * With "expect-fail" the caller has broken the path on purpose (record.sh drops one agent's
 * Binding responses with a loopback firewall rule): the run ends one second after the left
 * agent's component FAILED, or on a 12 s watchdog, and exits 0 only if the left agent never
 * became READY and no media got through; 1 otherwise.
 *
 * With "turn=IP:PORT" both agents (with "turn-left=IP:PORT" only the left one) gather a relayed
 * candidate from that TURN server over UDP (user "u", password "p", as record.sh starts coturn) and
 * use only relayed candidates (property force-relay): every check then travels inside TURN Send and
 * Data indications, and after libnice's ChannelBind inside ChannelData. Relayed agents also run
 * RFC 7675 consent freshness, and the run lasts until 7 s after media started, so that the
 * consent checks (Binding requests every ~5 s) travel inside ChannelData too.
 *
 * Build: gcc -O1 -o nice-pair nice-pair.c $(pkg-config --cflags --libs nice)
 */
#include <nice/agent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PACKETS 3

typedef struct {
  const char *name;
  NiceAgent *agent;
  guint stream;
  gboolean gathered;
  gboolean ready;
  int received;
  int sent;
} Side;

static GMainLoop *loop;
static Side sides[2];
static int exit_code = 2;
static gboolean expect_fail;
/* TURN server for relay-only agents: index 0 left, 1 right; NULL = no relay */
static const char *turn_ip[2];
static guint turn_port[2];

static Side *side_of(NiceAgent *agent) {
  return agent == sides[0].agent ? &sides[0] : &sides[1];
}

static gboolean linger_done;

static gboolean end_linger(gpointer data) {
  (void) data;
  linger_done = TRUE;
  if (sides[0].received >= PACKETS && sides[1].received >= PACKETS) {
    exit_code = 0;
    g_main_loop_quit(loop);
  }
  return FALSE;
}

static void maybe_finish(void) {
  if (expect_fail)
    return;
  if (sides[0].received >= PACKETS && sides[1].received >= PACKETS && (linger_done || !turn_ip[0])) {
    exit_code = 0;
    g_main_loop_quit(loop);
  }
}

static void on_recv(NiceAgent *agent, guint stream, guint component, guint len, gchar *buf,
                    gpointer data) {
  Side *s = data;
  (void) agent; (void) stream; (void) component;
  if (len >= 2 && (guchar) buf[0] == 0x80) {
    s->received++;
    fprintf(stderr, "[nice-pair] %s received packet %d (%u bytes)\n", s->name, s->received, len);
  }
  maybe_finish();
}

/* Candidates and credentials go to the other agent only when both finished gathering. */
static void exchange(Side *from, Side *to) {
  gchar *ufrag = NULL, *pwd = NULL;
  GSList *cands;
  int n;
  nice_agent_get_local_credentials(from->agent, from->stream, &ufrag, &pwd);
  nice_agent_set_remote_credentials(to->agent, to->stream, ufrag, pwd);
  cands = nice_agent_get_local_candidates(from->agent, from->stream, 1);
  n = nice_agent_set_remote_candidates(to->agent, to->stream, 1, cands);
  fprintf(stderr, "[nice-pair] %s -> %s: ufrag %s, %d candidates\n", from->name, to->name, ufrag, n);
  g_slist_free_full(cands, (GDestroyNotify) nice_candidate_free);
  g_free(ufrag);
  g_free(pwd);
}

static void on_gathering_done(NiceAgent *agent, guint stream, gpointer data) {
  Side *s = side_of(agent);
  (void) stream; (void) data;
  s->gathered = TRUE;
  if (sides[0].gathered && sides[1].gathered) {
    exchange(&sides[0], &sides[1]);
    exchange(&sides[1], &sides[0]);
  }
}

static gboolean send_one(gpointer data) {
  Side *s = data;
  guchar pkt[12 + 40];
  int seq = s->sent;
  memset(pkt, 0, sizeof pkt);
  pkt[0] = 0x80;           /* RTP v2 */
  pkt[1] = 0x7F;           /* PT 127, marker 0: application sharing */
  pkt[2] = 0; pkt[3] = (guchar) seq;
  pkt[11] = s == &sides[0] ? 0x55 : 0xAA; /* SSRC low byte tells the sides apart */
  snprintf((char *) pkt + 12, 40, "libnice %s packet %d", s->name, seq);
  if (nice_agent_send(s->agent, s->stream, 1, sizeof pkt, (gchar *) pkt) < 0)
    fprintf(stderr, "[nice-pair] %s: send failed\n", s->name);
  s->sent++;
  return s->sent < PACKETS;
}

/* expect-fail verdict: the broken direction must have kept the session from working. */
static gboolean finish_expected_failure(gpointer data) {
  (void) data;
  exit_code = !sides[0].ready && sides[0].received == 0 && sides[1].received == 0 ? 0 : 1;
  fprintf(stderr, "[nice-pair] expected failure %s\n", exit_code == 0 ? "seen" : "NOT seen");
  g_main_loop_quit(loop);
  return FALSE;
}

static void on_state(NiceAgent *agent, guint stream, guint component, guint state, gpointer data) {
  Side *s = side_of(agent);
  (void) stream; (void) component; (void) data;
  fprintf(stderr, "[nice-pair] %s: state %s\n", s->name, nice_component_state_to_string(state));
  if (expect_fail) {
    if (state == NICE_COMPONENT_STATE_READY)
      s->ready = TRUE;
    /* one more second lets the other agent's last retransmissions reach the capture */
    if (state == NICE_COMPONENT_STATE_FAILED && s == &sides[0])
      g_timeout_add(1000, finish_expected_failure, NULL);
    return;
  }
  if (state == NICE_COMPONENT_STATE_FAILED) {
    exit_code = 1;
    g_main_loop_quit(loop);
  } else if (state == NICE_COMPONENT_STATE_READY && !s->ready) {
    s->ready = TRUE;
    /* a short pause lets the controlled side finish nominating before media starts */
    g_timeout_add(200, send_one, s);
    if (turn_ip[0] && s == &sides[0])
      g_timeout_add(7000, end_linger, NULL);
  }
}

static void on_pair(NiceAgent *agent, guint stream, guint component, NiceCandidate *l, NiceCandidate *r,
                    gpointer data) {
  gchar la[NICE_ADDRESS_STRING_LEN], ra[NICE_ADDRESS_STRING_LEN];
  (void) stream; (void) component; (void) data;
  nice_address_to_string(&l->addr, la);
  nice_address_to_string(&r->addr, ra);
  fprintf(stderr, "[nice-pair] %s selected %s:%u -> %s:%u\n", side_of(agent)->name, la,
          nice_address_get_port(&l->addr), ra, nice_address_get_port(&r->addr));
}

static gboolean watchdog(gpointer data) {
  (void) data;
  fprintf(stderr, "[nice-pair] watchdog: giving up\n");
  if (expect_fail)
    return finish_expected_failure(NULL);
  g_main_loop_quit(loop);
  return FALSE;
}

static void setup(Side *s, const char *name, const char *ip, NiceCompatibility compat, gboolean tcp,
                  gboolean controlling, guint port_base, int index) {
  NiceAddress addr;
  s->name = name;
  s->agent = turn_ip[index]
      ? nice_agent_new_full(g_main_loop_get_context(loop), compat, NICE_AGENT_OPTION_CONSENT_FRESHNESS)
      : nice_agent_new(g_main_loop_get_context(loop), compat);
  g_object_set(s->agent, "ice-udp", !tcp, "ice-tcp", tcp, "controlling-mode", controlling,
               "upnp", FALSE, NULL);
  nice_address_init(&addr);
  if (!nice_address_set_from_string(&addr, ip)) {
    fprintf(stderr, "bad address %s\n", ip);
    exit(1);
  }
  nice_agent_add_local_address(s->agent, &addr);
  g_signal_connect(s->agent, "candidate-gathering-done", G_CALLBACK(on_gathering_done), NULL);
  g_signal_connect(s->agent, "component-state-changed", G_CALLBACK(on_state), NULL);
  g_signal_connect(s->agent, "new-selected-pair-full", G_CALLBACK(on_pair), NULL);
  s->stream = nice_agent_add_stream(s->agent, 1);
  nice_agent_set_stream_name(s->agent, s->stream, "application");
  if (port_base)
    nice_agent_set_port_range(s->agent, s->stream, 1, port_base, port_base + 9);
  if (turn_ip[index]) {
    g_object_set(s->agent, "force-relay", TRUE, NULL);
    if (!nice_agent_set_relay_info(s->agent, s->stream, 1, turn_ip[index], turn_port[index], "u", "p",
                                   NICE_RELAY_TYPE_TURN_UDP)) {
      fprintf(stderr, "bad TURN server %s:%u\n", turn_ip[index], turn_port[index]);
      exit(1);
    }
  }
  nice_agent_attach_recv(s->agent, s->stream, 1, g_main_loop_get_context(loop), on_recv, s);
}

/* "IP:PORT" into a static copy of IP and the port; exits on a malformed value */
static void parse_server(const char *value, int first, int last) {
  static char ip[64];
  const char *colon = strrchr(value, ':');
  int i;
  if (!colon || colon == value || (size_t) (colon - value) >= sizeof ip || atoi(colon + 1) <= 0) {
    fprintf(stderr, "bad TURN server '%s' (want IP:PORT)\n", value);
    exit(1);
  }
  memcpy(ip, value, (size_t) (colon - value));
  ip[colon - value] = 0;
  for (i = first; i <= last; i++) {
    turn_ip[i] = ip;
    turn_port[i] = (guint) atoi(colon + 1);
  }
}

int main(int argc, char **argv) {
  NiceCompatibility compat;
  gboolean tcp;
  guint base;
  if (argc < 5) {
    fprintf(stderr, "usage: %s <rfc5245|oc2007r2> <tcp|udp> <left-ip> <right-ip> [port-base] [expect-fail]"
            " [turn=IP:PORT] [turn-left=IP:PORT]\n",
            argv[0]);
    return 1;
  }
  compat = strcmp(argv[1], "oc2007r2") == 0 ? NICE_COMPATIBILITY_OC2007R2 : NICE_COMPATIBILITY_RFC5245;
  tcp = strcmp(argv[2], "tcp") == 0;
  base = argc > 5 ? (guint) atoi(argv[5]) : 0;
  for (int i = 6; i < argc; i++) {
    if (strcmp(argv[i], "expect-fail") == 0)
      expect_fail = TRUE;
    else if (strncmp(argv[i], "turn=", 5) == 0)
      parse_server(argv[i] + 5, 0, 1);
    else if (strncmp(argv[i], "turn-left=", 10) == 0)
      parse_server(argv[i] + 10, 0, 0);
    else {
      fprintf(stderr, "unknown option '%s'\n", argv[i]);
      return 1;
    }
  }
  loop = g_main_loop_new(NULL, FALSE);
  setup(&sides[0], "left", argv[3], compat, tcp, TRUE, base, 0);
  setup(&sides[1], "right", argv[4], compat, tcp, FALSE, base ? base + 10 : 0, 1);
  if (!nice_agent_gather_candidates(sides[0].agent, sides[0].stream) ||
      !nice_agent_gather_candidates(sides[1].agent, sides[1].stream)) {
    fprintf(stderr, "[nice-pair] gathering failed\n");
    return 1;
  }
  g_timeout_add_seconds(expect_fail ? 12 : turn_ip[0] ? 20 : 15, watchdog, NULL);
  g_main_loop_run(loop);
  /* let the last packets and any in-flight checks leave before the sockets close */
  g_usleep(300 * 1000);
  g_object_unref(sides[0].agent);
  g_object_unref(sides[1].agent);
  g_main_loop_unref(loop);
  fprintf(stderr, "[nice-pair] exit %d\n", exit_code);
  return exit_code;
}
