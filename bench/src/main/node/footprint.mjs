// The footprint of the serve-ipc collection worker under a Node.js parent (the parent of
// serve-ipc.mjs and the node:test suite: spawned with no arguments, JSON lines on stdin/stdout),
// the figures issue 15 sets goals for, side by side with Dockhand's Go worker:
//   - ready: spawn to the first stdout line, median of --ready-runs spawns
//   - exit after shutdown: `shutdown` written to the exit of the process, after socket I/O (a round
//     of one environment): median of --exit-runs short runs plus the long runs' own exits
//   - for 1 and 3 environments (--envs-sets) a run of --seconds: peak RSS (VmHWM), CPU time
//     (utime+stime) in the first 60 s after spawn (start included), and CPU per environment-round
//     after --warmup s; --containers idle containers PREFIXNN running, metrics every --interval ms,
//     disk usage off as in serve-ipc.mjs
// The engine (--engine): `aux` (default), the test bed's auxiliary engine, which nobody else fills
// with containers, so an environment sees exactly --containers (environments: its socket, its
// Hawser-style token proxy, its socket again); `main`, the shared engine (socket, plain TCP, mTLS),
// where every container other work runs counts too.
// With --soak MINUTES instead: one socket environment (the containers above) and the test bed's
// auxiliary engine as a second one, which is stopped and started every --flap-seconds; RSS every
// 10 s; passes when RSS at the end is at most RSS at 5 minutes + 2 MB.
// Usage: node bench/src/main/node/footprint.mjs [--envs-sets 1,3] [--seconds 90] [--warmup 30] [--json FILE]
//        node bench/src/main/node/footprint.mjs --soak 30 [--flap-seconds 120] [--json FILE]
// scripts/bench --footprint / --soak run it. The worker: DOCKSTAT_WORKER (default the build's
// cli/target/bin/collection-worker); its JVM: DOCKSTAT_JAVA_HOME, as the launcher reads it.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, WORKER, killAll, socketEnv, tcpEnv, mtlsEnv, pem, now, root } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, names, ensureRunning, remove, runningCount, procStats, loadavg, summary, writeJson } from './measure.mjs';

