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
// With --soak MINUTES instead: two environments on the auxiliary engine (the containers above), the
// second through a relay that drops off and comes back every --flap-seconds (see soak() below); RSS
// every 10 s; met when RSS at the end is at most RSS at 5 minutes + 2 MB. --variants: more workers
// side by side with other JVM options.
// Usage: node bench/src/main/node/footprint.mjs [--envs-sets 1,3] [--seconds 90] [--warmup 30] [--json FILE]
//        node bench/src/main/node/footprint.mjs --soak 30 [--flap-seconds 120] [--variants 'LABEL=OPTS|...'] [--json FILE]
// scripts/bench --footprint / --soak run it. The worker: DOCKSTAT_WORKER (default the build's
// cli/target/bin/collection-worker); its JVM: DOCKSTAT_JAVA_HOME, as the launcher reads it.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, appendFileSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { Worker as Thread } from 'node:worker_threads';
import path from 'node:path';
import { Worker, WORKER, killAll, socketEnv, tcpEnv, mtlsEnv, pem, now, root } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, names, ensureRunning, runningCount, procStats, loadavg, summary, writeJson } from './measure.mjs';

const opt = options({
  envsSets: '1,3', containers: 60, prefix: 'dst-fp-', seconds: 90, warmup: 30, interval: 5000, readyRuns: 10, exitRuns: 5,
  engine: 'aux', soak: 0, flapSeconds: 120, variants: '', json: '', md: '', title: '', keep: false,
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
  const smaps = smapsByMapping(w.child.pid); // where the resident memory is at the end
  const exit = await exitAfterShutdown(w);
  if (w.badLines.length) throw new Error(`stdout carried non-JSON lines: ${JSON.stringify(w.badLines.slice(0, 3))}`);
  const envRounds = m.end.metrics - m.warm.metrics;
  return {
    envs: envCount, hwmKb: Math.max(m.end.hwmKb, ...samples.map((x) => x.hwmKb)), rssEndKb: m.end.rssKb, threads: m.end.threads,
    cpu60Ms: m.at60.cpuMs, cpuAfterWarmupMs: m.end.cpuMs - m.warm.cpuMs, envRounds,
    perRoundMs: envRounds > 0 ? (m.end.cpuMs - m.warm.cpuMs) / envRounds : NaN, exitMs: exit.ms, exitCode: exit.code,
    metrics: m.end.metrics, smaps, samples,
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
  // a release bundle's worker runs on the bundle's runtime (bin/../runtime), never on a JDK of the host
  const bundled = path.resolve(path.dirname(WORKER), '..', 'runtime');
  const home = existsSync(path.join(bundled, 'bin/java')) ? bundled
    : execFileSync(path.join(root, 'cli/src/main/sh/find-jdk'), { encoding: 'utf8' }).trim();
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
      `Load average ${result.loadBefore.join(' ')} before, ${result.loadAfter.join(' ')} after (2 cores).`, '', result.table, '',
    ...result.runs.map((x) => `Resident at the end of the ${x.envs}-environment run (\`/proc/PID/smaps\` by mapping, MB): AOT cache ${fmt(x.smaps.aot / 1024, 1)} `
      + `(${fmt(x.smaps.dirtyAot / 1024, 1)} dirty), libjvm ${fmt(x.smaps.libjvm / 1024, 1)}, anonymous ${fmt(x.smaps.anon / 1024, 1)}, [heap] ${fmt(x.smaps.heap / 1024, 1)}, `
      + `other files ${fmt(x.smaps.other / 1024, 1)}.`), '']);
}

function markdown(lines) {
  if (opt.md) appendFileSync(opt.md, lines.join('\n') + '\n');
}

