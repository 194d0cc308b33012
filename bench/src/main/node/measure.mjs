// What the benchmark drivers share: options, the test containers they run, /proc readings of a
// process, order statistics. Only Node's own modules (plus the worker module of the ipc tests).
import { readFileSync, writeFileSync, readdirSync, readlinkSync } from 'node:fs';
import { docker } from '../../../../ipc/src/test/node/worker.mjs';

/** `--name value` options of argv, with defaults; flags (`--keep`) are true when present. */
export function options(defaults, argv = process.argv.slice(2)) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!argv[i].startsWith('--') || !(key in defaults)) throw new Error(`unknown argument ${argv[i]}; known: ${Object.keys(defaults).join(', ')}`);
    if (typeof defaults[key] === 'boolean') out[key] = true;
    else out[key] = typeof defaults[key] === 'number' ? Number(argv[++i]) : argv[++i];
  }
  return out;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The test containers PREFIX00..PREFIX(n-1) (as RoundLatency names them). */
export const names = (prefix, n) => Array.from({ length: n }, (_, i) => prefix + String(i).padStart(2, '0'));

/**
 * Starts those of `wanted` that are not running (idle busybox, --network none, the test bed's
 * label) and returns the ones it started, which the caller removes; running ones are left alone.
 */
export function ensureRunning(wanted) {
  const running = new Set(docker('ps', '--format', '{{.Names}}').split('\n'));
  const started = [];
  for (const name of wanted.filter((n) => !running.has(n))) {
    try { docker('rm', '-f', name); } catch { /* absent */ }
    docker('run', '-d', '--network', 'none', '--label', 'dockstat.testbed=1', '--name', name, 'local/busybox', 'sleep', '100000');
    started.push(name);
  }
  return started;
}

export function remove(containers) {
  if (containers.length) docker('rm', '-f', ...containers);
}

export const runningCount = () => docker('ps', '-q').split('\n').filter(Boolean).length;

const TICKS = 100; // USER_HZ on Linux

/** Peak and current resident memory (kB), CPU time used (utime + stime, ms) and threads of a process. */
export function procStats(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (k) => Number((status.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) || [])[1]);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { hwmKb: field('VmHWM'), rssKb: field('VmRSS'), cpuMs: (Number(f[11]) + Number(f[12])) * 1000 / TICKS, threads: field('Threads') };
}

/** Threads of a process, counted as /proc/PID/task entries. */
export const taskCount = (pid) => readdirSync(`/proc/${pid}/task`).length;

/** Open sockets of a process: its file descriptors that link to `socket:[inode]`. */
export function socketCount(pid) {
  let n = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try { if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) n++; } catch { /* closed meanwhile */ }
  }
  return n;
}

export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

/** The nearest-rank percentile p (0-100) of xs. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1))];
}

/** count, min, p25, median, p75, p90, p99, max and mean of xs, rounded to 0.01. */
export function summary(xs) {
  const r = (x) => Math.round(x * 100) / 100;
  return {
    count: xs.length, min: r(Math.min(...xs)), p25: r(percentile(xs, 25)), median: r(percentile(xs, 50)), p75: r(percentile(xs, 75)),
    p90: r(percentile(xs, 90)), p99: r(percentile(xs, 99)), max: r(Math.max(...xs)), mean: r(xs.reduce((a, b) => a + b, 0) / xs.length),
  };
}

export function writeJson(file, value) {
  if (file) writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