const opt = options({
  envsSets: '1,3', containers: 60, prefix: 'dst-fp-', seconds: 90, warmup: 30, interval: 5000, readyRuns: 10, exitRuns: 5,
  engine: 'aux', soak: 0, flapSeconds: 120, json: '', md: '', title: '', keep: false,
});
// Dockhand's Go worker, measured by issue 15 (same parent, 1 environment, 65 containers, two runs)
const GO = { hwmMb: '11.6-11.9', readyMs: '6-7', exitMs: '3-6', cpu60Ms: '150-170', perRoundMs: '–' };
const GOALS = { hwmMb: 40, readyMs: 100, exitMs: 50, cpu60Ms: 700, perRoundMs: 30 };
const TB = process.env.DOCKSTAT_TESTBED_DIR || '/tmp/dockstat-testbed';
const testbed = (...args) => execFileSync(path.join(root, 'scripts/testbed'), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const AUX_ENV = path.join(TB, 'aux/aux.env');

/** The auxiliary engine's endpoints, brought up (scripts/testbed aux-up) if it is not. */
function auxEngine() {
  if (!existsSync(AUX_ENV)) testbed('aux-up');
  testbed('aux-start');
  const env = Object.fromEntries(readFileSync(AUX_ENV, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => l.split('=')));
  return { socket: env.DOCKSTAT_TB_AUX_SOCKET, token: env.DOCKSTAT_TB_AUX_TOKEN_HOST };
}

/** The docker CLI against an engine (null = the main one), trimmed stdout. */
const dockerOn = (socket, ...args) => execFileSync('docker', [...(socket ? ['-H', `unix://${socket}`] : []), ...args],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Starts the idle containers that are not running on that engine; returns those started. */
function ensureOn(socket, wanted, restart = false) {
  if (!socket) return ensureRunning(wanted);
  const running = new Set(dockerOn(socket, 'ps', '--format', '{{.Names}}').split('\n'));
  const out = [];
  for (const n of wanted.filter((x) => !running.has(x))) {
    try { dockerOn(socket, 'rm', '-f', n); } catch { /* absent */ }
    dockerOn(socket, 'run', '-d', '--network', 'none', ...(restart ? ['--restart', 'always'] : []), '--label', 'dockstat.testbed=1',
      '--name', n, 'local/busybox', 'sleep', '100000');
    out.push(n);
  }
  return out;
}

let engine = null; // { socket, token } of the auxiliary engine when measuring there
let envs = [socketEnv, tcpEnv, mtlsEnv];
let started = [];
const removeStarted = () => {
  if (opt.keep || !started.length) return;
  try { dockerOn(engine && engine.socket, 'rm', '-f', ...started); } catch { /* gone */ }
  started = [];
};
const exitAfterShutdown = async (w) => {
  const sent = now();
  w.send({ type: 'shutdown' });
  const { code } = await w.exit;
  return { ms: now() - sent, code };
};

/** Spawns, waits for ready, shuts down at once: ready times (and the exits without socket I/O). */
async function readyRuns(n) {
  const ready = [];
  const exits = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker();
    const first = await w.waitFor('ready', () => true, 10000);
    if (first.msg.type !== 'ready') throw new Error('the first line is not ready: ' + JSON.stringify(first.msg));
    ready.push(first.at - w.spawnedAt);
    exits.push((await exitAfterShutdown(w)).ms);
  }
  return { ready, exits };
}

/** One environment, its first metrics message (all socket I/O a round does), then shutdown. */
async function exitRuns(n) {
  const exits = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker({ SKIP_DF_COLLECTION: '1' });
    await w.waitFor('ready', () => true, 10000);
    w.send(envs[0](1));
    await w.waitFor('metrics', (m) => m.type === 'metrics', 20000);
    const { ms, code } = await exitAfterShutdown(w);
    if (code !== 0) throw new Error(`exit status ${code} after shutdown`);
    exits.push(ms);
  }
  return exits;
}

async function run(envCount) {
  const w = new Worker({ SKIP_DF_COLLECTION: '1' });
  const spawned = w.spawnedAt;
  await w.waitFor('ready', () => true, 10000);
  for (let i = 1; i <= envCount; i++) w.send(envs[i - 1](i));
  w.send({ type: 'set_metrics_interval', intervalMs: opt.interval });
  const configured = now();
  for (let i = 1; i <= envCount; i++) {
    const s = await w.waitFor(`env ${i} status`, (m) => (m.type === 'env_status' || m.type === 'error') && m.envId === i, 15000);
    if (!s.msg.online) throw new Error(`environment ${i} is not online: ${JSON.stringify(s.msg)}`);
  }
  const samples = [];
  const sampler = setInterval(() => samples.push({ s: Math.round((now() - spawned) / 1000), ...procStats(w.child.pid) }), 1000);
  const at = async (t0, s) => { await sleep(Math.max(0, t0 + s * 1000 - now())); return { ...procStats(w.child.pid), metrics: w.of('metrics').length }; };
  const marks = [[spawned, 60, 'at60'], [configured, opt.warmup, 'warm'], [configured, opt.seconds, 'end']]
    .sort((a, b) => a[0] + a[1] * 1000 - b[0] - b[1] * 1000);
  const m = {};
  for (const [t0, s, name] of marks) m[name] = await at(t0, s);
  clearInterval(sampler);
  const exit = await exitAfterShutdown(w);
  if (w.badLines.length) throw new Error(`stdout carried non-JSON lines: ${JSON.stringify(w.badLines.slice(0, 3))}`);
  const envRounds = m.end.metrics - m.warm.metrics;
  return {
    envs: envCount, hwmKb: Math.max(m.end.hwmKb, ...samples.map((x) => x.hwmKb)), rssEndKb: m.end.rssKb, threads: m.end.threads,
    cpu60Ms: m.at60.cpuMs, cpuAfterWarmupMs: m.end.cpuMs - m.warm.cpuMs, envRounds,
    perRoundMs: envRounds > 0 ? (m.end.cpuMs - m.warm.cpuMs) / envRounds : NaN, exitMs: exit.ms, exitCode: exit.code,
    metrics: m.end.metrics, samples,
  };
}

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const mark = (x, goal) => (Number.isFinite(x) ? (x <= goal ? '' : ' (miss)') : '');

