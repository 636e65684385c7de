// Load generator for the canvas benchmark (issue 5). Started by bench/run.sh against a real server process.
//
// For each room count R: two users (registered once, through the real forms) open R interviews through the real
// pages, then open 2R hub connections (A is the interviewer, B the candidate in every room), each adds a few nodes
// and links of its own, and for the measured window edits at about 2 per second: mostly moves (each preceded by drag
// previews), sometimes relabels, adds and deletes, now and then on the same node as the peer. It measures
// edit-to-ack and edit-to-peer latency, throughput, refusals, losses and duplicates (client side and in
// PostgreSQL), and the server's memory and CPU from /proc.
import { createRequire } from "node:module";
import { execFile } from "node:child_process";
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const requireFromClient = createRequire(path.join(ROOT, "src/MockLoop.Web/ClientApp/package.json"));
const signalR = requireFromClient("@microsoft/signalr");

// ------------------------------------------------------------------------------------------- settings
const SETUP_CONCURRENCY = 20;        // page requests in flight while opening interviews
const CONNECT_CONCURRENCY = 50;      // hub connections being opened at once
const EDIT_INTERVAL_MS = 500;        // mean time between durable edits per participant (2/s), jittered ±40 %
const PREVIEW_SPACING_MS = 100;      // drag previews at most 10/s, up to 5 before each move
const MAX_IN_FLIGHT = 10;            // per connection; beyond this an edit is skipped and counted (a backlog)
const DRAIN_MS = 10_000;             // after the window: wait this long at most for acks and peer deliveries
const SETTLE_MS = 3_000;             // quiet time after closing connections, and before the memory baseline
const LATE_DELIVERY_GRACE_MS = 2_000; // see the drain
const DB_QUIET_TIMEOUT_MS = 60_000;  // after closing: wait for the server to stop writing queued ops
const CONNECT_TIMEOUT_MS = 180_000;
const WARMUP_TIMEOUT_MS = 180_000;
const WARMUP_ROOMS = 20;
const WARMUP_SECONDS = 15;
const PASSWORD = "benchmark42";

// ------------------------------------------------------------------------------------------- arguments
const args = parseArgs(process.argv.slice(2));
// With --nodes N (run.sh), one URL, PID and log per node: A (the interviewer) uses the first node, B the second,
// so every interview's two participants sit on different nodes and reach each other through the session's grain.
const BASES = String(args.url ?? "").split(",").filter(Boolean);
const BASE = BASES[0];
const BASE_B = BASES[1] ?? BASE;
const SERVER_PIDS = String(args["server-pid"] ?? "").split(",").filter(Boolean).map(Number);
const SERVER_PID = SERVER_PIDS[0];
const SERVER_LOG = args["server-log"];
const ROOM_COUNTS = String(args.rooms ?? "10,100,1000").split(",").map(Number);
const WINDOW_S = Number(args.seconds ?? 20);
const PSQL = process.env.MOCKLOOP_BENCH_PSQL || "psql";
if (!BASE || !SERVER_PID || !SERVER_LOG || !args.json || !args.md) {
  console.error("usage: canvas-load.mjs --url URL --server-pid PID --server-log FILE --rooms 10,100 --seconds 20 --json FILE --md FILE");
  process.exit(2);
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

// ------------------------------------------------------------------------------------------- small helpers
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const sleepUntil = (t) => sleep(t - performance.now());
const log = (msg) => process.stderr.write(`\x1b[1;34mbench:\x1b[0m ${msg}\n`);
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

async function pool(count, limit, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const i = next++;
      await work(i);
    }
  });
  await Promise.all(runners);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[clamp(rank - 1, 0, sorted.length - 1)];
}

function latencySummary(values) {
  const sorted = Float64Array.from(values).sort();
  const round1 = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: sorted.length,
    p50Ms: round1(percentile(sorted, 50)),
    p99Ms: round1(percentile(sorted, 99)),
    maxMs: round1(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

// ------------------------------------------------------------------------------------------- /proc readings
const CLK_TCK = 100; // Linux's USER_HZ on every mainstream architecture

function rssKb(pid) {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : null;
}

function procStat(pid) {
  // The command name may hold spaces and parentheses: fields are counted from the last ')'.
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

const cpuSeconds = (pid) => procStat(pid).ticks / CLK_TCK;

/** The server's figures, summed over its nodes (one process per node). */
const serverRss = () => SERVER_PIDS.reduce((sum, pid) => sum + (rssKb(pid) ?? 0), 0);
const serverCpuSeconds = () => SERVER_PIDS.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
function serverThreadTicks() {
  const all = new Map();
  for (const pid of SERVER_PIDS) {
    for (const [tid, thread] of threadTicks(pid)) all.set(`${pid}/${tid}`, thread);
  }
  return all;
}

/** The server's CPU ticks by thread name (".NET TP Worker", ".NET Server GC", ".NET Tiered Com", …), per thread id. */
function threadTicks(pid) {
  const ticks = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      ticks.set(tid, { name, ticks: procStat(`${pid}/task/${tid}`).ticks });
    } catch { /* the thread ended */ }
  }
  return ticks;
}

/** CPU seconds by thread name between two readings, largest first (threads that ended in between are missed). */
function threadSecondsBetween(before, after) {
  const byName = new Map();
  for (const [tid, { name, ticks }] of after) {
    byName.set(name, (byName.get(name) ?? 0) + ticks - (before.get(tid)?.ticks ?? 0));
  }
  return Object.fromEntries([...byName].filter(([, t]) => t > 0).sort((x, y) => y[1] - x[1])
    .map(([name, t]) => [name, Math.round((t / CLK_TCK) * 100) / 100]));
}

/** CPU ticks of the postmaster and its children (the backends serving the app), by pid. */
function postgresTicks(postmasterPid) {
  const ticks = new Map();
  if (!postmasterPid) return ticks;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = procStat(name);
      if (Number(name) === postmasterPid || s.ppid === postmasterPid) ticks.set(name, s.ticks);
    } catch { /* the process ended while we looked */ }
  }
  return ticks;
}

