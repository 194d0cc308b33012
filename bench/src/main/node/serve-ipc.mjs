// serve-ipc under a Node.js parent, the way Dockhand runs it (spawned with no arguments, JSON lines
// on stdin/stdout), against the test bed's engine:
//   - ready: time from spawn to the first stdout line, median of --ready-runs spawns
//   - a fixed run: the environments of --envs (socket = the unix socket, tcp = plain HTTP through
//     nginx 127.0.0.1:2375, tls = dockerd's mTLS listener 127.0.0.1:2376, token = the Hawser-style
//     proxy 127.0.0.1:2377), all the same engine, so each sees every running container; --containers
//     idle ones named PREFIXNN are running (started here if missing, removed at the end if started
//     here); metrics every --interval ms for --seconds: peak RSS (VmHWM), CPU time (utime+stime) in
//     the first 60 s, after --warmup s and in total, round durations (DOCKSTAT_DEBUG=1) and the
//     cadence of metrics messages per environment. Disk usage off (SKIP_DF_COLLECTION=1), events
//     streamed (the default).
// Usage: node bench/src/main/node/serve-ipc.mjs [--envs socket,tcp,tls] [--containers 60] [--prefix dst-ipc-m-]
//          [--seconds 300] [--warmup 30] [--interval 5000] [--ready-runs 10] [--json FILE] [--keep]
// scripts/measure-ipc runs it; scripts/bench runs it as part of the suite. JVM flags: DOCKSTAT_JAVA_OPTS.
import { Worker, WORKER, killAll, socketEnv, tcpEnv, mtlsEnv, hawserEnv } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, names, ensureRunning, remove, runningCount, procStats, loadavg, summary, writeJson } from './measure.mjs';

const opt = options({ envs: 'socket,tcp,tls', containers: 60, prefix: 'dst-ipc-m-', seconds: 300, warmup: 30, interval: 5000, readyRuns: 10, json: '', keep: false });
const ENVIRONMENTS = {
  socket: [socketEnv, 'unix socket /var/run/docker.sock'],
  tcp: [tcpEnv, 'plain HTTP through nginx, 127.0.0.1:2375'],
  tls: [mtlsEnv, "dockerd's mTLS listener, 127.0.0.1:2376"],
  token: [hawserEnv, 'Hawser-style token proxy (nginx), 127.0.0.1:2377'],
};

let started = []; // containers this run started, removed at the end

async function measureReady(runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const w = new Worker();
    const first = await w.waitFor('ready', () => true, 10000);
    if (first.msg.type !== 'ready') throw new Error('the first line is not ready: ' + JSON.stringify(first.msg));
    times.push(first.at - w.spawnedAt);
    await w.stop();
  }
  return times;
}

async function fixedRun(envs) {
  const w = new Worker({ DOCKSTAT_DEBUG: '1', SKIP_DF_COLLECTION: '1' });
  await w.waitFor('ready', () => true, 10000);
  envs.forEach((e, i) => w.send(ENVIRONMENTS[e][0](i + 1)));
  w.send({ type: 'set_metrics_interval', intervalMs: opt.interval });
  const configured = Date.now();
  for (let i = 1; i <= envs.length; i++) {
    const s = await w.waitFor(`env ${i} status`, (m) => (m.type === 'env_status' || m.type === 'error') && m.envId === i, 15000);
    if (!s.msg.online) throw new Error(`environment ${i} (${envs[i - 1]}) is not online: ${JSON.stringify(s.msg)}`);
  }
  const until = (s) => sleep(Math.max(0, configured + s * 1000 - Date.now()));
  const marks = [[opt.warmup, 'warm'], [60, 'at60'], [opt.seconds, 'end']].filter(([s]) => s <= opt.seconds).sort((a, b) => a[0] - b[0]);
  const at = {};
  const samples = []; // every 10 s: how resident memory and CPU time develop
  const sampler = setInterval(() => samples.push({ s: Math.round((Date.now() - configured) / 1000), ...procStats(w.child.pid) }), 10000);
  for (const [s, name] of marks) {
    await until(s);
    at[name] = { ...procStats(w.child.pid), metrics: w.of('metrics').length };
  }
  clearInterval(sampler);
  const { code } = await w.stop();
  const perEnv = envs.map((e, i) => {
    const metrics = w.of('metrics', i + 1).map((m) => m.at);
    const rounds = w.stderr.map((l) => l.match(new RegExp(`^\\S* ?env ${i + 1}\\b.*: round of (\\d+) containers took (\\d+) ms`))).filter(Boolean)
      .map((m) => ({ n: Number(m[1]), ms: Number(m[2]) }));
    return {
      envId: i + 1, kind: e, endpoint: ENVIRONMENTS[e][1], metricsMessages: metrics.length,
      cadenceMs: summary(metrics.slice(1).map((t, k) => t - metrics[k])),
      containersPerRound: rounds.length ? Math.max(...rounds.map((r) => r.n)) : 0,
      firstRoundMs: rounds.length ? rounds[0].ms : NaN, roundMs: summary(rounds.slice(1).map((r) => r.ms)),
    };
  });
  const roundsAfterWarmup = at.end.metrics - at.warm.metrics;
  return {
    exitCode: code, perEnv, at, samples,
    cpuAfterWarmupMs: at.end.cpuMs - at.warm.cpuMs, roundsAfterWarmup,
    cpuPerRoundMs: roundsAfterWarmup > 0 ? (at.end.cpuMs - at.warm.cpuMs) / roundsAfterWarmup : NaN,
  };
}

