'use strict';
// Starts pairpad's jar on a fresh data directory, waits for /health, samples the CPU and memory of the
// java process and of every PostgreSQL process of its embedded database, and stops it again. A cluster is
// N such instances on one PostgreSQL (instance 1's embedded one) and one Redis of its own.

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const CLK_TCK = 100;
const PAGE = 4096;

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function startServer(o) {
  // Otherwise /health could answer from another server already on this port.
  if ((await listenable(o.port)) === null) throw new Error(`port ${o.port} is in use: choose another with --port`);
  const dataDir = fs.mkdtempSync(path.join(o.tmp || os.tmpdir(), 'pairpad-bench-'));
  const logFile = path.join(dataDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const env = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(o.port),
    PAIRPAD_DATA_DIR: dataDir,
    PAIRPAD_ROOMS_PER_MINUTE: '1000000',
    ...o.env,
  });
  const args = [...(o.jvmArgs || []), '-jar', o.jar];
  const t0 = Date.now();
  // java (and the PostgreSQL it starts) inherits this process's niceness (run.js --nice).
  const proc = spawn('java', args, { env, stdio: ['ignore', out, out] });
  let exited = null;
  proc.on('exit', (code, sig) => {
    exited = { code, sig };
  });
  const server = { proc, pid: proc.pid, base: `http://127.0.0.1:${o.port}`, port: o.port, dataDir, logFile,
    exited: () => exited };
  try {
    await waitHealthy(server, Date.now() + (o.startTimeoutMs || 180000));
  } catch (e) {
    // Nothing of a failed start stays running; its data directory stays for the log.
    await stopServer(server, true);
    throw e;
  }
  server.startMs = Date.now() - t0;
  const m = /embedded PostgreSQL on port (\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
  server.pgPort = m ? Number(m[1]) : null;
  return server;
}

async function waitHealthy(server, deadline) {
  for (;;) {
    if (server.exited()) {
      throw new Error(`server exited during start (${JSON.stringify(server.exited())}); log: ${server.logFile}`);
    }
    if (Date.now() > deadline) throw new Error(`server not healthy in time; log: ${server.logFile}`);
    try {
      const res = await fetch(`${server.base}/health`);
      if (res.status === 200) return;
    } catch (e) {
      // not listening yet
    }
    await sleep(100);
  }
}

async function stopServer(server, keep) {
  if (!server) return;
  if (!server.exited()) {
    server.proc.kill('SIGTERM');
    const deadline = Date.now() + 30000;
    while (!server.exited() && Date.now() < deadline) await sleep(100);
    if (!server.exited()) {
      server.proc.kill('SIGKILL');
      await sleep(500);
    }
  }
  // The embedded postmaster normally stops with the JVM; make sure this run's one is gone.
  const pm = postmasterPid(server.dataDir);
  if (pm && alive(pm)) {
    try {
      process.kill(pm, 'SIGINT');
    } catch (e) {
      // gone
    }
    await sleep(1000);
  }
  if (!keep) fs.rmSync(server.dataDir, { recursive: true, force: true });
}

/** Whether nothing listens on this port (port 0: any free port); resolves to the port, or null. */
function listenable(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.on('error', () => resolve(null));
    srv.listen(port, () => {
      const free = srv.address().port;
      srv.close(() => resolve(free));
    });
  });
}

/** A free TCP port. */
async function freePort() {
  const port = await listenable(0);
  if (port === null) throw new Error('no free port');
  return port;
}

/** True when a Redis on this port answers PING. */
function pong(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write('PING\r\n'));
    sock.setTimeout(1000, () => sock.destroy());
    sock.on('data', (d) => {
      sock.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    sock.on('error', () => resolve(false));
    sock.on('close', () => resolve(false));
  });
}

/** A redis-server of its own on a free port, without persistence. */
async function startRedis() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch (e) {
    throw new Error('redis-server is missing (apt-get install redis-server); it is needed for --instances > 1 and --redis');
  }
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-2000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  let exited = null;
  proc.on('exit', (code, sig) => {
    exited = { code, sig };
  });
  const deadline = Date.now() + 10000;
  while (!(await pong(port))) {
    if (exited || Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port} (${JSON.stringify(exited)}): ${output}`);
    }
    await sleep(100);
  }
  return { proc, pid: proc.pid, port, url: `redis://127.0.0.1:${port}`, exited: () => exited };
}

async function stopRedis(redis) {
  if (!redis || redis.exited()) return;
  redis.proc.kill('SIGTERM');
  const deadline = Date.now() + 10000;
  while (!redis.exited() && Date.now() < deadline) await sleep(100);
  if (!redis.exited()) redis.proc.kill('SIGKILL');
}

/**
 * Starts, recording each process in cluster as it comes up so that stopCluster stops whatever did start:
 * Redis when o.redis, instance 1 on o.port with its embedded PostgreSQL, then instances 2..o.instances on
 * the next ports with DATABASE_URL pointing at that PostgreSQL.
 */
async function startCluster(o, cluster) {
  if (o.redis) cluster.redis = await startRedis();
  const env = cluster.redis ? { ...o.env, REDIS_URL: cluster.redis.url } : o.env;
  const first = await startServer({ ...o, env });
  cluster.servers.push(first);
  if (o.instances === 1) return;
  if (!first.pgPort) throw new Error(`no embedded PostgreSQL port in ${first.logFile}`);
  const DATABASE_URL = `jdbc:postgresql://127.0.0.1:${first.pgPort}/postgres?user=postgres`;
  for (let i = 1; i < o.instances; i++) {
    cluster.servers.push(await startServer({ ...o, port: o.port + i, env: { ...env, DATABASE_URL } }));
  }
}