function postgresSecondsBetween(before, after) {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / CLK_TCK;
}

/** Busy core-seconds of the whole machine so far (every process, ours and others). */
function machineBusySeconds() {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - idle) / CLK_TCK;
}

// ------------------------------------------------------------------------------------------- PostgreSQL (read only)
function psql(sql) {
  return new Promise((resolve, reject) => {
    const child = execFile(PSQL, ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"], { maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`psql: ${stderr || err.message}`)) : resolve(stdout)));
    child.stdin.end(sql);
  });
}

async function findPostmasterPid() {
  try {
    const dataDir = (await psql("SHOW data_directory;")).trim();
    return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null; // another user's cluster: PostgreSQL's CPU is then not reported
  }
}

/** Waits until the server stops adding diagram rows to these sessions (ops queued before their connection closed). */
async function waitForQuietDatabase(sessionIds) {
  const started = performance.now();
  const count = async () => Number((await psql(`SELECT count(*) FROM session_events WHERE "Kind" = 'diagram'
    AND "SessionId" = ANY('{${sessionIds.join(",")}}'::uuid[]);`)).trim());
  let last = await count();
  let unchanged = 0;
  while (unchanged < 2 && performance.now() - started < DB_QUIET_TIMEOUT_MS) {
    await sleep(1000);
    const now = await count();
    unchanged = now === last ? unchanged + 1 : 0;
    last = now;
  }
  return (performance.now() - started) / 1000;
}

async function diagramRows(sessionIds) {
  const ids = `'{${sessionIds.join(",")}}'::uuid[]`;
  const where = `"Kind" = 'diagram' AND "SessionId" = ANY(${ids})`;
  // One snapshot for the three answers: the server may still be writing.
  const out = await psql(`
    BEGIN ISOLATION LEVEL REPEATABLE READ;
    SELECT 'count', count(*) FROM session_events WHERE ${where};
    SELECT 'duplicated', count(*) FROM (SELECT "ClientId" FROM session_events WHERE ${where} AND "ClientId" IS NOT NULL
                                        GROUP BY "ClientId" HAVING count(*) > 1) d;
    SELECT 'id', "ClientId" FROM session_events WHERE ${where};
    COMMIT;`);
  const result = { count: 0, duplicated: 0, clientIds: new Set() };
  for (const line of out.split("\n")) {
    const [tag, value] = line.split("|");
    if (tag === "count") result.count = Number(value);
    else if (tag === "duplicated") result.duplicated = Number(value);
    else if (tag === "id") result.clientIds.add(value);
  }
  return result;
}

// ------------------------------------------------------------------------------------------- the server's log
let logOffset = 0;
function serverLogSince() {
  const size = statSync(SERVER_LOG).size;
  const length = size - logOffset;
  const buffer = Buffer.alloc(Math.max(0, length));
  if (length > 0) {
    const fd = openSync(SERVER_LOG, "r");
    readSync(fd, buffer, 0, length, logOffset);
    closeSync(fd);
  }
  logOffset = size;
  const lines = buffer.toString("utf8").split("\n");
  const counts = { warn: 0, fail: 0, crit: 0 };
  const samples = new Map();
  lines.forEach((line, i) => {
    const m = /^(warn|fail|crit): (\S+)/.exec(line);
    if (!m) return;
    counts[m[1]]++;
    const message = `${m[1]}: ${m[2]} ${(lines[i + 1] ?? "").trim()}`.slice(0, 240);
    samples.set(message, (samples.get(message) ?? 0) + 1);
  });
  return { ...counts, messages: [...samples].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([m, n]) => `${n}× ${m}`) };
}

// ------------------------------------------------------------------------------------------- a user, through the pages
class User {
  cookies = new Map();

  constructor(label, base) { this.label = label; this.base = base; }

  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "); }

