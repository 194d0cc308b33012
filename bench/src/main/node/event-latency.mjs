// Event latency of serve-ipc under a Node.js parent: `docker start` of a stopped test container,
// --events times (round robin over --containers containers that run `true` and exit at once), and
// for each start the time its `container_event` (Action start, that container's ID) is read from the
// worker's stdout. One socket environment, events streamed (the default), disk usage off.
//
// Figures (ms, nearest-rank percentiles):
//   afterReturn   line read - `docker start` returned. The engine emits the event before it answers
//                 the start request, so this is often negative: the raw distribution is reported,
//                 and the same clamped at 0.
//   fromEngine    line read - the event's own timeNano (the engine's clock; the same host's clock).
//   engineToReturn `docker start` returned - timeNano: how long the CLI still takes after the event.
//   dockerStart   spawn of `docker start` to its exit.
// Usage: node bench/src/main/node/event-latency.mjs [--events 200] [--containers 20] [--prefix dst-ev-] [--json FILE]
import { spawn } from 'node:child_process';
import { Worker, killAll, socketEnv, docker, now } from '../../../../ipc/src/test/node/worker.mjs';
import { options, names, remove, loadavg, summary, writeJson } from './measure.mjs';

const opt = options({ events: 200, containers: 20, prefix: 'dst-ev-', json: '' });
let created = [];

/** Runs `docker start NAME`; resolves with the times of the spawn and of the exit. */
function dockerStart(name) {
  return new Promise((resolve, reject) => {
    const spawned = now();
    const child = spawn('docker', ['start', name], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      const returned = now();
      if (code === 0) resolve({ spawned, returned });
      else reject(new Error(`docker start ${name}: exit ${code}: ${err.trim()}`));
    });
  });
}

const isEvent = (action, id) => (m) => m.type === 'container_event' && m.envId === 1 && m.event.Action === action && m.event.Actor?.ID === id;

async function main() {
  const loadBefore = loadavg();
  const w = new Worker({ SKIP_DF_COLLECTION: '1' });
  await w.waitFor('ready', () => true, 10000);
  w.send(socketEnv(1));
  await w.waitFor('env 1 online', (m) => m.type === 'env_status' && m.envId === 1 && m.online, 15000);

  created = names(opt.prefix, opt.containers);
  try { remove(created); } catch { /* absent */ }
  const ids = created.map((name) => docker('create', '--network', 'none', '--label', 'dockstat.testbed=1', '--name', name, 'local/busybox', 'true'));
  // the event stream is open and delivering once the create events came through it
  for (const id of ids) await w.waitFor(`create of ${id}`, isEvent('create', id), 15000);

  const samples = [];
  const lastStart = new Map(); // container ID -> index of the message its previous start came in
  for (let i = 0; i < opt.events; i++) {
    const id = ids[i % ids.length];
    if (lastStart.has(id)) await w.waitFor(`die of ${id}`, isEvent('die', id), 15000, lastStart.get(id)); // stopped again
    const from = w.messages.length;
    const [times, line] = await Promise.all([dockerStart(id), w.waitFor(`start of ${id}`, isEvent('start', id), 15000, from)]);
    lastStart.set(id, w.messages.indexOf(line));
    const engine = line.msg.event.timeNano / 1e6;
    samples.push({ ...times, arrival: line.at, engine });
  }
  await w.stop();
  const afterReturn = samples.map((s) => s.arrival - s.returned);
  const result = {
    events: samples.length, containers: ids.length, loadBefore, loadAfter: loadavg(),
    afterReturn: summary(afterReturn), afterReturnClamped: summary(afterReturn.map((x) => Math.max(0, x))),
    negative: afterReturn.filter((x) => x < 0).length,
    fromEngine: summary(samples.map((s) => s.arrival - s.engine)),
    engineToReturn: summary(samples.map((s) => s.returned - s.engine)),
    dockerStart: summary(samples.map((s) => s.returned - s.spawned)),
  };
  const line = (label, s) => console.log(`  ${label.padEnd(34)} p50 ${s.median.toFixed(1)}  p99 ${s.p99.toFixed(1)}  min ${s.min.toFixed(1)}  max ${s.max.toFixed(1)} ms`);
  console.log(`${result.events} starts of ${result.containers} containers; load average ${loadBefore.join(' ')} before, ${result.loadAfter.join(' ')} after`);
  line('line read - docker start returned', result.afterReturn);
  console.log(`    (${result.negative} of ${result.events} negative: the line came before docker start returned)`);
  line('  the same, negatives as 0', result.afterReturnClamped);
  line("line read - the event's timeNano", result.fromEngine);
  line('docker start returned - timeNano', result.engineToReturn);
  line('docker start (spawn to exit)', result.dockerStart);
  writeJson(opt.json, result);
}

const cleanup = () => { killAll(); try { remove(created); } catch { /* already gone */ } };
process.on('SIGINT', () => { cleanup(); process.exit(130); });
process.on('SIGTERM', () => { cleanup(); process.exit(143); });
main().then(() => remove(created)).catch((e) => { console.error(e.stack || String(e)); cleanup(); process.exitCode = 1; });
