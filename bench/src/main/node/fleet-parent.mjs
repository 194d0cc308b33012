// The Node.js parent of the fleet benchmarks: serve-ipc spawned as Dockhand spawns it (worker.mjs),
// configured the way Dockhand's server configures it (every environment in one write, then the
// metrics interval and the event mode), and everything it writes kept as compact per-environment
// records: metrics times, status lines, events with their latency (engine timeNano to the line read
// here), disk checks. The worker process is sampled from outside through /proc every few seconds.
import { writeFileSync } from 'node:fs';
import { Worker, now } from '../../../../ipc/src/test/node/worker.mjs';
import { procStats, taskCount, socketCount, loadavg, sleep } from './measure.mjs';
import { dockhandBurst, configureFor } from './synthetic.mjs';

export class FleetParent {
  /** @param endpoints the engines, environment i + 1 for endpoints[i] */
  constructor(endpoints, { intervalMs = 30000, env = {}, sampleMs = 5000, observe = null } = {}) {
    this.endpoints = endpoints;
    this.intervalMs = intervalMs;
    this.worker = new Worker(env);
    this.metrics = endpoints.map(() => []); // per environment: wall ms of each metrics line
    this.disk = endpoints.map(() => []);
    this.status = []; // { t, envId, online, error }
    this.events = []; // { t, envId, key, lat }
    this.errors = [];
    this.samples = []; // { t, cpuMs, rssKb, hwmKb, tasks, sockets, load1, ...observe() }
    this.observe = observe;
    this.drainTimer = setInterval(() => this.drain(), 500);
    this.sampleTimer = null;
    this.sampleMs = sampleMs;
  }

  get pid() { return this.worker.child.pid; }

  /** Waits for ready, sends the burst; resolves when every environment said its first status (or `ms` passed). */
  async start(ms = 120000) {
    await this.worker.waitFor('ready', () => true, 30000);
    this.worker.messages.length = 0;
    this.sample();
    this.sampleTimer = setInterval(() => this.sample(), this.sampleMs);
    this.configuredAt = Date.now();
    this.worker.sendAll(dockhandBurst(this.endpoints, this.intervalMs));
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      this.drain();
      if (new Set(this.status.map((s) => s.envId)).size >= this.endpoints.length) break;
      await sleep(200);
    }
    return this.status.filter((s) => s.online).length;
  }

  /** Dockhand's settings refresh: every configure again (unchanged), the interval, the event mode, in one write. */
  reconfigure() { this.worker.sendAll(dockhandBurst(this.endpoints, this.intervalMs)); }

  configureOne(envId) { this.worker.send(configureFor(envId, this.endpoints[envId - 1])); }

  /** Moves the worker's messages into the compact records (the Worker keeps every message otherwise). */
  drain() {
    const batch = this.worker.messages.splice(0);
    if (!batch.length) return;
    const offset = Date.now() - now(); // the lines' times are monotonic; events carry wall-clock times
    for (const { at, msg } of batch) {
      const t = at + offset;
      const i = msg.envId - 1;
      switch (msg.type) {
        case 'metrics': if (this.metrics[i]) this.metrics[i].push(t); break;
        case 'disk_usage': if (this.disk[i]) this.disk[i].push(t); break;
        case 'env_status': this.status.push({ t, envId: msg.envId, online: msg.online, error: msg.error }); break;
        case 'container_event': {
          const e = msg.event;
          this.events.push({ t, envId: msg.envId, key: eventKey(e), lat: t - e.timeNano / 1e6 });
          break;
        }
        case 'error': if (this.errors.length < 1000) this.errors.push({ t, envId: msg.envId, error: msg.error }); break;
        default: break;
      }
    }
  }

  sample() {
    try {
      const p = procStats(this.pid);
      this.samples.push({ t: Date.now(), cpuMs: p.cpuMs, rssKb: p.rssKb, hwmKb: p.hwmKb, tasks: taskCount(this.pid),
        sockets: socketCount(this.pid), load1: loadavg()[0], ...(this.observe ? this.observe() : {}) });
    } catch { /* the worker has ended */ }
  }

  /** Shuts the worker down (SIGKILL if it has not exited 10 s after `shutdown`); returns its exit and how long it took. */
  async stop() {
    this.sample();
    clearInterval(this.sampleTimer);
    const asked = Date.now();
    const killer = setTimeout(() => { this.killed = true; this.worker.child.kill('SIGKILL'); }, 10000);
    const exit = await this.worker.stop();
    clearTimeout(killer);
    this.drain();
    clearInterval(this.drainTimer);
    return { ...exit, afterShutdownMs: exit.at - asked, killed: Boolean(this.killed) };
  }

  /** The worker's stderr so far, to a file. */
  saveStderr(file) { writeFileSync(file, this.worker.stderr.join('\n') + '\n'); }

  /**
   * Gaps between consecutive metrics lines of environment i (0-based) with both lines in [from, to).
   * Both, not only the later one: an environment whose phase comes late in the interval (the 16th of
   * 20 starts 15/16 of it after the first) ends its slow first round half a minute in, so with only
   * the later line after a 60 s mark the gap from that first round (26.98 s, two runs) was counted as
   * a steady-state one.
   */
  gaps(i, from = -Infinity, to = Infinity) {
    const m = this.metrics[i];
    const out = [];
    for (let k = 1; k < m.length; k++) if (m[k - 1] >= from && m[k] < to) out.push(m[k] - m[k - 1]);
    return out;
  }

  /** The sample nearest to wall time t. */
  sampleAt(t) {
    return this.samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best), this.samples[0]);
  }

  /** CPU of the worker in percent of one core between wall times a and b (nearest samples). */
  cpuPercent(a, b) {
    const x = this.sampleAt(a), y = this.sampleAt(b);
    return (y.cpuMs - x.cpuMs) / (y.t - x.t) * 100;
  }
}

