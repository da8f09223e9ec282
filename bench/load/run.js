#!/usr/bin/env node
'use strict';
// pairpad load benchmark: starts the jar on a fresh data directory (or N instances on one PostgreSQL and
// one Redis), opens R rooms x U ot.js clients over real WebSockets from one or more generator processes
// (worker.js), types T edits/s per user for D seconds, and reports latencies, throughput, errors,
// convergence, server CPU/RSS (PostgreSQL and Redis included) and the generator's own CPU. See
// bench/load/README.md.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');
const { startCluster, stopCluster, ServerSampler, psql, jcmd, sleep } = require('./lib/server');

const ROOT = path.resolve(__dirname, '..', '..');

const SCENARIOS = {
  pair: { rooms: 200, users: 2, rate: 5, duration: 20 },
  crowd: { rooms: 5, users: 20, rate: 2, duration: 20 },
  ramp: { users: 2, rate: 5, duration: 10, warmup: 3, procs: 2 },
  bigdoc: { rooms: 50, users: 2, rate: 5, duration: 20 },
  idle: { rooms: 2500, users: 2 },
  custom: {},
};

const HELP = `usage: node run.js [--scenario pair|crowd|ramp|bigdoc|idle|custom] [options]
  --rooms R --users U --rate T (edits/s per user) --duration D (s, measured) --warmup W (s, not measured)
  --procs P            generator processes (rooms are split between them; default 1, ramp 2)
  --runs N             repeat with a fresh server each time and quote the median (default 1)
  --doc-bytes B        initial document size in characters (default 1000; bigdoc compares 1000 and 998000)
  --ramp-steps a,b,c   room counts for the ramp (default 50,100,200,300,400,500,600,700,800,1000,1200,1600)
  --ramp-p99 MS        the ramp stops at this edit->all-peers p99 (default 50)
  --ramp-warmup S      the ramp's first step types S s before it is measured, as a fresh server's JIT
                       compiles the edit path (default 60, like --warmup elsewhere; later steps: --warmup)
  --ramp-all           walk every step whatever the p99 (stop only if a generator passes 85 % CPU or
                       delivers under 90 % of the target), to see the whole curve
  --instances N        server instances (default 1): instance 1 owns the embedded PostgreSQL, the others
                       use it; all share a Redis of their own; the users of each room are split across them
  --redis              cluster mode with Redis even for 1 instance (the bus's own cost)
  --port N             server port (default 18480; instance i listens on N+i-1)
  --jar PATH           default target/pairpad.jar
  --jvm "ARGS"         extra JVM arguments (e.g. a JFR recording)
  --env K=V            extra server environment (repeatable), e.g. PAIRPAD_MSG_RATE=100
  --nice N             run server, PostgreSQL and generators at niceness N (e.g. -5 on a busy shared
                       machine; default: unchanged)
  --deflate            let clients offer permessage-deflate (off by default)
  --out DIR            where JSON results go (default bench/load/out)
  --keep-data          keep each instance's temp data directory and log
  --quiet-server-log   (default) server output goes to its log file in the data directory`;