function printTable(r) {
  const rows = [['figure', 'goal', ...r.runs.map((x) => `dockstat, ${x.envs} env${x.envs > 1 ? 's' : ''}`), 'Go worker, 1 env']];
  const cell = (x, d, goal) => `${fmt(x, d)}${mark(x, goal)}`;
  rows.push(['peak RSS (MB)', `≤ ${GOALS.hwmMb}`, ...r.runs.map((x) => cell(x.hwmKb / 1024, 1, GOALS.hwmMb)), GO.hwmMb]);
  rows.push(['ready (ms, median)', `≤ ${GOALS.readyMs}`, ...r.runs.map(() => cell(r.readyMs.median, 0, GOALS.readyMs)), GO.readyMs]);
  rows.push(['exit after shutdown (ms)', `≤ ${GOALS.exitMs}`, ...r.runs.map((x) => `${cell(x.exitMs, 0, GOALS.exitMs)}; median of runs ${fmt(r.exitMs.median)}`), GO.exitMs]);
  rows.push(['CPU first 60 s (ms)', `≤ ${GOALS.cpu60Ms}`, ...r.runs.map((x) => cell(x.cpu60Ms, 0, GOALS.cpu60Ms)), GO.cpu60Ms]);
  rows.push(['CPU per env-round (ms)', `≤ ${GOALS.perRoundMs}`, ...r.runs.map((x) => `${cell(x.perRoundMs, 1, GOALS.perRoundMs)} (${x.envRounds} rounds)`), GO.perRoundMs]);
  const table = rows.map((row) => `| ${row.join(' | ')} |`);
  table.splice(1, 0, `|${rows[0].map(() => '---').join('|')}|`);
  return table.join('\n');
}

function javaOf() {
  const home = execFileSync(path.join(root, 'cli/src/main/sh/find-jdk'), { encoding: 'utf8' }).trim();
  const release = existsSync(path.join(home, 'release')) ? readFileSync(path.join(home, 'release'), 'utf8') : '';
  const v = (release.match(/^JAVA_RUNTIME_VERSION="?([^"\n]*)/m) || release.match(/^JAVA_VERSION="?([^"\n]*)/m) || [])[1] || '?';
  const modules = (release.match(/^MODULES="?([^"\n]*)/m) || [])[1] || '';
  return { home, version: v, modules: modules.split(' ').filter(Boolean).length };
}

