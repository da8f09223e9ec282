#!/usr/bin/env node
'use strict';
// Prints Markdown rows from run.js result files: `node bench/load/report.js bench/load/out/pair-*.json`.

const fs = require('fs');

const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(d));

function loadRow(label, r) {
  const conv = r.convergence ? `${r.convergence.converged}/${r.convergence.rooms}` : '–';
  return `| ${label} | ${f(r.peer.p50, 2)} | ${f(r.peer.p95, 2)} | ${f(r.peer.p99, 2)} | ${f(r.peer.max, 0)} | `
    + `${f(r.ack.p50, 2)} | ${f(r.ack.p95, 2)} | ${f(r.ack.p99, 2)} | ${f(r.ack.max, 0)} | `
    + `${f(r.editsMadePerS, 0)} / ${f(r.editsDeliveredPerS, 0)} | ${r.errorCount} | ${conv} | `
    + `${f(r.server.cpuPct, 0)} (${f(r.server.javaPct, 0)}+${f(r.server.pgPct, 0)}`
    + `${r.server.redisPct == null ? '' : `+${f(r.server.redisPct, 0)}`}) | `
    + `${f(r.server.peakRssMB, 0)} (${f(r.server.peakRssSharedOnceMB, 0)}) | ${f(r.opsPerCommit, 2)} | `
    + `${f(r.generator.cpuPct, 0)}${r.generator.saturated ? ' sat.' : ''} | ${f(r.machinePct, 0)} / ${f(r.otherPct, 0)} |`;
}

const HEAD = '| run | peers p50 | p95 | p99 | max | ack p50 | p95 | p99 | max | edits/s made / delivered | errors '
  + '| converged | server CPU % (java+pg[+redis]) | peak RSS MB (shared once) | ops/commit | generator CPU % '
  + '| machine % / others % |\n|' + '---|'.repeat(17);

for (const file of process.argv.slice(2)) {
  const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(`\n${file}\n\`${rec.command}\` (${rec.date}, ${rec.config.instances || 1} instance(s)`
    + `${rec.config.redis ? ' + Redis' : ''})\n`);
  const scenario = rec.config.scenario;
  if (scenario === 'ramp') {
    rec.runs.forEach((run, i) => {
      console.log(`ramp run ${i + 1}: ${run.maxRoomsUnderP99} rooms (stopped by ${run.stoppedBy})\n\n${HEAD}`);
      run.steps.forEach((s) => console.log(loadRow(`${s.target.rooms} rooms`, s)));
      console.log('');
    });
  } else if (scenario === 'idle') {
    console.log('| run | connections | heap before MB | heap after MB | KB per connection | java RSS before → after MB | RSS KB per connection |\n|---|---|---|---|---|---|---|');
    rec.runs.forEach((r, i) => console.log(`| ${i + 1} | ${r.connections} | ${f(r.heapBeforeBytes / 1048576)} | `
      + `${f(r.heapAfterBytes / 1048576)} | ${f(r.bytesPerConnection / 1024)} | ${f(r.javaRssBeforeMB, 0)} → `
      + `${f(r.javaRssAfterMB, 0)} | ${f(r.rssPerConnectionBytes / 1024)} |`));
  } else {
    console.log(HEAD);
    rec.runs.forEach((r, i) => console.log(loadRow(`${i + 1}${r.docBytes && scenario === 'bigdoc' ? ` (${r.docBytes} chars)` : ''}`, r)));
  }
}