function parseArgs(argv) {
  const o = { env: {}, jvm: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--scenario': o.scenario = val(); break;
      case '--rooms': o.rooms = Number(val()); break;
      case '--users': o.users = Number(val()); break;
      case '--rate': o.rate = Number(val()); break;
      case '--duration': o.duration = Number(val()); break;
      case '--warmup': o.warmup = Number(val()); break;
      case '--procs': o.procs = Number(val()); break;
      case '--runs': o.runs = Number(val()); break;
      case '--doc-bytes': o.docBytes = Number(val()); break;
      case '--ramp-steps': o.rampSteps = val().split(',').map(Number); break;
      case '--ramp-p99': o.rampP99 = Number(val()); break;
      case '--ramp-warmup': o.rampWarmup = Number(val()); break;
      case '--ramp-all': o.rampAll = true; break;
      case '--instances': o.instances = Number(val()); break;
      case '--redis': o.redis = true; break;
      case '--port': o.port = Number(val()); break;
      case '--jar': o.jar = val(); break;
      case '--jvm': o.jvm = val(); break;
      case '--env': {
        const [k, ...v] = val().split('=');
        o.env[k] = v.join('=');
        break;
      }
      case '--deflate': o.deflate = true; break;
      case '--nice': o.nice = Number(val()); break;
      case '--out': o.out = val(); break;
      case '--keep-data': o.keepData = true; break;
      case '--quiet-server-log': break;
      case '-h': case '--help': console.log(HELP); process.exit(0); break;
      default: throw new Error(`unknown option ${a}\n${HELP}`);
    }
  }
  o.scenario = o.scenario || 'pair';
  if (!SCENARIOS[o.scenario]) throw new Error(`unknown scenario ${o.scenario}`);
  const d = SCENARIOS[o.scenario];
  const pick = (k, dflt) => (o[k] !== undefined ? o[k] : d[k] !== undefined ? d[k] : dflt);
  const instances = o.instances === undefined ? 1 : o.instances;
  if (!Number.isInteger(instances) || instances < 1) throw new Error('--instances needs a whole number >= 1');
  // jcmd reads one JVM's heap.
  if (o.scenario === 'idle' && instances > 1) throw new Error('idle measures one instance: drop --instances');
  return {
    ...o,
    rooms: pick('rooms', 10),
    users: pick('users', 2),
    rate: pick('rate', 5),
    duration: pick('duration', 20),
    warmup: pick('warmup', 60),
    procs: pick('procs', 1),
    runs: o.runs || 1,
    docBytes: o.docBytes,
    rampSteps: o.rampSteps || [50, 100, 200, 300, 400, 500, 600, 700, 800, 1000, 1200, 1600],
    rampP99: o.rampP99 || 50,
    rampWarmup: o.rampWarmup ?? 60,
    instances,
    redis: !!o.redis || instances > 1,
    port: o.port || 18480,
    jar: path.resolve(ROOT, o.jar || 'target/pairpad.jar'),
    jvmArgs: o.jvm ? o.jvm.split(/\s+/).filter(Boolean) : [],
    out: path.resolve(ROOT, o.out || 'bench/load/out'),
  };
}

// ---------------------------------------------------------------------------------------- helpers

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(values) {
  const s = Float64Array.from(values).sort();
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s.length ? s[s.length - 1] : null };
}

function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Initial text of about n characters that looks like code. */
function documentOf(n) {
  const lines = [];
  let len = 0;
  let i = 0;
  while (len < n) {
    const line = `    value_${i} = compute(value_${i - 1 < 0 ? 0 : i - 1}, ${i * 7 % 101})  # step ${i}\n`;
    lines.push(line);
    len += line.length;
    i++;
  }
  return lines.join('').slice(0, n);
}

async function createRooms(server, n, code) {
  const ids = [];
  let next = 0;
  const body = JSON.stringify({ language: 'python', code });
  async function lane() {
    while (next < n) {
      next++;
      const res = await fetch(`${server.base}/api/rooms`, { method: 'POST', body,
        headers: { 'content-type': 'application/json' } });
      if (res.status !== 201) throw new Error(`POST /api/rooms: ${res.status} ${await res.text()}`);
      ids.push((await res.json()).roomId);
    }
  }
  await Promise.all(Array.from({ length: 8 }, lane));
  return ids;
}