  async request(method, url, form) {
    const headers = { cookie: this.cookieHeader() };
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const res = await fetch(this.base + url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(";")[0];
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  }

  /** The antiforgery token of the form on a page, as a browser would submit it. */
  async formToken(url) {
    const page = await this.request("GET", url);
    const input = /<input[^>]*name="__RequestVerificationToken"[^>]*>/.exec(page.text);
    const value = input && /value="([^"]*)"/.exec(input[0]);
    if (page.status !== 200 || !value) throw new Error(`${this.label}: GET ${url} gave HTTP ${page.status} without a form token`);
    return value[1].replaceAll("&amp;", "&").replaceAll("&#x2B;", "+").replaceAll("&#x2F;", "/").replaceAll("&#x3D;", "=");
  }

  async register(email, displayName) {
    const token = await this.formToken("/account/register");
    const res = await this.request("POST", "/account/register", {
      _handler: "register",
      __RequestVerificationToken: token,
      "Input.Email": email,
      "Input.DisplayName": displayName,
      "Input.Password": PASSWORD,
      "Input.ConfirmPassword": PASSWORD,
    });
    if (res.status !== 302 && res.status !== 200) {
      throw new Error(`registering ${email}: HTTP ${res.status}`);
    }
    if (!this.cookies.has("mockloop.auth")) {
      // Accounts open through a mailed confirmation link (ADR 054). The mail round trip is not what this measures:
      // confirm the address in the run's own database, then sign in through the form like a person.
      await psql(`UPDATE "AspNetUsers" SET "EmailConfirmed" = true WHERE "NormalizedEmail" = '${email.toUpperCase()}';`);
      const loginToken = await this.formToken("/account/login");
      const login = await this.request("POST", "/account/login", {
        _handler: "login",
        __RequestVerificationToken: loginToken,
        "Input.Email": email,
        "Input.Password": PASSWORD,
      });
      if (login.status !== 302 || !this.cookies.has("mockloop.auth")) {
        throw new Error(`signing in ${email}: HTTP ${login.status}, no sign-in cookie`);
      }
    }
  }
}

/** A opens an interview as the interviewer (random case, default rubric); B joins it. Returns its id. */
async function openInterview(a, b) {
  const token = await a.formToken("/sessions/new");
  const created = await a.request("POST", "/sessions", { role: "Interviewer", rubric: "", case: "", __RequestVerificationToken: token });
  const m = created.status === 302 && /^\/s\/([0-9a-f-]{36})$/.exec(created.location ?? "");
  if (!m) throw new Error(`creating an interview: HTTP ${created.status} ${created.location ?? ""}`);
  const id = m[1];
  const joinToken = await b.formToken(`/s/${id}`);
  const joined = await b.request("POST", `/s/${id}/join`, { __RequestVerificationToken: joinToken });
  if (joined.status !== 302) throw new Error(`joining ${id}: HTTP ${joined.status}`);
  return id;
}

// ------------------------------------------------------------------------------------------- one round (one R)
class Round {
  constructor(index, rooms) {
    this.index = index;
    this.rooms = rooms;
    this.sent = new Map();              // opId -> record of one submitted op
    this.ackLatency = [];               // window ops only
    this.peerLatency = [];              // window ops only
    this.refused = {};                  // code -> count
    this.invokeErrors = 0;
    this.invokeErrorSamples = new Set();
    this.issuedInWindow = 0;
    this.ackedInWindow = 0;             // acks that arrived inside the window, whatever the op
    this.skippedBacklog = 0;
    this.previewsSent = 0;
    this.cursorsSent = 0;
    this.peerDragsReceived = 0;
    this.duplicateSeqs = 0;
    this.outOfOrder = 0;
    this.duplicateDeliveries = 0;
    this.seqMismatches = 0;
    this.unexpectedCloses = 0;
    this.clientLog = { warnings: 0, errors: 0, samples: new Set() };
    this.windowStart = Infinity;
    this.windowEnd = Infinity;
  }

  logger() {
    return {
      log: (level, message) => {
        if (level < signalR.LogLevel.Warning) return;
        if (level >= signalR.LogLevel.Error) this.clientLog.errors++;
        else this.clientLog.warnings++;
        if (this.clientLog.samples.size < 5) this.clientLog.samples.add(String(message).slice(0, 200));
      },
    };
  }
}

class Room {
  constructor(round, index, sessionId) {
    this.round = round;
    this.index = index;
    this.sessionId = sessionId;
    this.nodes = { a: [], b: [] };      // acknowledged node ids, by owner
    this.links = { a: [], b: [] };
    this.positions = new Map();
    this.elements = 0;
    this.maxSeq = 0;
    this.componentTypes = [];
  }

  /** The node both participants reach for now and then: concurrent edits on it are ordered by the server. */
  get sharedNode() { return this.nodes.a[0]; }
}

class Participant {
  constructor(room, side, user) {
    this.room = room;
    this.round = room.round;
    this.side = side;                   // "a" interviewer, "b" candidate
    this.user = user;
    this.seen = new Set();
    this.lastSeq = null;                // set by Sync(-1)
    this.early = [];
    this.inFlight = 0;
    this.counter = 0;
    this.stopping = false;
  }

  get peerSide() { return this.side === "a" ? "b" : "a"; }

  id(prefix) { return `${prefix}${this.round.index}_${this.room.index}_${this.side}_${this.counter++}`; }

  async connect() {
    const round = this.round;
    this.conn = new signalR.HubConnectionBuilder()
      .withUrl(`${this.user.base}/hubs/interview?session=${this.room.sessionId}`, { headers: { Cookie: this.user.cookieHeader() } })
      .withServerTimeout(15_000)
      .withKeepAliveInterval(5_000)
      .configureLogging(round.logger())
      .build();
    const roomState = new Promise((resolve) => this.conn.on("RoomState", resolve));
    this.conn.on("Presence", () => {});
    this.conn.on("PeerCursor", () => {});
    this.conn.on("PeerDrag", () => { round.peerDragsReceived++; });
    this.conn.on("Event", (entry) => {
      const at = performance.now();
      if (this.lastSeq === null) this.early.push([entry, at]);
      else this.onEvent(entry, at);
    });
    this.conn.onclose(() => { if (!this.stopping) round.unexpectedCloses++; });

    await this.conn.start();
    await withTimeout(roomState, 60_000, "RoomState");
    const sync = await this.conn.invoke("Sync", -1);
    this.lastSeq = sync.seq;
    this.room.maxSeq = Math.max(this.room.maxSeq, sync.seq);
    this.baseSeq = sync.seq;
    this.room.componentTypes = sync.snapshot.componentTypes.filter((t) => t !== "note");
    for (const [entry, at] of this.early.splice(0)) if (entry.seq > this.baseSeq) this.onEvent(entry, at);
  }

