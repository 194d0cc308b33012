// The fleet run (issue 19): serve-ipc under a Node.js parent that behaves like Dockhand's server
// (fleet-parent.mjs: every environment in one write, metrics every 30 s, events streamed, disk usage
// every 5 minutes, the worker's defaults), against the synthetic fleet (--engines engines of
// --containers running containers each, one container stopped and one started every --churn
// seconds per engine, so events flow), for --seconds. Measured from outside the worker:
//   - cadence: the time between consecutive metrics lines of each environment (goal 30 s ± 1 s)
//   - CPU: utime + stime of /proc/PID/stat over the run, in percent of one core (goal <= 5 %)
//   - RSS: peak (VmHWM) and VmRSS at --mark s and at the end (goals: peak <= 128 MB,
//     end <= mark + 4 MB)
//   - threads: /proc/PID/task entries over time; sockets: /proc/PID/fd links to socket:[...]
//     (goal <= 2 per environment + a constant)
//   - event latency: the line read here minus the event's timeNano (the engine's clock, the same
//     host's) (goal p99 <= 50 ms); events checked against the engines' own record (none lost, none twice)
// Without a synthetic fleet, --endpoints tcp://HOST:PORT,unix:///PATH,... watches given engines
// (the development mode against the test bed; no event record to compare with).
// Usage: node bench/src/main/node/fleet.mjs [--engines 100] [--containers 50] [--churn 10] [--seconds 1800]
//          [--mark 600] [--interval 30000] [--endpoints LIST] [--json FILE] [--md FILE] [--log DIR]
// scripts/bench --fleet / --fleet-quick run it.
import { appendFileSync } from 'node:fs';
import { WORKER, killAll } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, loadavg, writeJson, procStats } from './measure.mjs';
import { startFleet, stopFleets } from './synthetic.mjs';
import { FleetParent, fig, compareEvents } from './fleet-parent.mjs';

const opt = options({ engines: 100, containers: 50, churn: 10, seconds: 1800, mark: 600, interval: 30000, endpoints: '', portBase: 24000,
  control: 23999, json: '', md: '', log: '/tmp', title: '' });
const MB = 1024;

async function main() {
  const loadBefore = loadavg();
  const fleet = opt.endpoints ? null : await startFleet({ engines: opt.engines, containers: opt.containers, churn: opt.churn,
    portBase: opt.portBase, control: opt.control, log: `${opt.log}/synthetic-fleet.log` });
  const endpoints = fleet ? fleet.endpoints : opt.endpoints.split(',');
  const n = endpoints.length;
  console.log(`worker: ${WORKER}; ${n} environments${fleet ? ` (synthetic fleet pid ${fleet.pid}, ${opt.containers} containers each, churn every ${opt.churn} s)` : ''}; load average ${loadBefore.join(' ')}`);
  const fleetStats = () => { if (!fleet) return {}; try { const p = procStats(fleet.pid); return { fleetCpuMs: p.cpuMs, fleetRssKb: p.rssKb }; } catch { return {}; } };
  const parent = new FleetParent(endpoints, { intervalMs: opt.interval, observe: fleetStats });
  try {
    const online = await parent.start();
    const t0 = parent.configuredAt;
    console.log(`${online} of ${n} environments online ${((Date.now() - t0) / 1000).toFixed(1)} s after the configure burst; running ${opt.seconds} s`);
    let lastReport = Date.now();
    while (Date.now() < t0 + opt.seconds * 1000) {
      await sleep(Math.min(5000, t0 + opt.seconds * 1000 - Date.now()));
      if (Date.now() - lastReport >= 60000) {
        lastReport = Date.now();
        const s = parent.samples.at(-1);
        console.log(`  ${Math.round((Date.now() - t0) / 1000)} s: RSS ${(s.rssKb / MB).toFixed(1)} MB, threads ${s.tasks}, sockets ${s.sockets}, `
          + `metrics lines ${parent.metrics.reduce((a, m) => a + m.length, 0)}, events ${parent.events.length}, load ${s.load1}`);
      }
    }
    const tEnd = Date.now();
    const records = fleet ? await engineRecords(fleet, parent, t0, tEnd) : null;
    const exit = await parent.stop();
    parent.saveStderr(`${opt.log}/worker-${n}x${opt.containers}.stderr`);
    const result = summarize(parent, t0, tEnd, records, exit, loadBefore);
    print(result);
    writeJson(opt.json, result);
    if (opt.md) appendFileSync(opt.md, markdown(result));
  } finally {
    if (parent.worker.stderr.length) parent.saveStderr(`${opt.log}/worker-${n}x${opt.containers}.stderr`);
    killAll();
    if (fleet) await fleet.stop();
  }
}