async function main() {
  const envs = opt.envs.split(',');
  for (const e of envs) if (!ENVIRONMENTS[e]) throw new Error(`unknown environment ${e}; known: ${Object.keys(ENVIRONMENTS).join(', ')}`);
  const result = { worker: WORKER, javaOpts: process.env.DOCKSTAT_JAVA_OPTS || '', loadBefore: loadavg(), intervalMs: opt.interval, seconds: opt.seconds, warmup: opt.warmup };
  console.log(`worker: ${WORKER}${result.javaOpts ? ' with DOCKSTAT_JAVA_OPTS=' + result.javaOpts : ''}; load average ${result.loadBefore.join(' ')}`);
  if (opt.readyRuns > 0) {
    result.readyMs = summary(await measureReady(opt.readyRuns));
    console.log(`ready after spawn (${opt.readyRuns} spawns): median ${result.readyMs.median.toFixed(0)} ms, min ${result.readyMs.min.toFixed(0)}, max ${result.readyMs.max.toFixed(0)}`);
  }
  started = ensureRunning(names(opt.prefix, opt.containers));
  try {
    result.containersOnEngine = runningCount();
    result.containersOurs = opt.containers;
    console.log(`${envs.length} environments (${envs.join(', ')}), the same engine: each sees all ${result.containersOnEngine} running containers (${opt.containers} of them ours); interval ${opt.interval} ms, ${opt.seconds} s`);
    Object.assign(result, await fixedRun(envs));
  } finally {
    if (!opt.keep) remove(started);
  }
  result.loadAfter = loadavg();
  for (const e of result.perEnv) {
    console.log(`  env ${e.envId} ${e.kind}: ${e.metricsMessages} metrics messages, cadence median ${e.cadenceMs.median.toFixed(0)} ms; rounds of ${e.containersPerRound}: first ${e.firstRoundMs} ms, later median ${e.roundMs.median} ms, p90 ${e.roundMs.p90} ms, max ${e.roundMs.max} ms`);
  }
  const { at } = result;
  if (at.at60) console.log(`  first 60 s: CPU ${at.at60.cpuMs.toFixed(0)} ms, peak RSS ${(at.at60.hwmKb / 1024).toFixed(1)} MB`);
  console.log(`  peak RSS (VmHWM) ${(at.end.hwmKb / 1024).toFixed(1)} MB, RSS at end ${(at.end.rssKb / 1024).toFixed(1)} MB, threads ${at.end.threads}`);
  console.log(`  CPU total ${at.end.cpuMs.toFixed(0)} ms over ${opt.seconds} s; after ${opt.warmup} s warm-up ${result.cpuAfterWarmupMs.toFixed(0)} ms for ${result.roundsAfterWarmup} rounds (all environments) = ${result.cpuPerRoundMs.toFixed(1)} ms per round`);
  console.log(`  exit status ${result.exitCode}; load average after ${result.loadAfter.join(' ')}`);
  writeJson(opt.json, result);
}

const interrupted = () => { killAll(); if (!opt.keep) remove(started); process.exit(130); };
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
main().catch((e) => { console.error(e.stack || String(e)); killAll(); process.exitCode = 1; });