class Worker {
  constructor(index) {
    this.index = index;
    this.proc = fork(path.join(__dirname, 'worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.seq = 0;
    this.waiting = new Map();
    this.proc.on('message', (m) => {
      const w = this.waiting.get(m.seq);
      if (!w) return;
      this.waiting.delete(m.seq);
      if (m.ok) w.resolve(m.result);
      else w.reject(new Error(`generator ${index}: ${m.error}`));
    });
    this.proc.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`generator ${index} exited with ${code}`));
      this.waiting.clear();
    });
  }
  call(msg) {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.proc.send({ ...msg, seq });
    });
  }
  async close() {
    if (!this.proc.connected) return;
    try {
      await Promise.race([this.call({ cmd: 'close' }), sleep(5000)]);
    } catch (e) {
      // already gone
    }
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Opens every room's clients; the generators split the users of each room across the instances. */
async function connect(workers, servers, ids, cfg, tag) {
  const shares = workers.map(() => []);
  ids.forEach((id, i) => shares[i % workers.length].push(id));
  const res = await Promise.all(workers.map((w, i) => w.call({
    cmd: 'connect', rooms: shares[i], users: cfg.users, ports: servers.map((s) => s.port), idPrefix: `${tag}w${i}`,
    deflate: !!cfg.deflate, seed: cfg.seed || 1, concurrency: 50,
  })));
  return { connected: res.reduce((a, r) => a + r.connected, 0), failed: res.reduce((a, r) => a + r.failed, 0) };
}

/** Types for warmup + duration on every worker at once; returns the merged figures of the measured window. */
async function typeOnce(workers, servers, sampler, cfg) {
  const startEpoch = Date.now() + 500;
  const warmupMs = cfg.warmup * 1000;
  const measureMs = cfg.duration * 1000;
  const runs = workers.map((w) => w.call({ cmd: 'run', startEpoch, warmupMs, measureMs, rate: cfg.rate }));
  await sleep(Math.max(0, startEpoch + warmupMs - Date.now()));
  const before = sampler.mark();
  sampler.resetPeak();
  await sleep(Math.max(0, startEpoch + warmupMs + measureMs - Date.now()));
  const after = sampler.mark();
  const peak = { ...sampler.peak };
  const results = await Promise.all(runs);
  const cpu = ServerSampler.cpu(before, after);

  const peer = summary(results.flatMap((r) => r.peer));
  const slow = slowWindows(results, cfg.duration);
  const ack = summary(results.flatMap((r) => r.ack));
  const errors = {};
  for (const r of results) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] || 0) + v;
  const typed = results.reduce((a, r) => a + r.typed, 0);
  const delivered = results.reduce((a, r) => a + r.delivered, 0);
  const undelivered = results.reduce((a, r) => a + r.undelivered, 0);
  const genCpu = results.map((r) => r.cpuPct);
  const generatorPct = genCpu.reduce((a, b) => a + b, 0) + cpu.coordinatorPct;
  const lagP99 = Math.max(...results.map((r) => r.lagP99 || 0));
  const eldP99 = Math.max(...results.map((r) => r.eldP99 || 0));
  // A generator that cannot keep its own schedule measures itself, not the server.
  const saturated = genCpu.some((c) => c > 85) || lagP99 > 10 || eldP99 > 20;

  // Group commit: rows and distinct writing transactions in the window, read from the database itself.
  const ws = (startEpoch + warmupMs) / 1000;
  const we = (startEpoch + warmupMs + measureMs) / 1000;
  const row = psql(servers[0], `SELECT count(*), count(DISTINCT xmin::text) FROM operations `
    + `WHERE created_at >= to_timestamp(${ws}) AND created_at < to_timestamp(${we})`);
  let opsPerCommit = null;
  let commitsPerS = null;
  if (row) {
    const [ops, txns] = row.split(',').map(Number);
    opsPerCommit = txns ? ops / txns : null;
    commitsPerS = txns / cfg.duration;
  }
  return {
    instances: servers.length,
    redis: cfg.redis,
    target: { rooms: cfg.roomsNow, users: cfg.users, rate: cfg.rate, editsPerS: cfg.roomsNow * cfg.users * cfg.rate },
    peer,
    slow,
    ack,
    editsMadePerS: typed / cfg.duration,
    editsDeliveredPerS: delivered / cfg.duration,
    undelivered,
    errors,
    errorCount: Object.values(errors).reduce((a, b) => a + b, 0),
    server: {
      cpuPct: cpu.serverPct, javaPct: cpu.javaPct, perInstanceJavaPct: cpu.perInstanceJavaPct, pgPct: cpu.pgPct,
      redisPct: cfg.redis ? cpu.redisPct : null,
      peakRssMB: peak.rss / 1048576, peakRssSharedOnceMB: peak.unique / 1048576,
      peakJavaRssMB: peak.javaRss / 1048576, peakPgRssMB: peak.pgRss / 1048576,
      peakRedisRssMB: cfg.redis ? peak.redisRss / 1048576 : null,
    },
    generator: {
      cpuPct: generatorPct, perProcessPct: genCpu, coordinatorPct: cpu.coordinatorPct,
      scheduleLagP99Ms: lagP99, eventLoopDelayP99Ms: eldP99, saturated,
    },
    machinePct: cpu.machinePct,
    otherPct: cpu.machinePct - cpu.serverPct - generatorPct,
    opsPerCommit,
    commitsPerS,
    quiet: results.every((r) => r.quiet),
  };
}

