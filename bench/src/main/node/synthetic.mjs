// The synthetic engine fleet (synthetic/, scripts/synthetic-fleet) as the fleet benchmarks use it:
// started in a process group of its own, its engines' endpoints, and its control API (faults, the
// engines' own record of events, connection counters). Only Node's own modules.
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { root } from '../../../../ipc/src/test/node/worker.mjs';

/**
 * Starts `scripts/synthetic-fleet` with the given settings, stderr to `log`; resolves once it
 * printed its `ready` line (the build, when needed, happens before that).
 */
export function startFleet({ engines, containers, churn = 0, portBase = 24000, control = 23999, seed = 1, latencyMs = 0, log = '/dev/null', readyMs = 600000 }) {
  const args = ['--engines', engines, '--containers', containers, '--port-base', portBase, '--control', control, '--seed', seed];
  if (churn) args.push('--churn', churn);
  if (latencyMs) args.push('--latency-ms', latencyMs);
  const err = openSync(log, 'a');
  const child = spawn(path.join(root, 'scripts/synthetic-fleet'), args.map(String), { detached: true, stdio: ['ignore', 'pipe', err] });
  closeSync(err);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error(`the synthetic fleet printed no ready line within ${readyMs} ms (log: ${log})`)); }, readyMs);
    const stop = async () => {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(t);
    };
    live.add(stop);
    child.on('exit', () => { live.delete(stop); clearTimeout(timer); reject(new Error(`the synthetic fleet ended before it was ready (log: ${log})`)); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/^ready engines=(\d+) ports=(\d+)-(\d+) control=(\d+)/);
      if (!m) return;
      clearTimeout(timer);
      const base = Number(m[2]);
      resolve({
        pid: child.pid, stop,
        endpoints: Array.from({ length: Number(m[1]) }, (_, i) => `tcp://127.0.0.1:${base + i}`),
        control: new Control(Number(m[4])),
      });
    });
  });
}

const live = new Set();

/** Stops every fleet still running (an interrupted benchmark). */
export const stopFleets = () => Promise.all([...live].map((stop) => stop()));

/** The fleet's control API on 127.0.0.1:PORT (see the synthetic module's interface). */
export class Control {
  constructor(port) { this.base = `http://127.0.0.1:${port}`; }

  async call(method, pathAndQuery) {
    const res = await fetch(this.base + pathAndQuery, { method });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${pathAndQuery}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  }

  down(which, seconds) { return this.call('POST', `/engines/${which}/down?seconds=${seconds}`); }
  up(which) { return this.call('POST', `/engines/${which}/up`); }
  latency(which, ms) { return this.call('POST', `/engines/${which}/latency?ms=${ms}`); }
  metrics() { return this.call('GET', '/metrics'); }
  /** The events engine i emitted in [since, until] (unix seconds), as it recorded them. */
  events(i, since, until) { return this.call('GET', `/engines/${i}/events?since=${since}&until=${until}`); }
}

/** A `configure` for a plain-HTTP or unix-socket endpoint (tcp://host:port, unix:///path), as Dockhand writes it. */
export function configureFor(envId, endpoint) {
  if (endpoint.startsWith('unix://')) {
    return { type: 'configure', envId, name: `fleet-${envId}`, connectionType: 'socket', config: { type: 'socket', socketPath: endpoint.slice(7) } };
  }
  const [host, port] = endpoint.replace(/^tcp:\/\//, '').split(':');
  return { type: 'configure', envId, name: `fleet-${envId}`, connectionType: 'direct', config: { type: 'http', host, port: Number(port) } };
}

/** Dockhand's burst: every configure, then the metrics interval, then the event mode, in one write. */
export const dockhandBurst = (endpoints, intervalMs) => [
  ...endpoints.map((e, i) => configureFor(i + 1, e)),
  { type: 'set_metrics_interval', intervalMs },
  { type: 'set_event_mode', mode: 'stream', pollIntervalMs: 60000 },
];