async function footprint() {
  const result = { worker: WORKER, java: javaOf(), javaOpts: process.env.DOCKSTAT_JAVA_OPTS || '', loadBefore: loadavg(), containers: opt.containers,
    intervalMs: opt.interval, seconds: opt.seconds, warmup: opt.warmup };
  console.log(`worker ${WORKER} on ${result.java.home} (${result.java.version}, ${result.java.modules} modules)${result.javaOpts ? ', DOCKSTAT_JAVA_OPTS=' + result.javaOpts : ''}; load ${result.loadBefore.join(' ')}`);
  if (opt.engine === 'aux') {
    engine = auxEngine();
    const [host, port] = engine.token.split(':');
    const token = (envId) => ({ type: 'configure', envId, name: `env${envId}`, connectionType: 'hawser-standard', hawserToken: pem('token').trim(),
      config: { type: 'http', host, port: Number(port) } });
    envs = [(id) => socketEnv(id, engine.socket), token, (id) => socketEnv(id, engine.socket)];
    result.engine = `the auxiliary engine: its socket ${engine.socket}, its token proxy ${engine.token}, its socket again`;
  } else {
    result.engine = 'the main engine: socket, plain TCP 127.0.0.1:2375, mTLS 127.0.0.1:2376';
  }
  const ready = await readyRuns(opt.readyRuns);
  result.readyMs = summary(ready.ready);
  result.exitWithoutIoMs = summary(ready.exits);
  console.log(`ready: median ${fmt(result.readyMs.median)} ms (${fmt(result.readyMs.min)}-${fmt(result.readyMs.max)}); exit after shutdown without socket I/O: median ${fmt(result.exitWithoutIoMs.median)} ms`);
  started = ensureOn(engine && engine.socket, names(opt.prefix, opt.containers));
  result.containersSeen = engine ? dockerOn(engine.socket, 'ps', '-q').split('\n').filter(Boolean).length : runningCount();
  console.log(`environments on ${result.engine}; each sees ${result.containersSeen} running containers`);
  try {
    const exits = await exitRuns(opt.exitRuns);
    console.log(`exit after shutdown after a round: ${exits.map((x) => fmt(x)).join(', ')} ms`);
    result.runs = [];
    for (const n of opt.envsSets.split(',').map(Number)) {
      const r = await run(n);
      console.log(`${n} env(s) × ${opt.containers} containers, ${opt.seconds} s: peak RSS ${fmt(r.hwmKb / 1024, 1)} MB, CPU first 60 s ${fmt(r.cpu60Ms)} ms, ` +
        `${fmt(r.perRoundMs, 1)} ms per env-round (${r.envRounds} after ${opt.warmup} s), exit ${fmt(r.exitMs)} ms, ${r.threads} threads`);
      result.runs.push(r);
      exits.push(r.exitMs);
    }
    result.exitMs = summary(exits);
  } finally {
    removeStarted();
  }
  result.loadAfter = loadavg();
  result.table = printTable(result);
  console.log('\n' + result.table + `\n\nload average before ${result.loadBefore.join(' ')}, after ${result.loadAfter.join(' ')}`);
  writeJson(opt.json, result);
  markdown([`## ${opt.title || 'serve-ipc footprint'}`, '',
    `Worker \`${path.relative(root, WORKER) || WORKER}\` on \`${result.java.home}\` (Java ${result.java.version}, ${result.java.modules} modules)` +
      `${result.javaOpts ? `, DOCKSTAT_JAVA_OPTS=\`${result.javaOpts}\`` : ''}. Environments on ${result.engine}; each sees ${result.containersSeen} running (idle) containers, metrics every ${opt.interval} ms, disk usage off; ` +
      `runs of ${opt.seconds} s, CPU per env-round after ${opt.warmup} s; ready: median of ${opt.readyRuns} spawns (${fmt(result.readyMs.min)}-${fmt(result.readyMs.max)} ms); ` +
      `exit after shutdown: each run's own, and the median of ${opt.exitRuns} short runs plus the long ones (${result.exitMs.min.toFixed(0)}-${result.exitMs.max.toFixed(0)} ms). ` +
      `Load average ${result.loadBefore.join(' ')} before, ${result.loadAfter.join(' ')} after (2 cores).`, '', result.table, '']);
}

function markdown(lines) {
  if (opt.md) appendFileSync(opt.md, lines.join('\n') + '\n');
}