/**
 * Edits over 5 ms to their last peer, in all and by 100 ms window of typing time (seconds into the measured
 * window): a few crowded windows are stalls that hit every room at once (a collection, a commit queued behind
 * a large one), while a spread points at steady queueing.
 */
function slowWindows(results, durationS) {
  const byWindow = new Map();
  for (const r of results) {
    for (const [w, n] of Object.entries(r.slowByWindow)) byWindow.set(Number(w), (byWindow.get(Number(w)) || 0) + n);
  }
  const worst = [...byWindow.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([w, n]) => ({ atS: w / 10, edits: n }));
  return {
    edits: [...byWindow.values()].reduce((a, b) => a + b, 0),
    windows: byWindow.size,
    of: durationS * 10,
    worst,
  };
}

/** Every room's clients hold the REST code of instance 1 (the shared database's), at the same revision. */
async function convergence(workers, server) {
  const all = (await Promise.all(workers.map((w) => w.call({ cmd: 'texts' })))).flat();
  let converged = 0;
  const bad = [];
  let next = 0;
  async function lane() {
    while (next < all.length) {
      const room = all[next++];
      const res = await fetch(`${server.base}/api/rooms/${room.id}`);
      const body = await res.json();
      const sha = crypto.createHash('sha1').update(body.code).digest('hex');
      const ok = room.clients.length > 0
        && room.clients.every((c) => c.sha1 === sha && c.revision === body.revision && !c.pending);
      if (ok) converged++;
      else if (bad.length < 5) bad.push({ id: room.id, rest: { revision: body.revision, length: body.code.length }, clients: room.clients });
    }
  }
  await Promise.all(Array.from({ length: 8 }, lane));
  return { rooms: all.length, converged, bad };
}

function fmt(x, d = 1) {
  return x === null || x === undefined ? '-' : Number(x).toFixed(d);
}

function instancesTag(n, redis) {
  return `${n} instance${n === 1 ? '' : 's'}${redis ? ' + Redis' : ''}`;
}

/** java of each instance + pg (+ redis) */
function cpuParts(s) {
  return `java ${s.perInstanceJavaPct.map((c) => fmt(c, 0)).join('+')} + pg ${fmt(s.pgPct, 0)}`
    + `${s.redisPct === null ? '' : ` + redis ${fmt(s.redisPct, 0)}`}`;
}