// ---- soak: one environment flapping --------------------------------------------------------------
// Both environments are on the auxiliary engine, so what they watch is the --containers idle
// containers and nothing else (the main engine's set changes with other work, and the live data with
// it). Env 1 is the engine's socket; env 2 reaches the same engine through a unix-socket relay of this
// process, which goes away every --flap-seconds (its listening socket removed, its connections cut,
// as when an engine stops or its host drops off) and comes back after as long: the engine itself, and
// env 1 with it, stays up. --variants runs more workers beside the measured one, same environments,
// same outage: `LABEL=JAVA OPTIONS|LABEL=...` (DOCKSTAT_JAVA_OPTS of that worker; {dir} is the run's
// log directory, e.g. for -Xlog:gc:file={dir}/gc.log). A worker whose options turn on
// NativeMemoryTracking gets `jcmd VM.native_memory summary` and `GC.heap_info` written at 5, 10, 20 and
// the last minute. Every minute each worker's /proc/PID/smaps is summed by mapping.

/**
 * A relay from a unix socket of ours to the engine's, which can drop off (offline: its listening
 * socket removed, its connections cut) and come back. It runs on a thread of its own, so the
 * driver's synchronous calls (docker, jcmd) never hold up what it relays.
 */
function flappingRelay(listenPath, enginePath) {
  const code = `
    const net = require('node:net');
    const { unlinkSync } = require('node:fs');
    const { parentPort, workerData: { listenPath, enginePath } } = require('node:worker_threads');
    const conns = new Set();
    let server = null;
    const unlink = () => { try { unlinkSync(listenPath); } catch { /* absent */ } };
    parentPort.on('message', (cmd) => {
      if (cmd === 'up' && !server) {
        unlink();
        server = net.createServer((client) => {
          const engine = net.connect(enginePath);
          conns.add(client);
          conns.add(engine);
          const drop = () => { client.destroy(); engine.destroy(); conns.delete(client); conns.delete(engine); };
          client.on('error', drop).on('close', drop);
          engine.on('error', drop).on('close', drop);
          client.pipe(engine);
          engine.pipe(client);
        });
        server.listen(listenPath, () => parentPort.postMessage('up'));
      } else if (cmd === 'down' && server) {
        const s = server;
        server = null;
        for (const c of conns) c.destroy();
        conns.clear();
        s.close(() => { unlink(); parentPort.postMessage('down'); });
      } else {
        parentPort.postMessage(cmd);
      }
    });`;
  const thread = new Thread(code, { eval: true, workerData: { listenPath, enginePath } });
  thread.unref();
  const ask = (cmd) => new Promise((resolve) => { thread.once('message', resolve); thread.postMessage(cmd); });
  return { up: () => ask('up'), down: () => ask('down'), close: () => thread.terminate(), path: listenPath };
}

/** Resident kB of a process by mapping: the AOT cache, libjvm, anonymous, malloc's [heap], the rest. */
function smapsByMapping(pid) {
  const out = { aot: 0, libjvm: 0, anon: 0, heap: 0, other: 0, dirtyAot: 0 };
  let kind = 'other';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
    if (head) {
      const name = head[1];
      kind = name.endsWith('.aot') || name.endsWith('.jsa') ? 'aot' : name.endsWith('libjvm.so') ? 'libjvm'
        : name === '' ? 'anon' : name === '[heap]' ? 'heap' : 'other';
      continue;
    }
    const rss = line.match(/^Rss:\s+(\d+)/);
    if (rss) out[kind] += Number(rss[1]);
    const dirty = line.match(/^Private_Dirty:\s+(\d+)/);
    if (dirty && kind === 'aot') out.dirtyAot += Number(dirty[1]);
  }
  return out;
}

/**
 * jcmd of the JDK the launcher would pick without DOCKSTAT_JAVA_HOME, which points at the jlink
 * runtime here (it has no jcmd: every NMT snapshot of the 2026-12-01 soak-3 was an ENOENT); its
 * output or the error.
 */
function jcmd(pid, ...args) {
  try {
    const { DOCKSTAT_JAVA_HOME: _runtime, ...env } = process.env;
    const home = execFileSync(path.join(root, 'cli/src/main/sh/find-jdk'), { encoding: 'utf8', env }).trim();
    return execFileSync(path.join(home, 'bin/jcmd'), [String(pid), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30000 });
  } catch (e) {
    return `jcmd ${args.join(' ')}: ${e.message}\n`;
  }
}