/** What identifies one event the engine emitted: its time, its container and its action. */
export const eventKey = (e) => `${e.timeNano}|${e.Actor?.ID ?? e.id ?? ''}|${e.Action ?? e.status ?? ''}`;

/** count, min, p50, p99, max and mean of xs (nearest rank; no argument spread: xs may hold 100 000s). */
export function fig(xs, digits = 0) {
  if (!xs.length) return { count: 0 };
  const s = Float64Array.from(xs).sort();
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1))];
  const r = (x) => Number(x.toFixed(digits));
  let sum = 0;
  for (const x of s) sum += x;
  return { count: s.length, min: r(s[0]), p50: r(at(50)), p99: r(at(99)), max: r(s[s.length - 1]), mean: r(sum / s.length) };
}

/**
 * The container events delivered per environment with a time in [since, until] (unix seconds)
 * against each engine's own record of what it emitted there (the worker asks the engines for
 * container events only): how many were emitted, missing at the parent, delivered twice, or
 * delivered without being in the record.
 */
export async function compareEvents(control, parent, since, until) {
  const inWindow = (timeNano) => timeNano >= since * 1e9 && timeNano < (until + 1) * 1e9;
  const delivered = new Map(); // envId -> Map(key -> times delivered)
  for (const e of parent.events) {
    if (!inWindow(Number(e.key.split('|')[0]))) continue;
    if (!delivered.has(e.envId)) delivered.set(e.envId, new Map());
    const m = delivered.get(e.envId);
    m.set(e.key, (m.get(e.key) || 0) + 1);
  }
  let expected = 0, missing = 0, twice = 0, unknown = 0;
  const missingByEnv = {}, examples = [];
  for (let i = 0; i < parent.endpoints.length; i++) {
    const record = await control.events(i, since, until + 1);
    const keys = new Set(record.filter((e) => (e.Type ?? 'container') === 'container' && inWindow(Number(e.timeNano))).map(eventKey));
    const got = delivered.get(i + 1) || new Map();
    expected += keys.size;
    for (const k of keys) {
      if (got.has(k)) continue;
      missing++;
      missingByEnv[i + 1] = (missingByEnv[i + 1] || 0) + 1;
      if (examples.length < 20) examples.push({ envId: i + 1, at: new Date(Number(k.split('|')[0]) / 1e6).toISOString(), key: k });
    }
    for (const [k, c] of got) { if (c > 1) twice++; if (!keys.has(k)) unknown++; }
  }
  return { since, until, expected, missing, twice, unknown, missingByEnv, examples };
}