function line(tag, r) {
  const p = r.peer;
  const a = r.ack;
  const conv = r.convergence ? `${r.convergence.converged}/${r.convergence.rooms}` : '-';
  return `${tag} [${instancesTag(r.instances, r.redis)}]: edit->all-peers ms p50 ${fmt(p.p50, 2)} p95 ${fmt(p.p95, 2)} p99 ${fmt(p.p99, 2)} max ${fmt(p.max, 1)} (n=${p.n})`
    + ` | over 5 ms ${r.slow.edits} in ${r.slow.windows} of ${r.slow.of} windows of 100 ms, worst`
    + ` ${r.slow.worst.map((w) => `${w.edits}@${fmt(w.atS, 1)}s`).join(' ')}`
    + ` | send->ack p50 ${fmt(a.p50, 2)} p99 ${fmt(a.p99, 2)} max ${fmt(a.max, 1)}`
    + ` | edits/s made ${fmt(r.editsMadePerS, 0)} delivered ${fmt(r.editsDeliveredPerS, 0)} (target ${r.target.editsPerS})`
    + ` | errors ${r.errorCount} undelivered ${r.undelivered} converged ${conv}`
    + ` | server CPU ${fmt(r.server.cpuPct, 0)}% (${cpuParts(r.server)})`
    + ` peak RSS ${fmt(r.server.peakRssMB, 0)} MB (shared once ${fmt(r.server.peakRssSharedOnceMB, 0)})`
    + ` | ops/commit ${fmt(r.opsPerCommit, 2)} commits/s ${fmt(r.commitsPerS, 0)}`
    + ` | generator CPU ${fmt(r.generator.cpuPct, 0)}% [${r.generator.perProcessPct.map((c) => fmt(c, 0)).join(',')}]`
    + ` lag p99 ${fmt(r.generator.scheduleLagP99Ms, 1)} ms loop p99 ${fmt(r.generator.eventLoopDelayP99Ms, 1)} ms`
    + `${r.generator.saturated ? ' SATURATED' : ''} | machine ${fmt(r.machinePct, 0)}% of ${os.cpus().length * 100}%`
    + ` (others ${fmt(r.otherPct, 0)}%)`;
}

// --------------------------------------------------------------------------------------- scenarios

/** Runs fn(servers, sampler, workers) on fresh instances (instance 1 first), and stops everything after. */
async function withCluster(cfg, fn) {
  const cluster = { servers: [], redis: null };
  const workers = [];
  let sampler = null;
  try {
    await startCluster(cfg, cluster);
    sampler = new ServerSampler(cluster.servers, cluster.redis);
    sampler.start();
    return await fn(cluster.servers, sampler, workers);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    if (sampler) sampler.stop();
    await stopCluster(cluster, cfg.keepData);
    if (cfg.keepData) console.log(`server data and logs kept in ${cluster.servers.map((s) => s.dataDir).join(' ')}`);
  }
}

async function loadRun(cfg, docBytes) {
  return withCluster(cfg, async (servers, sampler, workers) => {
    const ids = await createRooms(servers[0], cfg.rooms, documentOf(docBytes));
    for (let i = 0; i < Math.min(cfg.procs, cfg.rooms); i++) workers.push(new Worker(i));
    const conn = await connect(workers, servers, ids, cfg, 'r');
    const r = await typeOnce(workers, servers, sampler, { ...cfg, roomsNow: cfg.rooms });
    r.connect = conn;
    r.convergence = await convergence(workers, servers[0]);
    r.startMs = servers[0].startMs;
    r.docBytes = docBytes;
    return r;
  });
}

async function rampRun(cfg, docBytes) {
  return withCluster(cfg, async (servers, sampler, workers) => {
    for (let i = 0; i < cfg.procs; i++) workers.push(new Worker(i));
    const steps = [];
    let have = 0;
    for (const roomsNow of cfg.rampSteps) {
      const ids = await createRooms(servers[0], roomsNow - have, documentOf(docBytes));
      const conn = await connect(workers, servers, ids, cfg, `s${roomsNow}`);
      have = roomsNow;
      const warmup = steps.length === 0 ? cfg.rampWarmup : cfg.warmup;
      const r = await typeOnce(workers, servers, sampler, { ...cfg, roomsNow, warmup });
      r.connect = conn;
      r.convergence = await convergence(workers, servers[0]);
      steps.push(r);
      console.log(line(`  ramp ${roomsNow} rooms`, r));
      const ownCpuSaturated = r.generator.perProcessPct.some((c) => c > 85);
      const behind = r.editsDeliveredPerS < 0.9 * r.target.editsPerS;
      if (cfg.rampAll) {
        // Walk the whole curve; stop only when the generator's own CPU or the delivery rate gives out.
        if (ownCpuSaturated || behind || conn.failed > 0) break;
      } else if ((r.peer.p99 !== null && r.peer.p99 >= cfg.rampP99) || r.generator.saturated || conn.failed > 0) {
        break;
      }
    }
    const good = steps.filter((s) => s.peer.p99 !== null && s.peer.p99 < cfg.rampP99 && s.errorCount === 0
      && s.convergence.converged === s.convergence.rooms);
    const best = good.length ? good[good.length - 1] : null;
    const last = steps[steps.length - 1];
    return {
      steps,
      maxRoomsUnderP99: best ? best.target.rooms : 0,
      stoppedBy: cfg.rampAll ? (steps.length === cfg.rampSteps.length ? 'last step reached' : 'generator or delivery gave out')
        : stopReasons(last, cfg.rampP99),
      startMs: servers[0].startMs,
    };
  });
}

