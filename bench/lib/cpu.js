'use strict';

const fs = require('node:fs');

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU accounting around one measured run (Linux /proc; null elsewhere): how
 * busy the server process, the load generator (this process) and the whole
 * machine were. On a 2-core box this tells whether the server was CPU-bound
 * and what one request costs it. `pids` is the server's process id, or the
 * ids of all its processes (replicas), whose CPU is added up.
 */
function snapshot(pids) {
  return {
    at: process.hrtime.bigint(),
    server: serverSeconds(pids),
    self: process.cpuUsage(),
    machine: machineTicks(),
  };
}

function usageBetween(before, after, requests) {
  const wallS = Number(after.at - before.at) / 1e9;
  const pct = (seconds) => Math.round((seconds / wallS) * 1000) / 10;
  const serverS = before.server !== null && after.server !== null ? after.server - before.server : null;
  const selfS = (after.self.user - before.self.user + after.self.system - before.self.system) / 1e6;
  let machineBusyPct = null;
  if (before.machine && after.machine) {
    const total = after.machine.total - before.machine.total;
    const idle = after.machine.idle - before.machine.idle;
    machineBusyPct = total > 0 ? Math.round(((total - idle) / total) * 1000) / 10 : null;
  }
  return {
    serverCorePct: serverS === null ? null : pct(serverS),
    serverCpuMsPerRequest:
      serverS === null || requests === 0 ? null : Math.round((serverS * 1e6) / requests) / 1000,
    loadGeneratorCorePct: pct(selfS),
    machineBusyPct,
  };
}

function serverSeconds(pids) {
  let total = 0;
  for (const pid of [pids].flat()) {
    const seconds = processSeconds(pid);
    if (seconds === null) return null;
    total += seconds;
  }
  return total;
}

function processSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND; // utime + stime
  } catch {
    return null;
  }
}

function machineTicks() {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0); // user … steal
    return { total, idle: values[3] + (values[4] ?? 0) }; // idle + iowait
  } catch {
    return null;
  }
}

module.exports = { snapshot, usageBetween };