// ---- soak: one environment flapping --------------------------------------------------------------
async function soak() {
  const auxSocket = auxEngine().socket;
  const result = { worker: WORKER, java: javaOf(), minutes: opt.soak, flapSeconds: opt.flapSeconds, loadBefore: loadavg(), samples: [], flaps: [] };
  console.log(`soak: ${opt.soak} min, env 1 = ${opt.containers} containers on the main engine, env 2 = the auxiliary engine (${auxSocket}), stopped/started every ${opt.flapSeconds} s`);
  started = ensureRunning(names(opt.prefix, opt.containers));
  // a few containers on the auxiliary engine that come back with it (restart always), so the
  // flapping environment has rounds to make while it is online
  const auxNames = names(`${opt.prefix}aux-`, 5);
  ensureOn(auxSocket, auxNames, true);
  const w = new Worker({ SKIP_DF_COLLECTION: '1' });
  try {
    await w.waitFor('ready', () => true, 10000);
    w.send(socketEnv(1));
    w.send(socketEnv(2, auxSocket));
    w.send({ type: 'set_metrics_interval', intervalMs: opt.interval });
    const t0 = now();
    const sample = () => {
      const p = { s: Math.round((now() - t0) / 1000), ...procStats(w.child.pid) };
      result.samples.push(p);
      return p;
    };
    let online = true;
    let nextFlap = opt.flapSeconds;
    for (let s = 10; s <= opt.soak * 60; s += 10) {
      await sleep(Math.max(0, t0 + s * 1000 - now()));
      const p = sample();
      if (s % 60 === 0) p.containersMain = runningCount();
      if (s % 60 === 0) console.log(`  ${s / 60} min: RSS ${fmt(p.rssKb / 1024, 1)} MB, peak ${fmt(p.hwmKb / 1024, 1)} MB, CPU ${fmt(p.cpuMs)} ms, env 2 ${online ? 'online' : 'offline'}, ${p.containersMain} containers on the main engine`);
      if (s >= nextFlap && s < opt.soak * 60) {
        testbed(online ? 'aux-stop' : 'aux-start');
        online = !online;
        result.flaps.push({ s, online });
        nextFlap += opt.flapSeconds;
      }
    }
    const at = (sec) => result.samples.reduce((a, b) => (Math.abs(b.s - sec) < Math.abs(a.s - sec) ? b : a));
    result.rss5Kb = at(300).rssKb;
    result.rssEndKb = at(opt.soak * 60).rssKb;
    result.statusMessages = w.of('env_status', 2).map((m) => m.msg.online);
    result.pass = result.rssEndKb <= result.rss5Kb + 2048;
    const exit = await exitAfterShutdown(w);
    result.exitMs = exit.ms;
    console.log(`RSS at 5 min ${fmt(result.rss5Kb / 1024, 1)} MB, at ${opt.soak} min ${fmt(result.rssEndKb / 1024, 1)} MB ` +
      `(goal: ≤ +2 MB): ${result.pass ? 'pass' : 'miss'}; env 2 status changes seen: ${result.statusMessages.length}; exit ${fmt(exit.ms)} ms`);
  } finally {
    killAll();
    try { testbed('aux-start'); dockerOn(auxSocket, 'rm', '-f', ...auxNames); } catch { /* reported by the next use */ }
    if (!opt.keep) remove(started);
  }
  result.loadAfter = loadavg();
  writeJson(opt.json, result);
  const rows = result.samples.filter((x) => x.s % 120 === 0 || x.s === 300).map((x) => `| ${(x.s / 60).toFixed(0)} | ${fmt(x.rssKb / 1024, 1)} | ${fmt(x.hwmKb / 1024, 1)} | ${fmt(x.cpuMs)} | ${x.containersMain ?? ''} |`);
  markdown([`## ${opt.title || 'serve-ipc soak'}`, '',
    `Worker \`${path.relative(root, WORKER) || WORKER}\` on \`${result.java.home}\` (Java ${result.java.version}). ${opt.soak} minutes; env 1: ${opt.containers} idle containers on the main engine; ` +
      `env 2: the test bed's auxiliary engine, stopped and started every ${opt.flapSeconds} s (${result.flaps.length} changes, ${result.statusMessages.length} env_status messages for it). ` +
      `RSS at 5 min ${fmt(result.rss5Kb / 1024, 1)} MB, at ${opt.soak} min ${fmt(result.rssEndKb / 1024, 1)} MB: goal ≤ +2 MB, **${result.pass ? 'pass' : 'miss'}**. ` +
      `Exit after shutdown ${fmt(result.exitMs)} ms. Load average ${result.loadBefore.join(' ')} before, ${result.loadAfter.join(' ')} after.`, '',
    '| minute | RSS (MB) | peak RSS (MB) | CPU (ms) | containers on the main engine |', '|---|---|---|---|---|', ...rows, '']);
}

const interrupted = () => { killAll(); removeStarted(); process.exit(130); };
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
(opt.soak > 0 ? soak() : footprint()).catch((e) => { console.error(e.stack || String(e)); killAll(); process.exitCode = 1; });