/** Why the ramp stopped at this step: every reason that held, the generator's own figures with its saturation. */
function stopReasons(step, p99Bound) {
  const reasons = [];
  if (step.peer.p99 >= p99Bound) reasons.push(`p99 ${fmt(step.peer.p99)} ms >= ${p99Bound}`);
  if (step.generator.saturated) {
    reasons.push(`generator saturated (CPU ${step.generator.perProcessPct.map((c) => fmt(c, 0)).join('+')} %,`
      + ` lag p99 ${fmt(step.generator.scheduleLagP99Ms, 1)} ms, loop p99 ${fmt(step.generator.eventLoopDelayP99Ms, 1)} ms)`);
  }
  return reasons.length ? reasons.join(' and ') : 'last step reached';
}

function heapUsed(pid) {
  jcmd(pid, 'GC.run');
  jcmd(pid, 'GC.run');
  const info = jcmd(pid, 'GC.heap_info');
  const m = /total\s+(\d+)K,\s+used\s+(\d+)K/.exec(info);
  return { usedBytes: m ? Number(m[2]) * 1024 : null, committedBytes: m ? Number(m[1]) * 1024 : null, info };
}

// The heap after GC once two readings 2 s apart agree within 1 MB: until the server's autocomplete warm-up
// (up to 10 s after start) is over, its caches would count in a baseline and not in the figure after.
async function steadyHeapUsed(pid) {
  let last = heapUsed(pid);
  for (let waited = 0; waited < 30000; waited += 2000) {
    await sleep(2000);
    const now = heapUsed(pid);
    if (Math.abs(now.usedBytes - last.usedBytes) < 1048576) return now;
    last = now;
  }
  return last;
}

function histogram(pid) {
  const out = jcmd(pid, 'GC.class_histogram');
  const map = new Map();
  for (const l of out.split('\n')) {
    const m = /^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/.exec(l);
    if (m) map.set(m[3], { count: Number(m[1]), bytes: Number(m[2]) });
  }
  return map;
}

async function idleRun(cfg, docBytes) {
  return withCluster(cfg, async ([server], sampler, workers) => {
    const ids = await createRooms(server, cfg.rooms, documentOf(docBytes));
    for (let i = 0; i < cfg.procs; i++) workers.push(new Worker(i));
    const before = await steadyHeapUsed(server.pid);
    const histBefore = histogram(server.pid);
    sampler.sample();
    const rssBefore = sampler.peak.rss;
    sampler.resetPeak();
    const rssBeforeJava = sampler.peak.javaRss;
    const conn = await connect(workers, [server], ids, cfg, 'i');
    await sleep(5000);
    const after = heapUsed(server.pid);
    const histAfter = histogram(server.pid);
    sampler.resetPeak();
    const connections = conn.connected;
    const grew = [];
    for (const [k, v] of histAfter) {
      const b = histBefore.get(k) || { count: 0, bytes: 0 };
      if (v.bytes - b.bytes > 0) grew.push({ class: k, bytes: v.bytes - b.bytes, count: v.count - b.count });
    }
    grew.sort((x, y) => y.bytes - x.bytes);
    const open = psql(server, 'SELECT sum(active_users) FROM rooms');
    return {
      rooms: cfg.rooms,
      connections,
      failed: conn.failed,
      heapBeforeBytes: before.usedBytes,
      heapAfterBytes: after.usedBytes,
      heapCommittedAfterBytes: after.committedBytes,
      bytesPerConnection: (after.usedBytes - before.usedBytes) / connections,
      javaRssBeforeMB: rssBeforeJava / 1048576,
      javaRssAfterMB: sampler.peak.javaRss / 1048576,
      rssPerConnectionBytes: (sampler.peak.javaRss - rssBeforeJava) / connections,
      serverRssSumBeforeMB: rssBefore / 1048576,
      serverRssSumAfterMB: sampler.peak.rss / 1048576,
      activeUsersInDb: open ? Number(open) : null,
      topGrowth: grew.slice(0, 15),
      startMs: server.startMs,
    };
  });
}