  onEvent(entry, at) {
    const round = this.round;
    if (this.seen.has(entry.seq)) {
      round.duplicateSeqs++;
      return;
    }
    this.seen.add(entry.seq);
    if (entry.seq < this.lastSeq) round.outOfOrder++;
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    this.room.maxSeq = Math.max(this.room.maxSeq, entry.seq);
    if (entry.kind !== "diagram" || !entry.clientId) return;

    const record = round.sent.get(entry.clientId);
    if (!record || record.room !== this.room) return;
    if (record.eventSeq === undefined) record.eventSeq = entry.seq;
    else if (record.eventSeq !== entry.seq) round.seqMismatches++;
    if (record.sender === this) {
      record.selfSeen++;
      return;
    }
    record.peerSeen++;
    if (record.peerSeen > 1) round.duplicateDeliveries++;
    else if (record.inWindow) round.peerLatency.push(at - record.sentAt);
  }

  /** Sends one durable op; resolves with the server's answer (or null after a transport error). */
  async submit(op, inWindow) {
    const round = this.round;
    const record = { room: this.room, sender: this, inWindow, sentAt: performance.now(), peerSeen: 0, selfSeen: 0 };
    round.sent.set(op.opId, record);
    if (inWindow) round.issuedInWindow++;
    this.inFlight++;
    try {
      const result = await this.conn.invoke("SubmitOp", op);
      const at = performance.now();
      if (result.ok) {
        record.ackedAt = at;
        record.seq = result.seq;
        if (record.eventSeq !== undefined && record.eventSeq !== result.seq) round.seqMismatches++;
        this.room.maxSeq = Math.max(this.room.maxSeq, result.seq);
        if (inWindow) round.ackLatency.push(at - record.sentAt);
        if (at >= round.windowStart && at <= round.windowEnd) round.ackedInWindow++;
      } else {
        record.refused = result.code;
        round.refused[result.code] = (round.refused[result.code] ?? 0) + 1;
      }
      return result;
    } catch (err) {
      record.failed = true;
      round.invokeErrors++;
      if (round.invokeErrorSamples.size < 5) round.invokeErrorSamples.add(String(err?.message ?? err).slice(0, 200));
      return null;
    } finally {
      this.inFlight--;
    }
  }

  async addNode(inWindow, type) {
    const room = this.room;
    const nodeId = this.id("n");
    const x = Math.round((this.side === "a" ? 40 : 900) + Math.random() * 600);
    const y = Math.round(40 + Math.random() * 700);
    const label = type.replaceAll("-", " ");
    room.elements++;
    const result = await this.submit({
      type: "addNode", opId: this.id("o"),
      node: { id: nodeId, componentType: type, label, x, y, width: 180, height: 64 },
    }, inWindow);
    if (result?.ok) {
      room.nodes[this.side].push(nodeId);
      room.positions.set(nodeId, { x, y });
    } else {
      room.elements--;
    }
  }

  async addLink(inWindow, sourceId, targetId) {
    const room = this.room;
    const linkId = this.id("l");
    room.elements++;
    const result = await this.submit({
      type: "addLink", opId: this.id("o"),
      link: { id: linkId, sourceId, targetId, label: null, directed: true },
    }, inWindow);
    if (result?.ok) room.links[this.side].push(linkId);
    else room.elements--;
  }

  /** Before the window: 3–4 nodes of types this participant does not share with its peer, and two links. */
  async warmUp() {
    const types = this.room.componentTypes;
    const half = Math.floor(types.length / 2);
    const mine = this.side === "a" ? types.slice(0, half) : types.slice(half);
    const shuffled = [...mine].sort(() => Math.random() - 0.5);
    const count = 3 + Math.floor(Math.random() * 2);
    for (let i = 0; i < count; i++) await this.addNode(false, shuffled[i % shuffled.length]);
    const own = this.room.nodes[this.side];
    if (own.length >= 3) {
      await this.addLink(false, own[0], own[1]);
      await this.addLink(false, own[1], own[2]);
    }
  }

