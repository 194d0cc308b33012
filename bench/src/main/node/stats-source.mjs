// The kernel stats source against the engine's API, on the same --containers idle containers of the
// test bed (PREFIXNN, started here if missing, removed at the end if started here):
//   - serve-ipc: one environment on the unix socket, configured with statsSource kernel, then with
//     engine (a fresh worker each); metrics every --interval ms for --seconds after --warmup s; the
//     worker's CPU time (utime + stime) over the measured part divided by the metrics rounds it sent
//     = CPU per environment-round.
//   - the live view: `dockstat stats --interval 250ms` under `script` (a pseudo-terminal, so the
//     full-screen view runs) for --seconds after --warmup s: its JVM's CPU time over wall time, in
//     percent of one core, for each source.
// Usage: node bench/src/main/node/stats-source.mjs [--containers 60] [--prefix dst-bn-] [--seconds 60]
//          [--warmup 15] [--interval 1000] [--json FILE]
// scripts/bench runs it as its "source" phase.
import { spawn, execFileSync } from 'node:child_process';
import { Worker, socketEnv, root } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, names, ensureRunning, remove, procStats, loadavg, writeJson } from './measure.mjs';
import path from 'node:path';

const opt = options({ containers: 60, prefix: 'dst-bn-', seconds: 60, warmup: 15, interval: 1000, json: '' });
const DOCKSTAT = process.env.DOCKSTAT || path.join(root, 'cli/target/bin/dockstat');

async function ipcCost(source) {
  const w = new Worker({ SKIP_DF_COLLECTION: '1' });
  await w.waitFor('ready', () => true, 10000);
  w.send({ ...socketEnv(1), statsSource: source });
  w.send({ type: 'set_metrics_interval', intervalMs: opt.interval });
  const s = await w.waitFor('env 1 status', (m) => (m.type === 'env_status' || m.type === 'error') && m.envId === 1, 15000);
  if (!s.msg.online) throw new Error('environment 1 is not online: ' + JSON.stringify(s.msg));
  await sleep(opt.warmup * 1000);
  const a = { ...procStats(w.child.pid), rounds: w.of('metrics').length, at: Date.now() };
  await sleep(opt.seconds * 1000);
  const b = { ...procStats(w.child.pid), rounds: w.of('metrics').length, at: Date.now() };
  await w.stop();
  const rounds = b.rounds - a.rounds;
  return { source, rounds, cpuMs: b.cpuMs - a.cpuMs, cpuMsPerRound: rounds ? (b.cpuMs - a.cpuMs) / rounds : NaN,
    cpuPercentOfCore: (b.cpuMs - a.cpuMs) / (b.at - a.at) * 100, seconds: (b.at - a.at) / 1000 };
}

/** The JVM under `script`: the launcher execs java, so it is the process running dockstat.jar among script's descendants. */
function javaPid(scriptPid) {
  const out = execFileSync('ps', ['-eo', 'pid,ppid,args'], { encoding: 'utf8' }).split('\n').slice(1).map((l) => l.trim().split(/\s+/));
  const children = (p) => out.filter((r) => r[1] === String(p)).map((r) => r[0]);
  const queue = [String(scriptPid)];
  while (queue.length) {
    const p = queue.shift();
    const row = out.find((r) => r[0] === p);
    if (row && row.slice(2).join(' ').includes('dockstat.jar')) return Number(p);
    queue.push(...children(p));
  }
  return 0;
}

async function liveViewCost(source) {
  // a pseudo-terminal starts with no size, on which the view draws nothing: give it 160 x 70 (all 60 rows)
  const cmd = `stty rows 70 cols 160; exec ${DOCKSTAT} stats --interval 250ms --source ${source}`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, COLUMNS: '160', LINES: '80', TERM: 'xterm' } });
  let bytes = 0;
  child.stdout.on('data', (d) => { bytes += d.length; });
  await sleep(3000);
  const pid = javaPid(child.pid);
  if (!pid) throw new Error('no dockstat JVM under script');
  await sleep(opt.warmup * 1000);
  const a = { ...procStats(pid), at: Date.now(), bytes };
  await sleep(opt.seconds * 1000);
  const b = { ...procStats(pid), at: Date.now(), bytes };
  child.stdin.write('q');
  await new Promise((resolve) => { const t = setTimeout(() => { child.kill('SIGTERM'); resolve(); }, 5000); child.on('exit', () => { clearTimeout(t); resolve(); }); });
  return { source, cpuPercentOfCore: (b.cpuMs - a.cpuMs) / (b.at - a.at) * 100, screenBytesPerSecond: Math.round((b.bytes - a.bytes) / ((b.at - a.at) / 1000)), seconds: (b.at - a.at) / 1000 };
}

const started = ensureRunning(names(opt.prefix, opt.containers));
try {
  const result = { containers: opt.containers, intervalMs: opt.interval, loadStart: loadavg(), ipc: [], live: [] };
  for (const source of ['kernel', 'engine']) {
    const r = await ipcCost(source);
    console.log(`serve-ipc, ${opt.containers} containers, ${source} source: ${r.rounds} rounds in ${r.seconds.toFixed(0)} s, `
      + `${r.cpuMsPerRound.toFixed(1)} ms CPU per environment-round (${r.cpuPercentOfCore.toFixed(1)}% of a core)`);
    result.ipc.push(r);
  }
  for (const source of ['kernel', 'engine']) {
    const r = await liveViewCost(source);
    console.log(`live view at 250ms, ${opt.containers} containers, ${source} source: ${r.cpuPercentOfCore.toFixed(1)}% of a core`
      + ` (${r.screenBytesPerSecond} bytes/s to the terminal)`);
    result.live.push(r);
  }
  const [k, e] = result.ipc;
  result.ipcRatio = k.cpuMsPerRound / e.cpuMsPerRound;
  console.log(`serve-ipc CPU per round, kernel / engine: ${result.ipcRatio.toFixed(2)}`);
  result.loadEnd = loadavg();
  writeJson(opt.json, result);
} finally {
  remove(started);
}