/** Each engine's own record of the events it emitted over the run's middle: from 60 s after the burst to 10 s before the end. */
async function engineRecords(fleet, parent, t0, tEnd) {
  await sleep(2000); // the last lines of that window reach the parent
  parent.drain();
  return compareEvents(fleet.control, parent, Math.ceil(t0 / 1000) + 60, Math.floor(tEnd / 1000) - 10);
}

function summarize(p, t0, tEnd, records, exit, loadBefore) {
  const n = p.endpoints.length;
  const gaps = [], all = [], perEnvWorst = [];
  for (let i = 0; i < n; i++) {
    all.push(...p.gaps(i));
    const g = p.gaps(i, t0 + 60000); // the first round (first connections, first stats with the engine's own previous sample) is slower: gaps between lines after the first minute
    gaps.push(...g);
    const off = g.filter((x) => Math.abs(x - opt.interval) > 1000);
    perEnvWorst.push({ envId: i + 1, lines: p.metrics[i].length, min: Math.min(...g), max: Math.max(...g), off: off.length,
      firstLinesS: p.metrics[i].slice(0, 3).map((t) => Math.round(t - t0) / 1000) });
  }
  const samples = p.samples.filter((s) => s.t >= t0 && s.t <= tEnd + 10000);
  const after = samples.filter((s) => s.t >= t0 + 60000);
  const mark = p.sampleAt(t0 + opt.mark * 1000), end = p.sampleAt(tEnd);
  const lat = p.events.filter((e) => e.t >= t0 + 60000).map((e) => e.lat);
  const keys = new Map();
  for (const e of p.events) keys.set(e.envId + '|' + e.key, (keys.get(e.envId + '|' + e.key) || 0) + 1);
  const statusByEnv = new Map();
  for (const s of p.status) statusByEnv.set(s.envId, (statusByEnv.get(s.envId) || 0) + 1);
  const fleetCpu = samples.length > 1 && samples[0].fleetCpuMs !== undefined
    ? (samples.at(-1).fleetCpuMs - samples[0].fleetCpuMs) / (samples.at(-1).t - samples[0].t) * 100 : NaN;
  return {
    title: opt.title, environments: n, containers: opt.containers, churnSeconds: opt.churn, seconds: Math.round((tEnd - t0) / 1000),
    intervalMs: opt.interval, markSeconds: opt.mark, loadBefore, loadAfter: loadavg(),
    load1: fig(samples.map((s) => s.load1), 2), exit,
    cadenceMs: fig(gaps), cadenceAllMs: fig(all), cadenceOff: perEnvWorst.reduce((a, e) => a + e.off, 0), envsOff: perEnvWorst.filter((e) => e.off > 0).length,
    worstEnvs: perEnvWorst.sort((a, b) => b.off - a.off || b.max - a.max).slice(0, 5),
    metricsLinesPerEnv: fig(p.metrics.map((m) => m.length)),
    cpuPercent: p.cpuPercent(t0, tEnd), cpuPercentAfter60s: p.cpuPercent(t0 + 60000, tEnd),
    cpuMsTotal: end.cpuMs, fleetCpuPercent: fleetCpu,
    peakRssMb: end.hwmKb / MB, rssMarkMb: mark.rssKb / MB, rssEndMb: end.rssKb / MB, rssMaxSampledMb: Math.max(...samples.map((s) => s.rssKb)) / MB,
    threads: fig(after.map((s) => s.tasks)), sockets: fig(after.map((s) => s.sockets)),
    eventLatencyMs: fig(lat, 1), events: p.events.length, repeatedAtParent: [...keys.values()].filter((c) => c > 1).length,
    records, statusLines: p.status.length, statusPerEnvMax: Math.max(0, ...statusByEnv.values()),
    offline: p.status.filter((s) => !s.online).length,
    diskPerEnv: fig(p.disk.map((d) => d.length)), errors: p.errors.length, firstErrors: p.errors.slice(0, 5),
    stderrLines: p.worker.stderr.length, stderrSample: p.worker.stderr.slice(0, 10),
    samples,
  };
}