  /** The measured window: an edit about every 500 ms, open loop (the next edit does not wait for the last ack). */
  async edit(windowStart, windowEnd) {
    const room = this.room;
    const round = this.round;
    let next = windowStart + Math.random() * EDIT_INTERVAL_MS;
    let previousEdit = windowStart;
    while (next < windowEnd) {
      const roll = Math.random();
      const own = room.nodes[this.side];
      const peers = room.nodes[this.peerSide];
      if (roll < 0.75 && own.length > 0) {
        // Move: mostly an own node, sometimes the peer's, sometimes the node both reach for.
        const r = Math.random();
        const nodeId = r < 0.85 ? pick(own) : r < 0.95 && peers.length ? pick(peers) : room.sharedNode ?? pick(own);
        const from = room.positions.get(nodeId) ?? { x: 400, y: 300 };
        const to = { x: clamp(Math.round(from.x + (Math.random() - 0.5) * 240), 0, 3000), y: clamp(Math.round(from.y + (Math.random() - 0.5) * 240), 0, 2000) };
        // Drag previews spaced 100 ms apart, ending at the drop, never reaching back before the previous edit.
        const previews = Math.min(5, Math.floor((next - Math.max(previousEdit, performance.now())) / PREVIEW_SPACING_MS));
        for (let i = previews; i >= 1; i--) {
          await sleepUntil(next - i * PREVIEW_SPACING_MS);
          const f = (previews - i + 1) / (previews + 1);
          this.conn.send("DragPreview", nodeId, from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f).catch(() => {});
          round.previewsSent++;
        }
        await sleepUntil(next);
        if (this.inFlight >= MAX_IN_FLIGHT) {
          round.skippedBacklog++;
        } else {
          room.positions.set(nodeId, to);
          this.submit({ type: "updateNode", opId: this.id("o"), nodeId, position: to }, true);
        }
      } else {
        await sleepUntil(next);
        this.conn.send("Cursor", Math.random() * 1500, Math.random() * 900).catch(() => {});
        round.cursorsSent++;
        if (this.inFlight >= MAX_IN_FLIGHT) {
          round.skippedBacklog++;
        } else if (roll < 0.85 && own.length > 0) {
          const nodeId = Math.random() < 0.8 || !room.sharedNode ? pick(own) : room.sharedNode;
          this.submit({ type: "updateNode", opId: this.id("o"), nodeId, label: `${this.side === "a" ? "Interviewer" : "Candidate"} label ${this.counter}` }, true);
        } else if (roll < 0.92 && room.elements < 400) {
          this.addNode(true, pick(room.componentTypes));
        } else if (roll < 0.97 && own.length + peers.length >= 2 && room.elements < 400) {
          const all = [...own, ...peers];
          const source = pick(all);
          const target = pick(all.filter((n) => n !== source));
          this.addLink(true, source, target);
        } else if (room.links[this.side].length > 0) {
          const links = room.links[this.side];
          const linkId = links.splice(Math.floor(Math.random() * links.length), 1)[0];
          room.elements--;
          this.submit({ type: "delete", opId: this.id("o"), elementId: linkId }, true);
        } else if (own.length > 0) {
          this.submit({ type: "updateNode", opId: this.id("o"), nodeId: pick(own), label: `relabelled ${this.counter}` }, true);
        }
      }
      previousEdit = next;
      next += EDIT_INTERVAL_MS * (0.6 + Math.random() * 0.8);
    }
  }

  async stop() {
    this.stopping = true;
    await this.conn?.stop().catch(() => {});
  }
}