// --------------------------------------------------------------------------------------- main

const MEDIAN_FIELDS = [
  ['peer.p50'], ['peer.p95'], ['peer.p99'], ['peer.max'], ['ack.p50'], ['ack.p95'], ['ack.p99'], ['ack.max'],
  ['editsMadePerS'], ['editsDeliveredPerS'], ['errorCount'], ['undelivered'], ['server.cpuPct'],
  ['server.javaPct'], ['server.pgPct'], ['server.redisPct'], ['server.peakRssMB'], ['server.peakRssSharedOnceMB'],
  ['generator.cpuPct'], ['generator.scheduleLagP99Ms'], ['machinePct'], ['otherPct'], ['opsPerCommit'],
  ['commitsPerS'], ['startMs'],
];

function get(obj, dotted) {
  return dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function medians(runs) {
  const m = {};
  for (const [f] of MEDIAN_FIELDS) m[f] = median(runs.map((r) => get(r, f)));
  return m;
}

function printMedians(tag, runs) {
  const m = medians(runs);
  console.log(`${tag} [${instancesTag(runs[0].instances, runs[0].redis)}] MEDIAN of ${runs.length}: edit->all-peers p50 ${fmt(m['peer.p50'], 2)} p95 ${fmt(m['peer.p95'], 2)}`
    + ` p99 ${fmt(m['peer.p99'], 2)} max ${fmt(m['peer.max'], 1)} | send->ack p50 ${fmt(m['ack.p50'], 2)}`
    + ` p99 ${fmt(m['ack.p99'], 2)} | made ${fmt(m.editsMadePerS, 0)}/s delivered ${fmt(m.editsDeliveredPerS, 0)}/s`
    + ` | server CPU ${fmt(m['server.cpuPct'], 0)}% peak RSS ${fmt(m['server.peakRssMB'], 0)} MB`
    + ` (shared once ${fmt(m['server.peakRssSharedOnceMB'], 0)}) | ops/commit ${fmt(m.opsPerCommit, 2)}`
    + ` | generator CPU ${fmt(m['generator.cpuPct'], 0)}% | machine ${fmt(m.machinePct, 0)}%`);
  return m;
}

async function main() {
  const cfg = parseArgs(process.argv.slice(2));
  // Set before anything is started: the server, its PostgreSQL and the generators inherit it.
  if (cfg.nice) os.setPriority(0, cfg.nice);
  if (!fs.existsSync(cfg.jar)) throw new Error(`${cfg.jar} is missing: build it with mvn -q -o package -DskipTests`);
  fs.mkdirSync(cfg.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const record = {
    date: new Date().toISOString(),
    command: `node bench/load/run.js ${process.argv.slice(2).join(' ')}`,
    machine: { nproc: os.cpus().length, model: os.cpus()[0].model, memGiB: os.totalmem() / 2 ** 30, loadavg: os.loadavg() },
    config: { ...cfg, env: cfg.env },
    runs: [],
  };
  console.log(`pairpad load: ${cfg.scenario} ${JSON.stringify({ rooms: cfg.rooms, users: cfg.users, rate: cfg.rate,
    duration: cfg.duration, warmup: cfg.warmup, procs: cfg.procs, runs: cfg.runs, instances: cfg.instances,
    redis: cfg.redis, env: cfg.env, nice: cfg.nice || 0 })}`);

  if (cfg.scenario === 'bigdoc') {
    // The big document stays 2,000 characters under the default 1,000,000-character limit, so that the
    // run's typing (about 400 characters a room) never meets too_large.
    const sizes = cfg.docBytes ? [cfg.docBytes] : [1000, 998000];
    const bySize = Object.fromEntries(sizes.map((s) => [s, []]));
    for (let i = 0; i < cfg.runs; i++) {
      for (const size of sizes) {
        const r = await loadRun(cfg, size);
        bySize[size].push(r);
        record.runs.push(r);
        console.log(line(`run ${i + 1} doc ${size}`, r));
      }
    }
    record.medians = {};
    for (const size of sizes) record.medians[size] = printMedians(`doc ${size}`, bySize[size]);
    if (sizes.length === 2) {
      const ratio = record.medians[sizes[1]]['peer.p99'] / record.medians[sizes[0]]['peer.p99'];
      record.p99Ratio = ratio;
      console.log(`1 MB / 1 KB edit->all-peers p99 ratio: ${fmt(ratio, 2)}`);
    }
  } else if (cfg.scenario === 'ramp') {
    for (let i = 0; i < cfg.runs; i++) {
      const r = await rampRun(cfg, cfg.docBytes || 1000);
      record.runs.push(r);
      console.log(`ramp run ${i + 1}: most rooms with p99 < ${cfg.rampP99} ms: ${r.maxRoomsUnderP99} (stopped by ${r.stoppedBy})`);
    }
    record.medianMaxRooms = median(record.runs.map((r) => r.maxRoomsUnderP99));
    console.log(`ramp MEDIAN of ${cfg.runs}: ${record.medianMaxRooms} rooms`);
  } else if (cfg.scenario === 'idle') {
    for (let i = 0; i < cfg.runs; i++) {
      const r = await idleRun(cfg, cfg.docBytes || 1000);
      record.runs.push(r);
      console.log(`idle run ${i + 1}: ${r.connections} connections in ${r.rooms} rooms (failed ${r.failed});`
        + ` heap used after GC ${fmt(r.heapBeforeBytes / 1048576)} -> ${fmt(r.heapAfterBytes / 1048576)} MB:`
        + ` ${fmt(r.bytesPerConnection / 1024, 1)} KB per connection; java RSS ${fmt(r.javaRssBeforeMB, 0)} ->`
        + ` ${fmt(r.javaRssAfterMB, 0)} MB (${fmt(r.rssPerConnectionBytes / 1024, 1)} KB per connection)`);
      console.log(`  grew most: ${r.topGrowth.slice(0, 8).map((g) => `${g.class} ${fmt(g.bytes / 1024, 0)} KB`).join(', ')}`);
    }
    record.medianBytesPerConnection = median(record.runs.map((r) => r.bytesPerConnection));
    console.log(`idle MEDIAN of ${cfg.runs}: ${fmt(record.medianBytesPerConnection / 1024, 1)} KB per connection`);
  } else {
    for (let i = 0; i < cfg.runs; i++) {
      const r = await loadRun(cfg, cfg.docBytes || 1000);
      record.runs.push(r);
      console.log(line(`run ${i + 1}`, r));
    }
    record.medians = printMedians(cfg.scenario, record.runs);
  }
  const file = path.join(cfg.out, `${cfg.scenario}-${stamp}.json`);
  const slim = JSON.parse(JSON.stringify(record, (k, v) => (k === 'bad' && Array.isArray(v) && v.length === 0 ? undefined : v)));
  fs.writeFileSync(file, JSON.stringify(slim, null, 1));
  console.log(`results: ${path.relative(ROOT, file)}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
