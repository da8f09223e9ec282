'use strict';
// Starts pairpad's jar on a fresh data directory, waits for /health, samples the CPU and memory of the
// java process and of every PostgreSQL process of its embedded database, and stops it again.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const CLK_TCK = 100;
const PAGE = 4096;

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function startServer(o) {
  const dataDir = fs.mkdtempSync(path.join(o.tmp || os.tmpdir(), 'pairpad-bench-'));
  const logFile = path.join(dataDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const env = {
    ...process.env,
    PORT: String(o.port),
    PAIRPAD_DATA_DIR: dataDir,
    PAIRPAD_ROOMS_PER_MINUTE: '1000000',
    ...o.env,
  };
  delete env.DATABASE_URL;
  const args = [...(o.jvmArgs || []), '-jar', o.jar];
  const t0 = Date.now();
  // java (and the PostgreSQL it starts) inherits this process's niceness (run.js --nice).
  const proc = spawn('java', args, { env, stdio: ['ignore', out, out] });
  let exited = null;
  proc.on('exit', (code, sig) => {
    exited = { code, sig };
  });
  const base = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + (o.startTimeoutMs || 180000);
  for (;;) {
    if (exited) throw new Error(`server exited during start (${JSON.stringify(exited)}); log: ${logFile}`);
    if (Date.now() > deadline) throw new Error(`server not healthy in time; log: ${logFile}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) break;
    } catch (e) {
      // not listening yet
    }
    await sleep(100);
  }
  const startMs = Date.now() - t0;
  const log = fs.readFileSync(logFile, 'utf8');
  const m = /embedded PostgreSQL on port (\d+)/.exec(log);
  return {
    proc,
    pid: proc.pid,
    base,
    port: o.port,
    dataDir,
    logFile,
    pgPort: m ? Number(m[1]) : null,
    startMs,
    exited: () => exited,
  };
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
 * Samples the server (java + postmaster + its children) every intervalMs: per-pid CPU ticks, and the
 * memory sum at each sample, keeping the peak.
 */
class ServerSampler {
  constructor(server, intervalMs = 250) {
    this.server = server;
    this.intervalMs = intervalMs;
    this.ticks = new Map(); // pid -> {kind, ticks}
    this.pgPids = [];
    this.lastScan = 0;
    this.peak = { rss: 0, unique: 0, javaRss: 0, pgRss: 0 };
    this.timer = null;
  }
  scan() {
    const pm = postmasterPid(this.server.dataDir);
    this.pgPids = pm ? [pm, ...children(pm)] : [];
    this.lastScan = Date.now();
  }
  sample() {
    if (Date.now() - this.lastScan > 2000) this.scan();
    const pids = [[this.server.pid, 'java'], ...this.pgPids.map((p) => [p, 'pg'])];
    let rss = 0;
    let unique = 0;
    let maxShared = 0;
    let javaRss = 0;
    let pgRss = 0;
    for (const [pid, kind] of pids) {
      const st = readStat(pid);
      if (st) this.ticks.set(pid, { kind, ticks: st.ticks });
      const m = readMem(pid);
      if (!m) continue;
      rss += m.rss;
      if (kind === 'java') {
        unique += m.rss;
        javaRss = m.rss;
      } else {
        pgRss += m.rss;
        unique += m.anon;
        maxShared = Math.max(maxShared, m.file + m.shmem);
      }
    }
    unique += maxShared;
    if (rss > this.peak.rss) this.peak.rss = rss;
    if (unique > this.peak.unique) this.peak.unique = unique;
    if (javaRss > this.peak.javaRss) this.peak.javaRss = javaRss;
    if (pgRss > this.peak.pgRss) this.peak.pgRss = pgRss;
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
    this.peak = { rss: 0, unique: 0, javaRss: 0, pgRss: 0 };
    this.sample();
  }
  /** A CPU mark: ticks per pid now, and the machine's. */
  mark() {
    this.sample();
    const per = new Map();
    for (const [pid, v] of this.ticks) per.set(pid, { ...v });
    return { at: Date.now(), per, machine: machineTicks(), self: process.cpuUsage() };
  }
  /** CPU between two marks, in % of one core: java, postgres, and the machine as a whole. */
  static cpu(a, b) {
    const secs = (b.at - a.at) / 1000;
    let java = 0;
    let pg = 0;
    for (const [pid, v] of b.per) {
      const before = a.per.get(pid);
      const d = v.ticks - (before ? before.ticks : 0);
      if (v.kind === 'java') java += d;
      else pg += d;
    }
    const m = (b.machine.busy - a.machine.busy) / (b.machine.total - a.machine.total);
    const selfUs = b.self.user + b.self.system - a.self.user - a.self.system;
    return {
      javaPct: (java / CLK_TCK / secs) * 100,
      pgPct: (pg / CLK_TCK / secs) * 100,
      serverPct: ((java + pg) / CLK_TCK / secs) * 100,
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

module.exports = { startServer, stopServer, ServerSampler, psql, jcmd, sleep };