async function runRound(roundIndex, R, windowS, a, b, postmasterPid) {
  const round = new Round(roundIndex, R);
  const result = { rooms: R, connections: 2 * R, windowSeconds: windowS };
  serverLogSince(); // start this round's log slice here

  log(`R=${R}: opening ${R} interviews through the pages`);
  let t0 = performance.now();
  const sessionIds = new Array(R);
  await pool(R, SETUP_CONCURRENCY, async (i) => { sessionIds[i] = await openInterview(a, b); });
  result.setupSeconds = { interviews: (performance.now() - t0) / 1000 };

  await sleep(SETTLE_MS);
  const baselineRss = serverRss();

  log(`R=${R}: opening ${2 * R} hub connections`);
  const rooms = sessionIds.map((id, i) => new Room(round, i, id));
  const participants = rooms.flatMap((room) => [new Participant(room, "a", a), new Participant(room, "b", b)]);
  let peakRss = baselineRss;
  const sampler = setInterval(() => { try { peakRss = Math.max(peakRss, serverRss()); } catch { /* gone */ } }, 250);
  let connectFailures = 0;
  const connectErrors = new Set();
  t0 = performance.now();
  try {
    await withTimeout(pool(participants.length, CONNECT_CONCURRENCY, async (i) => {
      try {
        await participants[i].connect();
      } catch (err) {
        connectFailures++;
        if (connectErrors.size < 5) connectErrors.add(String(err?.message ?? err).slice(0, 200));
        participants[i].failed = true;
      }
    }), CONNECT_TIMEOUT_MS, "opening the connections");
    result.setupSeconds.connections = (performance.now() - t0) / 1000;
    result.connectFailures = connectFailures;
    result.connectErrors = [...connectErrors];
    // A room edits only when both of its participants are connected; failed connections are reported above.
    for (const p of participants) if (p.failed) p.room.failed = true;
    const live = participants.filter((p) => !p.room.failed);
    await sleep(1000);
    const connectedRss = serverRss();

    log(`R=${R}: each participant adds its first nodes and links`);
    t0 = performance.now();
    await withTimeout(Promise.all(live.filter((p) => p.side === "a").map((p) => p.warmUp())), WARMUP_TIMEOUT_MS, "the first nodes");
    // The candidate's types differ from the interviewer's; the interviewer's first node is the shared one.
    await withTimeout(Promise.all(live.filter((p) => p.side === "b").map((p) => p.warmUp())), WARMUP_TIMEOUT_MS, "the first nodes");
    result.setupSeconds.firstNodes = (performance.now() - t0) / 1000;
    result.firstNodesOps = round.sent.size;

    log(`R=${R}: editing for ${windowS} s`);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const cpu0 = { at: performance.now(), server: serverCpuSeconds(), threads: serverThreadTicks(), pg: postgresTicks(postmasterPid), machine: machineBusySeconds(), self: process.cpuUsage() };
    round.windowStart = performance.now();
    round.windowEnd = round.windowStart + windowS * 1000;
    loopDelay.enable();
    await Promise.all(live.map((p) => p.edit(round.windowStart, round.windowEnd)));
    await sleepUntil(round.windowEnd);
    loopDelay.disable();
    const cpu1 = { at: performance.now(), server: serverCpuSeconds(), threads: serverThreadTicks(), pg: postgresTicks(postmasterPid), machine: machineBusySeconds(), self: process.cpuUsage(cpu0.self) };
    const endRss = serverRss();
    peakRss = Math.max(peakRss, endRss);
    const inFlightAtEnd = live.reduce((n, p) => n + p.inFlight, 0);

    // Drain: in-flight acks and deliveries to the peer, for at most DRAIN_MS.
    const drainStart = performance.now();
    const settled = () => live.every((p) => p.inFlight === 0)
      && [...round.sent.values()].every((r) => r.ackedAt === undefined || r.peerSeen > 0);
    while (!settled() && performance.now() - drainStart < DRAIN_MS) await sleep(100);
    result.drainSeconds = (performance.now() - drainStart) / 1000;
    // When the drain ran out (a backlog), judge only the ops acknowledged by now, and give their broadcasts (sent
    // by the server before the ack) a moment to arrive: the peer's socket is read after the sender's.
    const cutoff = performance.now();
    const unackedAfterDrain = live.reduce((n, p) => n + p.inFlight, 0);
    const maxSeqAtCutoff = new Map(rooms.map((room) => [room, room.maxSeq]));
    if (!settled()) await sleep(LATE_DELIVERY_GRACE_MS);

    const records = [...round.sent.values()];
    const acked = records.filter((r) => r.ackedAt !== undefined && r.ackedAt <= cutoff);
    let gaps = 0;
    for (const p of live) {
      const last = maxSeqAtCutoff.get(p.room);
      for (let s = p.baseSeq + 1; s <= last; s++) if (!p.seen.has(s)) gaps++;
    }
    Object.assign(result, {
      ops: {
        offeredInWindow: round.issuedInWindow,
        offeredPerSecond: round.issuedInWindow / windowS,
        ackedInWindow: round.ackedInWindow,
        ackedPerSecond: round.ackedInWindow / windowS,
        ackedTotal: records.filter((r) => r.ackedAt !== undefined).length,
        ackedByDrainEnd: acked.length,
        submittedTotal: records.length,
        refused: round.refused,
        transportErrors: round.invokeErrors,
        transportErrorSamples: [...round.invokeErrorSamples],
        inFlightAtWindowEnd: inFlightAtEnd,
        unackedAfterDrain,
        skippedBacklog: round.skippedBacklog,
      },
      latency: { ack: latencySummary(round.ackLatency), peer: latencySummary(round.peerLatency) },
      integrity: {
        lostToPeer: acked.filter((r) => r.peerSeen === 0).length,
        missingOwnEcho: acked.filter((r) => r.selfSeen === 0).length,
        duplicateEventSeqs: round.duplicateSeqs,
        duplicateDeliveries: round.duplicateDeliveries,
        seqGaps: gaps,
        outOfOrder: round.outOfOrder,
        seqMismatches: round.seqMismatches,
        unexpectedCloses: round.unexpectedCloses,
      },
      volatile: { dragPreviewsSent: round.previewsSent, peerDragsReceived: round.peerDragsReceived, cursorsSent: round.cursorsSent },
      memory: {
        baselineRssKb: baselineRss,
        connectedRssKb: connectedRss,
        endRssKb: endRss,
        peakRssKb: peakRss,
        perParticipantConnectedKb: Math.round(((connectedRss - baselineRss) / (2 * R)) * 10) / 10,
        perParticipantKb: Math.round(((endRss - baselineRss) / (2 * R)) * 10) / 10,
      },
      cpu: {
        serverSeconds: round2(cpu1.server - cpu0.server),
        serverSecondsByThread: threadSecondsBetween(cpu0.threads, cpu1.threads),
        postgresSeconds: postmasterPid ? round2(postgresSecondsBetween(cpu0.pg, cpu1.pg)) : null,
        loadGeneratorSeconds: round2((cpu1.self.user + cpu1.self.system) / 1e6),
        machineBusySeconds: round2(cpu1.machine - cpu0.machine),
        // The edit loops can end a little after the window when the load generator lags: the real span counts.
        measuredSeconds: round2((cpu1.at - cpu0.at) / 1000),
        availableCoreSeconds: round2(((cpu1.at - cpu0.at) / 1000) * cpuCount()),
      },
      loadGenerator: {
        eventLoopDelayP50Ms: round2(loopDelay.percentile(50) / 1e6),
        eventLoopDelayP99Ms: round2(loopDelay.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round2(loopDelay.max / 1e6),
        clientLogWarnings: round.clientLog.warnings,
        clientLogErrors: round.clientLog.errors,
        clientLogSamples: [...round.clientLog.samples],
      },
    });
  } finally {
    clearInterval(sampler);
    log(`R=${R}: closing the connections`);
    await withTimeout(Promise.all(participants.map((p) => p.stop())), 60_000, "closing the connections").catch((e) => log(String(e.message)));
  }

  // Unacknowledged ops may still be committed after their connection closed: count the rows once things are quiet.
  result.databaseQuietSeconds = await waitForQuietDatabase(sessionIds);
  const rows = await diagramRows(sessionIds);
  const ackedIds = new Set();
  for (const [opId, r] of round.sent) if (r.ackedAt !== undefined) ackedIds.add(opId);
  let lostInDb = 0;
  for (const id of ackedIds) if (!rows.clientIds.has(id)) lostInDb++;
  let persistedUnacked = 0;
  for (const id of rows.clientIds) if (!ackedIds.has(id)) persistedUnacked++;
  result.ops.persisted = rows.count;
  result.integrity.lostInDatabase = lostInDb;
  result.integrity.duplicateOpRows = rows.duplicated;
  result.integrity.persistedButNotAcked = persistedUnacked;
  result.serverLog = serverLogSince();
  return result;
}

const round2 = (v) => Math.round(v * 100) / 100;
const cpuCount = () => readFileSync("/proc/cpuinfo", "utf8").split("\n").filter((l) => /^processor\s*:/.test(l)).length || 1;

// ------------------------------------------------------------------------------------------- report
/** Thread-pool workers, garbage collector, JIT (tiered compilation), everything else. */
function threadGroups(byName) {
  const groups = [0, 0, 0, 0];
  for (const [name, seconds] of Object.entries(byName ?? {})) {
    const i = /TP Worker/.test(name) ? 0 : /GC/.test(name) ? 1 : /Tiered/.test(name) ? 2 : 3;
    groups[i] += seconds;
  }
  return groups;
}

function markdown(report) {
  const rs = report.rounds;
  const fmt = (v, digits = 0) => (v === null || v === undefined ? "–" : typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(v));
  const ms = (v) => (v === null || v === undefined ? "–" : v < 100 ? fmt(v, 1) : fmt(v, 0));
  const mb = (kb) => fmt(kb / 1024, 0);
  const codes = (refused) => Object.entries(refused).map(([c, n]) => `${c} ${n}`).join(", ") || "0";
  const rows = [
    ["Interviews (R) / hub connections", (r) => `${fmt(r.rooms)} / ${fmt(r.connections)}`],
    ["Edit → ack latency p50 / p99 (ms)", (r) => `${ms(r.latency.ack.p50Ms)} / ${ms(r.latency.ack.p99Ms)}`],
    ["Edit → peer latency p50 / p99 (ms)", (r) => `${ms(r.latency.peer.p50Ms)} / ${ms(r.latency.peer.p99Ms)}`],
    ["Worst ack / peer latency (ms)", (r) => `${ms(r.latency.ack.maxMs)} / ${ms(r.latency.peer.maxMs)}`],
    ["Ops offered per second (window)", (r) => fmt(r.ops.offeredPerSecond, 1)],
    ["Ops acknowledged per second (window)", (r) => fmt(r.ops.ackedPerSecond, 1)],
    ["Ops acknowledged / persisted (whole round)", (r) => `${fmt(r.ops.ackedTotal)} / ${fmt(r.ops.persisted)}`],
    ["Lost: not seen by peer / not in DB", (r) => `${fmt(r.integrity.lostToPeer)} / ${fmt(r.integrity.lostInDatabase)}`],
    ["Duplicated: event seq / op rows", (r) => `${fmt(r.integrity.duplicateEventSeqs)} / ${fmt(r.integrity.duplicateOpRows)}`],
    ["Sequence gaps (all connections)", (r) => fmt(r.integrity.seqGaps)],
    ["Refused ops (by code)", (r) => codes(r.ops.refused)],
    ["Transport errors / unexpected closes / failed connects", (r) => `${fmt(r.ops.transportErrors)} / ${fmt(r.integrity.unexpectedCloses)} / ${fmt(r.connectFailures)}`],
    ["Edits skipped (10 already in flight)", (r) => fmt(r.ops.skippedBacklog)],
    ["Unacked at window end / after the 10 s drain", (r) => `${fmt(r.ops.inFlightAtWindowEnd)} / ${fmt(r.ops.unackedAfterDrain)}`],
    ["Persisted after the drain, never acked", (r) => fmt(r.integrity.persistedButNotAcked)],
    ["Server RSS: baseline / connected, idle / end of load / peak (MB)", (r) => `${mb(r.memory.baselineRssKb)} / ${mb(r.memory.connectedRssKb)} / ${mb(r.memory.endRssKb)} / ${mb(r.memory.peakRssKb)}`],
    // Below ~100 connections the garbage collector's swings (tens of MB) drown the connections' share.
    ["Server memory per participant: connected, idle / end of load (KB)", (r) => (r.connections < 100
      ? "too few to tell"
      : `${fmt(r.memory.perParticipantConnectedKb, 0)} / ${fmt(r.memory.perParticipantKb, 0)}`)],
    ["CPU s in window: server / PostgreSQL / load gen", (r) => `${fmt(r.cpu.serverSeconds, 1)} / ${fmt(r.cpu.postgresSeconds, 1)} / ${fmt(r.cpu.loadGeneratorSeconds, 1)}`],
    ["Server CPU s by thread: pool workers / GC / JIT / other", (r) => threadGroups(r.cpu.serverSecondsByThread).map((v) => fmt(v, 1)).join(" / ")],
    ["CPU s in window: other processes / machine busy / available", (r) => `${fmt(r.cpu.machineBusySeconds - r.cpu.serverSeconds - (r.cpu.postgresSeconds ?? 0) - r.cpu.loadGeneratorSeconds, 1)} / ${fmt(r.cpu.machineBusySeconds, 1)} / ${fmt(r.cpu.availableCoreSeconds, 1)}`],
    ["Load generator event-loop delay p99 (ms)", (r) => ms(r.loadGenerator.eventLoopDelayP99Ms)],
    ["Drag previews sent / relayed to peer", (r) => `${fmt(r.volatile.dragPreviewsSent)} / ${fmt(r.volatile.peerDragsReceived)}`],
    ["Server log warn / fail / crit", (r) => `${fmt(r.serverLog.warn)} / ${fmt(r.serverLog.fail)} / ${fmt(r.serverLog.crit)}`],
    ["Setup s: interviews / connections / first nodes", (r) => `${fmt(r.setupSeconds.interviews, 1)} / ${fmt(r.setupSeconds.connections, 1)} / ${fmt(r.setupSeconds.firstNodes, 1)}`],
  ];
  const lines = [
    `# Canvas benchmark, ${report.startedAt}`,
    "",
    `${report.machine.cores} cores (${report.machine.model}), load average ${report.machine.loadAverageAtStart} at start; ` +
      `${report.windowSeconds} s window per R, after an unreported warm-up round (R=${WARMUP_ROOMS}, ${WARMUP_SECONDS} s); ` +
      "PostgreSQL with fsync on; server, PostgreSQL and load generator on the same machine. " +
      (SERVER_PIDS.length > 1
        ? `${SERVER_PIDS.length} nodes (one cluster): the interviewer on node 1, the candidate on node 2; server figures are summed over the nodes. `
        : "One node. ") + "See bench/README.md.",
    "",
    `| Metric | ${rs.map((r) => `R = ${r.rooms}`).join(" | ")} |`,
    `|---|${rs.map(() => "---:").join("|")}|`,
    ...rows.map(([name, f]) => `| ${name} | ${rs.map((r) => f(r)).join(" | ")} |`),
    "",
  ];
  const notes = [];
  for (const r of rs) {
    for (const m of r.serverLog.messages) notes.push(`- R=${r.rooms} server log: ${m}`);
    for (const m of r.ops.transportErrorSamples) notes.push(`- R=${r.rooms} transport error: ${m}`);
    for (const m of r.connectErrors) notes.push(`- R=${r.rooms} connect error: ${m}`);
    for (const m of r.loadGenerator.clientLogSamples) notes.push(`- R=${r.rooms} client log: ${m}`);
    const extra = r.integrity;
    if (extra.missingOwnEcho || extra.duplicateDeliveries || extra.outOfOrder || extra.seqMismatches) {
      notes.push(`- R=${r.rooms}: own echo missing ${extra.missingOwnEcho}, ` +
        `duplicate deliveries ${extra.duplicateDeliveries}, out of order ${extra.outOfOrder}, ack/event seq mismatches ${extra.seqMismatches}`);
    }
  }
  if (notes.length) lines.push("Notes:", "", ...notes, "");
  return lines.join("\n");
}

// ------------------------------------------------------------------------------------------- main
async function main() {
  const startedAt = new Date().toISOString();
  const cpuInfo = readFileSync("/proc/cpuinfo", "utf8");
  const report = {
    benchmark: "canvas",
    startedAt,
    windowSeconds: WINDOW_S,
    machine: {
      cores: cpuCount(),
      model: (/^model name\s*:\s*(.*)$/m.exec(cpuInfo)?.[1] ?? "unknown").trim(),
      loadAverageAtStart: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
      memoryMb: Math.round(Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync("/proc/meminfo", "utf8"))[1]) / 1024),
      node: process.version,
    },
    settings: { editIntervalMs: EDIT_INTERVAL_MS, maxInFlightPerConnection: MAX_IN_FLIGHT, drainMs: DRAIN_MS, settleMs: SETTLE_MS },
    rounds: [],
  };
  const postmasterPid = await findPostmasterPid();
  if (!postmasterPid) log("PostgreSQL's processes are not readable here: its CPU is not reported");

  const tag = args.stamp ?? Date.now().toString(36);
  const a = new User("interviewer", BASE);
  const b = new User("candidate", BASE_B);
  log("registering the two users through /account/register");
  await a.register(`bench-a-${tag}@example.test`.toLowerCase(), "Bench interviewer");
  await b.register(`bench-b-${tag}@example.test`.toLowerCase(), "Bench candidate");

  // An unreported first round, so that start-up costs (JIT compilation, first database connections, the heaps
  // growing) do not land on the first measured R.
  log(`warm-up round: R=${WARMUP_ROOMS} for ${WARMUP_SECONDS} s, not reported in the table`);
  report.warmUpRound = await runRound(0, WARMUP_ROOMS, WARMUP_SECONDS, a, b, postmasterPid);

  for (const [i, R] of ROOM_COUNTS.entries()) {
    const result = await runRound(i + 1, R, WINDOW_S, a, b, postmasterPid);
    report.rounds.push(result);
    log(`R=${R}: ack p50 ${result.latency.ack.p50Ms} ms p99 ${result.latency.ack.p99Ms} ms, ` +
      `peer p50 ${result.latency.peer.p50Ms} ms p99 ${result.latency.peer.p99Ms} ms, ${result.ops.ackedPerSecond.toFixed(1)} acks/s`);
    writeFileSync(args.json, JSON.stringify(report, null, 2) + "\n");
  }
  report.finishedAt = new Date().toISOString();
  writeFileSync(args.json, JSON.stringify(report, null, 2) + "\n");
  writeFileSync(args.md, markdown(report));
}

main().then(
  () => process.exit(0),
  (err) => { console.error(err?.stack ?? String(err)); process.exit(1); },
);