async function soak() {
  const aux = auxEngine();
  const dir = path.join(root, 'bench/work/footprint', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  const variants = [{ label: 'as shipped', opts: '' }, ...(opt.variants ? opt.variants.split('|').map((v) => {
    const i = v.indexOf('=');
    return { label: v.slice(0, i), opts: v.slice(i + 1).replaceAll('{dir}', dir) };
  }) : [])];
  const result = { worker: WORKER, java: javaOf(), minutes: opt.soak, flapSeconds: opt.flapSeconds, loadBefore: loadavg(), dir, flaps: [],
    containers: opt.containers, workers: variants.map((v) => ({ ...v, samples: [], smaps: [] })) };
  console.log(`soak: ${opt.soak} min, ${variants.length} worker(s); env 1 = the auxiliary engine's socket (${aux.socket}), env 2 = the same engine `
    + `through a relay that goes offline/online every ${opt.flapSeconds} s; logs in ${path.relative(root, dir)}`);
  started = ensureOn(aux.socket, names(opt.prefix, opt.containers));
  engine = aux; // removeStarted removes them there
  result.containersSeen = dockerOn(aux.socket, 'ps', '-q').split('\n').filter(Boolean).length;
  const relay = flappingRelay(path.join('/tmp', `dockstat-soak-${process.pid}.sock`), aux.socket);
  await relay.up();
  const workers = variants.map((v) => new Worker({ SKIP_DF_COLLECTION: '1', ...(v.opts ? { DOCKSTAT_JAVA_OPTS: v.opts } : {}) }));
  try {
    for (const w of workers) await w.waitFor('ready', () => true, 20000);
    for (const w of workers) w.sendAll([socketEnv(1, aux.socket), socketEnv(2, relay.path), { type: 'set_metrics_interval', intervalMs: opt.interval }]);
    const t0 = now();
    let online = true;
    let nextFlap = opt.flapSeconds;
    const marks = new Set([5, 10, 20, opt.soak]);
    for (let s = 10; s <= opt.soak * 60; s += 10) {
      await sleep(Math.max(0, t0 + s * 1000 - now()));
      const line = [];
      workers.forEach((w, i) => {
        const r = result.workers[i];
        const p = { s, ...procStats(w.child.pid) };
        r.samples.push(p);
        if (s % 60 === 0) {
          r.smaps.push({ s, ...smapsByMapping(w.child.pid) });
          line.push(`${r.label} ${fmt(p.rssKb / 1024, 1)}`);
          if (marks.has(s / 60) && /NativeMemoryTracking/.test(r.opts)) {
            appendFileSync(path.join(dir, `jcmd-${i}.txt`), `==== minute ${s / 60}\n` + jcmd(w.child.pid, 'VM.native_memory', 'summary')
              + jcmd(w.child.pid, 'GC.heap_info'));
          }
        }
      });
      if (s % 60 === 0) console.log(`  ${s / 60} min: RSS (MB) ${line.join(', ')}; env 2 ${online ? 'online' : 'offline'}; load ${loadavg()[0]}`);
      if (s >= nextFlap && s < opt.soak * 60) {
        await (online ? relay.down() : relay.up());
        online = !online;
        result.flaps.push({ s, online });
        nextFlap += opt.flapSeconds;
      }
    }
    for (let i = 0; i < workers.length; i++) {
      const r = result.workers[i];
      const at = (sec) => r.samples.reduce((a, b) => (Math.abs(b.s - sec) < Math.abs(a.s - sec) ? b : a));
      r.rssAt = Object.fromEntries([...marks].map((m) => [m, at(m * 60).rssKb]));
      r.rss5Kb = r.rssAt[5];
      r.rssEndKb = r.rssAt[opt.soak];
      r.pass = r.rssEndKb <= r.rss5Kb + 2048;
      r.statusMessages = workers[i].of('env_status', 2).map((m) => m.msg.online);
      r.env1Metrics = workers[i].of('metrics', 1).length;
      r.env2Metrics = workers[i].of('metrics', 2).length;
      r.exitMs = (await exitAfterShutdown(workers[i])).ms;
      writeFileSync(path.join(dir, `stderr-${i}.txt`), workers[i].stderr.join('\n') + '\n');
      console.log(`${r.label}: RSS at 5 min ${fmt(r.rss5Kb / 1024, 1)} MB, at ${opt.soak} min ${fmt(r.rssEndKb / 1024, 1)} MB (goal ≤ +2 MB): `
        + `${r.pass ? 'pass' : 'miss'}; env 2 status messages ${r.statusMessages.length}; metrics env 1/2 ${r.env1Metrics}/${r.env2Metrics}; exit ${fmt(r.exitMs)} ms`);
    }
  } finally {
    killAll();
    await relay.down();
    await relay.close();
    removeStarted();
  }
  result.loadAfter = loadavg();
  writeJson(opt.json, result);
  const mb = (kb) => fmt(kb / 1024, 1);
  const minutes = [...new Set([1, 2, 5, 10, 15, 20, 25, opt.soak])].filter((m) => m <= opt.soak).sort((a, b) => a - b);
  const rows = minutes.map((m) => `| ${m} | ${result.workers.map((r) => { const x = r.samples.find((p) => p.s === m * 60); return x ? `${mb(x.rssKb)} / ${mb(x.hwmKb)} / ${fmt(x.cpuMs)}` : '–'; }).join(' | ')} |`);
  const smapsRows = result.workers.flatMap((r) => [5, opt.soak].map((m) => {
    const x = r.smaps.find((p) => p.s === m * 60);
    return x ? `| ${r.label} | ${m} | ${mb(x.aot)} (${mb(x.dirtyAot)} dirty) | ${mb(x.libjvm)} | ${mb(x.anon)} | ${mb(x.heap)} | ${mb(x.other)} |` : '';
  }));
  markdown([`## ${opt.title || 'serve-ipc soak'}`, '',
    `Worker \`${path.relative(root, WORKER) || WORKER}\` on \`${result.java.home}\` (Java ${result.java.version}). ${opt.soak} minutes, metrics every ${opt.interval} ms, disk usage off; `
      + `env 1: the auxiliary engine's socket, ${result.containersSeen} idle containers and nothing else; env 2: the same engine through a relay that dropped off and came back every ${opt.flapSeconds} s `
      + `(${result.flaps.length} changes; env_status messages for env 2: ${result.workers.map((r) => r.statusMessages.length).join(', ')}). `
      + `Load average ${result.loadBefore.join(' ')} before, ${result.loadAfter.join(' ')} after.`, '',
    ...result.workers.map((r) => `- ${r.label}${r.opts ? ` (\`DOCKSTAT_JAVA_OPTS=${r.opts.replaceAll(dir, '{dir}')}\`)` : ''}: RSS at 5 min ${mb(r.rss5Kb)} MB, `
      + `10 min ${mb(r.rssAt[10])}, 20 min ${mb(r.rssAt[20])}, ${opt.soak} min ${mb(r.rssEndKb)} MB: ${r.rssEndKb >= r.rss5Kb ? '+' : ''}${fmt((r.rssEndKb - r.rss5Kb) / 1024, 1)} MB, goal ≤ +2 MB, **${r.pass ? 'met' : 'miss'}**; `
      + `exit after shutdown ${fmt(r.exitMs)} ms`), '',
    `| minute | ${result.workers.map((r) => `${r.label}: RSS / peak (MB) / CPU (ms)`).join(' | ')} |`, `|---|${result.workers.map(() => '---').join('|')}|`, ...rows, '',
    '| worker | minute | AOT cache | libjvm | anonymous | [heap] | other |', '|---|---|---|---|---|---|---|', ...smapsRows.filter(Boolean), '']);
}

const interrupted = () => { killAll(); removeStarted(); process.exit(130); };
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
(opt.soak > 0 ? soak() : footprint()).catch((e) => { console.error(e.stack || String(e)); killAll(); process.exitCode = 1; });