function print(r) {
  const f = (x) => `min ${x.min} p50 ${x.p50} p99 ${x.p99} max ${x.max}`;
  console.log(`${r.environments} environments x ${r.containers} containers, ${r.seconds} s, load average ${f(r.load1)}`);
  console.log(`  cadence (ms) after the first minute: ${f(r.cadenceMs)} (all gaps: ${f(r.cadenceAllMs)}); ${r.cadenceOff} gaps outside ${r.intervalMs} ± 1000 ms in ${r.envsOff} environments; metrics lines per env ${f(r.metricsLinesPerEnv)}`);
  console.log(`  CPU ${r.cpuPercent.toFixed(2)} % of one core (after the first minute ${r.cpuPercentAfter60s.toFixed(2)} %); synthetic fleet ${r.fleetCpuPercent.toFixed(1)} %`);
  console.log(`  RSS peak ${r.peakRssMb.toFixed(1)} MB, at ${r.markSeconds} s ${r.rssMarkMb.toFixed(1)} MB, at the end ${r.rssEndMb.toFixed(1)} MB`);
  console.log(`  threads ${f(r.threads)}; sockets ${f(r.sockets)}`);
  console.log(`  events ${r.events}, latency (ms) ${f(r.eventLatencyMs)}; repeated at the parent ${r.repeatedAtParent}`);
  if (r.records) console.log(`  against the engines' record [${r.records.since}, ${r.records.until}]: ${r.records.expected} expected, ${r.records.missing} missing, ${r.records.twice} twice, ${r.records.unknown} not in the record`);
  console.log(`  status lines ${r.statusLines} (${r.offline} offline; at most ${r.statusPerEnvMax} per environment); disk_usage per env ${f(r.diskPerEnv)}; error lines ${r.errors}; stderr lines ${r.stderrLines}; exit ${JSON.stringify(r.exit)}`);
  for (const e of r.firstErrors) console.log(`    error: ${JSON.stringify(e)}`);
  for (const l of r.stderrSample) console.log(`    stderr: ${l}`);
}

const met = (ok) => (ok ? 'met' : '**missed**');

function markdown(r) {
  const c = r.cadenceMs, l = r.eventLatencyMs;
  const rows = [
    ['metrics cadence per environment (after the first minute)', `${r.intervalMs / 1000} s ± 1 s`, `min ${c.min} / p50 ${c.p50} / p99 ${c.p99} / max ${c.max} ms over ${c.count} gaps; ${r.cadenceOff} off in ${r.envsOff} environments (all gaps: min ${r.cadenceAllMs.min} / max ${r.cadenceAllMs.max})`, met(r.cadenceOff === 0)],
    ['worker CPU, average over the run', '≤ 5 % of one core', `${r.cpuPercent.toFixed(2)} % (after the first minute ${r.cpuPercentAfter60s.toFixed(2)} %)`, met(r.cpuPercent <= 5)],
    ['peak RSS (VmHWM)', '≤ 128 MB', `${r.peakRssMb.toFixed(1)} MB`, met(r.peakRssMb <= 128)],
    [`RSS at the end vs at ${+(r.markSeconds / 60).toFixed(1)} min`, '≤ +4 MB', `${r.rssMarkMb.toFixed(1)} → ${r.rssEndMb.toFixed(1)} MB (${(r.rssEndMb - r.rssMarkMb >= 0 ? '+' : '') + (r.rssEndMb - r.rssMarkMb).toFixed(1)})`, met(r.rssEndMb <= r.rssMarkMb + 4)],
    ['platform threads (/proc/PID/task)', 'bounded, independent of N', `min ${r.threads.min} / p50 ${r.threads.p50} / max ${r.threads.max}`, 'see the comparison'],
    ['open sockets (/proc/PID/fd)', `≤ 2 × ${r.environments} + a constant`, `min ${r.sockets.min} / p50 ${r.sockets.p50} / max ${r.sockets.max} (${(r.sockets.max / r.environments).toFixed(1)} per environment)`, met(r.sockets.max <= 2 * r.environments + 50)],
    ['event latency, timeNano → line at the parent', 'p99 ≤ 50 ms', `p50 ${l.p50} / p99 ${l.p99} / max ${l.max} ms over ${l.count} events`, met(l.p99 <= 50)],
  ];
  if (r.records) rows.push(['events vs the engines\' record', 'each once', `${r.records.expected} emitted, ${r.records.missing} missing, ${r.records.twice} twice, ${r.records.unknown} unknown`, met(r.records.missing === 0 && r.records.twice === 0 && r.records.unknown === 0)]);
  rows.push(['disk_usage per environment', 'every 5 min', `min ${r.diskPerEnv.min} / max ${r.diskPerEnv.max} lines over ${r.seconds} s`, '']);
  return `\n### ${r.title || `${r.environments} environments × ${r.containers} containers`}, ${Math.round(r.seconds / 60)} minutes\n\n`
    + `Load average (1 min) during the run: p50 ${r.load1.p50}, max ${r.load1.max}; the synthetic fleet itself used ${r.fleetCpuPercent.toFixed(0)} % of one core. `
    + `Status lines: ${r.statusLines} (${r.offline} offline); error lines ${r.errors}; worker exit ${r.exit.code ?? r.exit.signal}.\n\n`
    + '| figure | goal | measured | |\n|---|---|---|---|\n' + rows.map((x) => `| ${x.join(' | ')} |`).join('\n') + '\n';
}

const interrupted = async () => { killAll(); await stopFleets(); process.exit(130); };
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
main().catch(async (e) => { console.error(e.stack || String(e)); killAll(); await stopFleets(); process.exitCode = 1; });
