// The collection worker as a child process of Node.js, spawned the way Dockhand spawns it
// (child_process.spawn of `collection-worker` with no arguments, JSON lines on stdin/stdout), and
// the test bed it talks to. Shared by the node:test suite next to it and by the benchmark drivers
// in bench/src/main/node/. Only Node's own modules.
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const WORKER = process.env.DOCKSTAT_WORKER || path.join(root, 'cli/target/bin/collection-worker');
const TB_DIR = process.env.DOCKSTAT_TESTBED_DIR || '/tmp/dockstat-testbed';

/** The endpoints file `scripts/testbed up` writes, as an object (DOCKSTAT_TB_SOCKET, DOCKSTAT_TB_TLS, ...). */
export const testbed = Object.fromEntries(readFileSync(path.join(TB_DIR, 'testbed.env'), 'utf8').split('\n')
  .filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/**
 * The test bed's Podman service (`scripts/testbed podman-up` writes podman/podman.env): its
 * endpoints, or null when it was never brought up or its socket is gone.
 */
export const podmanBed = (() => {
  const file = path.join(TB_DIR, 'podman', 'podman.env');
  if (!existsSync(file)) return null;
  const values = Object.fromEntries(readFileSync(file, 'utf8').split('\n')
    .filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return existsSync(values.DOCKSTAT_TB_PODMAN_SOCKET) ? values : null;
})();

/** Why the Podman cases cannot run here, or false when they can (node:test's `skip` option). */
export const podmanMissing = podmanBed ? false
  : `no Podman service at ${path.join(TB_DIR, 'podman', 'podman.sock')}: scripts/testbed podman-up`;

/** The podman CLI as a client of the test bed's Podman service only; its stdout, trimmed. */
export const podman = (...args) => execFileSync('podman', ['--remote', '--url', `unix://${podmanBed.DOCKSTAT_TB_PODMAN_SOCKET}`, ...args],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A file of the test bed's PKI (ca.pem, client-cert.pem, client-key.pem, token), as text. */
export const pem = (file) => readFileSync(path.join(testbed.DOCKSTAT_TB_PKI, file), 'utf8');

/** The docker CLI against the test bed's engine; its stdout, trimmed; throws on a non-zero exit. */
export const docker = (...args) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Wall-clock milliseconds with a sub-millisecond fraction (monotonic within this process). */
export const now = () => performance.timeOrigin + performance.now();

const running = new Set();

/** Kills every worker still running (a failed test or an interrupted measurement may leave one). */
export function killAll() {
  for (const w of running) w.child.kill('SIGKILL');
}

/** A worker process and everything it wrote; every stdout line must be one JSON object. */
export class Worker {
  constructor(env = {}, worker = WORKER) {
    this.spawnedAt = now();
    this.child = spawn(worker, [], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    running.add(this);
    this.child.on('exit', () => running.delete(this));
    this.messages = []; // { at: now() when the line was read, msg }
    this.stderr = [];
    this.badLines = [];
    this.waiters = [];
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const at = now();
      let msg;
      try { msg = JSON.parse(line); } catch { this.badLines.push(line); return; }
      if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) { this.badLines.push(line); return; }
      this.messages.push({ at, msg });
      this.waiters = this.waiters.filter((w) => !w());
    });
    createInterface({ input: this.child.stderr }).on('line', (line) => this.stderr.push(line));
    this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  send(message) {
    this.child.stdin.write(typeof message === 'string' ? message + '\n' : JSON.stringify(message) + '\n');
  }

  /** Several messages as one write, the way Dockhand sends its burst of configures and settings. */
  sendAll(messages) {
    this.child.stdin.write(messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m)) + '\n').join(''));
  }

  /** The first message (from index `from` on) that matches, waiting up to `ms`. */
  waitFor(what, match, ms = 15000, from = 0) {
    const find = () => this.messages.slice(from).find((m) => match(m.msg));
    return new Promise((resolve, reject) => {
      const found = find();
      if (found) { resolve(found); return; }
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms; got ${JSON.stringify(this.messages.map((m) => m.msg)).slice(-1500)}`)), ms);
      this.waiters.push(() => { const f = find(); if (f) { clearTimeout(timer); resolve(f); return true; } return false; });
    });
  }

  of(type, envId) {
    return this.messages.filter((m) => m.msg.type === type && (envId === undefined || m.msg.envId === envId));
  }

  /** Asks it to shut down (unless it already ended) and waits for the exit; throws if stdout carried anything but JSON objects. */
  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.send({ type: 'shutdown' });
    }
    const result = await this.exit;
    if (this.badLines.length) {
      throw new Error(`stdout carries only JSON object lines, but also: ${JSON.stringify(this.badLines.slice(0, 5))}`);
    }
    return result;
  }
}

/** A `configure` for the engine over a unix socket (the test bed's by default). */
export const socketEnv = (envId, socketPath = testbed.DOCKSTAT_TB_SOCKET) => ({
  type: 'configure', envId, name: `env${envId}`, connectionType: 'socket', config: { type: 'socket', socketPath },
});

/**
 * A `configure` for the test bed's Podman service: a socket environment, as Dockhand sends one for
 * Podman; `statsSource` (dockstat's extension) when given, e.g. 'engine' for Podman's own stats API.
 */
export const podmanEnv = (envId, statsSource) => ({ ...socketEnv(envId, podmanBed.DOCKSTAT_TB_PODMAN_SOCKET), ...(statsSource ? { statsSource } : {}) });

/** A `configure` for the test bed's dockerd mTLS listener (tcp://127.0.0.1:2376), PEM texts inline as Dockhand sends them. */
export const mtlsEnv = (envId) => {
  const [host, port] = testbed.DOCKSTAT_TB_TLS.replace('tcp://', '').split(':');
  return { type: 'configure', envId, name: `env${envId}`, connectionType: 'direct',
    config: { type: 'https', host, port: Number(port), ca: pem('ca.pem'), cert: pem('client-cert.pem'), key: pem('client-key.pem') } };
};

/** A `configure` for the test bed's Hawser-style token proxy (nginx demanding X-Hawser-Token). */
export const hawserEnv = (envId) => {
  const [host, port] = testbed.DOCKSTAT_TB_TOKEN_HOST.split(':');
  return { type: 'configure', envId, name: `env${envId}`, connectionType: 'hawser-standard', hawserToken: pem('token').trim(),
    config: { type: 'http', host, port: Number(port) } };
};

/** A `configure` for the test bed's plain-HTTP nginx in front of the socket (tcp://127.0.0.1:2375). */
export const tcpEnv = (envId) => {
  const [host, port] = testbed.DOCKSTAT_TB_TCP.replace('tcp://', '').split(':');
  return { type: 'configure', envId, name: `env${envId}`, connectionType: 'direct', config: { type: 'http', host, port: Number(port) } };
};