/** Instances N..2, then instance 1 (which owns the PostgreSQL), then Redis. */
async function stopCluster(cluster, keep) {
  for (const server of [...cluster.servers].reverse()) await stopServer(server, keep);
  await stopRedis(cluster.redis);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return false;
  }
}

function postmasterPid(dataDir) {
  try {
    const first = fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(first);
    return pid > 0 ? pid : null;
  } catch (e) {
    return null;
  }
}

function readStat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // fields after the name: state(3) ppid(4) ... utime(14) stime(15)
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch (e) {
    return null;
  }
}

function readMem(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) * 1024 : 0;
    };
    return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
  } catch (e) {
    return null;
  }
}

function children(ppid) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = readStat(Number(d));
    if (st && st.ppid === ppid) out.push(Number(d));
  }
  return out;
}

function machineTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Samples the servers (every instance's java, the PostgreSQL processes and Redis) every intervalMs: per-pid
 * CPU ticks, and the memory sums at each sample, keeping the peaks.
 */
class ServerSampler {
  constructor(servers, redis, intervalMs = 250) {
    this.servers = servers;
    this.redis = redis;
    this.intervalMs = intervalMs;
    this.ticks = new Map(); // pid -> {kind, instance, ticks}
    this.pgPids = [];
    this.lastScan = 0;
    this.peak = ServerSampler.noPeak();
    this.timer = null;
  }
  static noPeak() {
    return { rss: 0, unique: 0, javaRss: 0, pgRss: 0, redisRss: 0 };
  }
  scan() {
    this.pgPids = this.servers.flatMap((s) => {
      const pm = postmasterPid(s.dataDir);
      return pm ? [pm, ...children(pm)] : [];
    });
    this.lastScan = Date.now();
  }
  /** [pid, kind, instance index] of every process counted as the server. */
  pids() {
    return [
      ...this.servers.map((s, i) => [s.pid, 'java', i]),
      ...this.pgPids.map((p) => [p, 'pg']),
      ...(this.redis ? [[this.redis.pid, 'redis']] : []),
    ];
  }
  sample() {
    if (Date.now() - this.lastScan > 2000) this.scan();
    const sum = ServerSampler.noPeak();
    let maxShared = 0;
    for (const [pid, kind, instance] of this.pids()) {
      const st = readStat(pid);
      if (st) this.ticks.set(pid, { kind, instance, ticks: st.ticks });
      const m = readMem(pid);
      if (!m) continue;
      sum.rss += m.rss;
      sum[`${kind}Rss`] += m.rss;
      if (kind === 'pg') {
        sum.unique += m.anon;
        maxShared = Math.max(maxShared, m.file + m.shmem);
      } else {
        sum.unique += m.rss;
      }
    }
    sum.unique += maxShared;
    for (const k of Object.keys(sum)) this.peak[k] = Math.max(this.peak[k], sum[k]);
  }
  start() {
    this.scan();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }
  stop() {
    clearInterval(this.timer);
  }
  resetPeak() {
    this.peak = ServerSampler.noPeak();
    this.sample();
  }
  /** A CPU mark: ticks per pid now, and the machine's. */
  mark() {
    this.sample();
    const per = new Map();
    for (const [pid, v] of this.ticks) per.set(pid, { ...v });
    return { at: Date.now(), per, machine: machineTicks(), self: process.cpuUsage() };
  }
  /**
   * CPU between two marks, in % of one core: java (all instances, and each one), postgres, redis, their sum,
   * and the machine as a whole.
   */
  static cpu(a, b) {
    const secs = (b.at - a.at) / 1000;
    const pctOf = (ticks) => (ticks / CLK_TCK / secs) * 100;
    const ticks = { java: 0, pg: 0, redis: 0 };
    const perJava = [];
    for (const [pid, v] of b.per) {
      const before = a.per.get(pid);
      const d = v.ticks - (before ? before.ticks : 0);
      ticks[v.kind] += d;
      if (v.kind === 'java') perJava[v.instance] = (perJava[v.instance] || 0) + d;
    }
    const m = (b.machine.busy - a.machine.busy) / (b.machine.total - a.machine.total);
    const selfUs = b.self.user + b.self.system - a.self.user - a.self.system;
    return {
      javaPct: pctOf(ticks.java),
      perInstanceJavaPct: Array.from(perJava, (t) => pctOf(t || 0)),
      pgPct: pctOf(ticks.pg),
      redisPct: pctOf(ticks.redis),
      serverPct: pctOf(ticks.java + ticks.pg + ticks.redis),
      machinePct: m * os.cpus().length * 100,
      coordinatorPct: (selfUs / 1e6 / secs) * 100,
      secs,
    };
  }
}

function psql(server, sql) {
  if (!server.pgPort) return null;
  try {
    return execFileSync('psql', ['-h', '127.0.0.1', '-p', String(server.pgPort), '-U', 'postgres', '-d',
      'postgres', '-At', '-F', ',', '-c', sql], { encoding: 'utf8', timeout: 30000 }).trim();
  } catch (e) {
    return null;
  }
}

function jcmd(pid, ...args) {
  return execFileSync('jcmd', [String(pid), ...args], { encoding: 'utf8', timeout: 120000,
    maxBuffer: 64 * 1024 * 1024 });
}

module.exports = { startCluster, stopCluster, ServerSampler, psql, jcmd, sleep };
