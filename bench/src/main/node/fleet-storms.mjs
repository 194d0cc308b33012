// The fleet's storms (issue 19, part 3): serve-ipc under the Dockhand-like parent (fleet-parent.mjs)
// watching the synthetic fleet (--engines x --containers, churn so events flow), then, in order:
//   1. settings refresh: every environment's unchanged configure again in one write (with the
//      interval and the event mode, as Dockhand sends them). Compared over 30 s before and 30 s
//      after: the worker's sockets, the engines' connectionsAccepted, and status lines (goal: no
//      new connection, no status line);
//   2. one slow engine: engine 0 answers after --slow-ms (20 s) for --slow-seconds; the other
//      environments' metrics cadence over that time (goal: 30 s ± 1 s, only environment 1 slowed);
//   3. the storm: all engines down for --down-seconds (60) and back. Connection attempts per second
//      (the fleet's own per-second histogram of accepted + refused connections), the time from the
//      return until every environment said online (goal <= 90 s), offline/online lines per
//      environment (goal: exactly one each), and the events across the outage against the engines'
//      own record (goal: each delivered once).
// Usage: node bench/src/main/node/fleet-storms.mjs [--engines 100] [--containers 50] [--churn 10]
//          [--down-seconds 60] [--slow-ms 20000] [--slow-seconds 120] [--json FILE] [--md FILE] [--log DIR]
// scripts/bench --storms runs it.
import { appendFileSync } from 'node:fs';
import { killAll } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, loadavg, writeJson } from './measure.mjs';
import { startFleet, stopFleets } from './synthetic.mjs';
import { FleetParent, fig, compareEvents } from './fleet-parent.mjs';

const opt = options({ engines: 100, containers: 50, churn: 10, interval: 30000, downSeconds: 60, slowMs: 20000, slowSeconds: 120,
  portBase: 24000, control: 23999, json: '', md: '', log: '/tmp' });

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Connections accepted by all engines together (the fleet's /metrics). */
const accepted = (m) => sum(engineList(m).map((e) => e.counters?.connectionsAccepted ?? e.connectionsAccepted ?? 0));
/** Requests of one kind (ping, version, info, containers, stats, events, df, ...) to all engines together. */
const requests = (m, kind) => sum(engineList(m).map((e) => e.counters?.requests?.[kind] ?? 0));
const engineList = (m) => (Array.isArray(m.engines) ? m.engines : Object.values(m.engines ?? {}));

/**
 * The per-second connection attempts (accepted + refused) from the fleet's histogram, as
 * [unixSecond, attempts] pairs between from and to (wall ms).
 */
function attemptsPerSecond(m, from, to) {
  const h = m.connectionAttemptsPerSecond ?? m.attemptsPerSecond ?? m.histogram ?? m.connectionAttempts;
  let pairs;
  if (Array.isArray(h)) pairs = h.map((x) => (Array.isArray(x) ? x : [x.second ?? x.t ?? x.time ?? x.unix, x.attempts ?? x.count ?? x.n]));
  else if (h && Array.isArray(h.counts)) pairs = h.counts.map((c, k) => [h.startSecond + k, c]);
  else pairs = Object.entries(h ?? {}).map(([s, c]) => [Number(s), c]);
  return pairs.map(([s, c]) => [Number(s), Number(c)]).filter(([s]) => s * 1000 >= from - 1000 && s * 1000 < to);
}

async function main() {
  const loadBefore = loadavg();
  const fleet = await startFleet({ engines: opt.engines, containers: opt.containers, churn: opt.churn, portBase: opt.portBase,
    control: opt.control, log: `${opt.log}/synthetic-fleet-storms.log` });
  const n = fleet.endpoints.length;
  const parent = new FleetParent(fleet.endpoints, { intervalMs: opt.interval });
  const result = { engines: n, containers: opt.containers, churnSeconds: opt.churn, loadBefore };
  try {
    await parent.start();
    const t0 = parent.configuredAt;
    const at = (s) => sleep(Math.max(0, t0 + s * 1000 - Date.now()));
    const snapshot = async () => { parent.sample(); const m = await fleet.control.metrics(); return { t: Date.now(), sockets: parent.samples.at(-1).sockets, accepted: accepted(m), status: parent.status.length,
      events: requests(m, 'events'), version: requests(m, 'version'), ping: requests(m, 'ping'), stats: requests(m, 'stats') }; };
    const delta = (a, b) => ({ accepted: b.accepted - a.accepted, eventsRequests: b.events - a.events, versionRequests: b.version - a.version,
      pings: b.ping - a.ping, statsRequests: b.stats - a.stats, sockets: [a.sockets, b.sockets], statusLines: b.status - a.status });

    // 1. the settings refresh
    await at(45);
    const s0 = await snapshot();
    await at(75);
    const s1 = await snapshot();
    parent.reconfigure();
    await at(105);
    const s2 = await snapshot();
    parent.drain();
    result.refresh = {
      before: delta(s0, s1), after: delta(s1, s2),
      statusLinesAfter: parent.status.filter((s) => s.t >= s1.t).map((s) => s.envId),
    };
    console.log(`settings refresh: 30 s before: ${JSON.stringify(result.refresh.before)}; 30 s after the ${n} configures: ${JSON.stringify(result.refresh.after)}`);

    // 2. one slow engine
    const slowFrom = Date.now();
    await fleet.control.latency(0, opt.slowMs);
    await sleep(opt.slowSeconds * 1000);
    await fleet.control.latency(0, 0);
    const slowTo = Date.now();
    parent.drain();
    const others = [];
    for (let i = 1; i < n; i++) others.push(...parent.gaps(i, slowFrom + opt.interval, slowTo));
    result.slow = {
      seconds: opt.slowSeconds, latencyMs: opt.slowMs, othersCadenceMs: fig(others),
      othersOff: others.filter((g) => Math.abs(g - opt.interval) > 1000).length,
      slowEnvMetricsLines: parent.metrics[0].filter((t) => t >= slowFrom && t < slowTo).length,
      slowEnvStatus: parent.status.filter((s) => s.envId === 1 && s.t >= slowFrom).map((s) => ({ s: Math.round((s.t - slowFrom) / 1000), online: s.online, error: s.error })),
    };
    console.log(`slow engine 0 (${opt.slowMs} ms) for ${opt.slowSeconds} s: the other ${n - 1} environments' cadence (ms) min ${result.slow.othersCadenceMs.min} p50 ${result.slow.othersCadenceMs.p50} `
      + `max ${result.slow.othersCadenceMs.max}, ${result.slow.othersOff} gaps off; environment 1: ${result.slow.slowEnvMetricsLines} metrics lines, status ${JSON.stringify(result.slow.slowEnvStatus)}`);
    // environment 1 back online before the storm, so the storm's lines are the storm's own
    const back = Date.now() + 90000;
    while (Date.now() < back && parent.status.filter((s) => s.envId === 1).at(-1)?.online === false) { await sleep(500); parent.drain(); }

    // 3. the storm
    await sleep(15000);
    parent.drain();
    const downAt = Date.now();
    await fleet.control.down('all', opt.downSeconds);
    const upAt = downAt + opt.downSeconds * 1000;
    const statusFrom = parent.status.length;
    const deadline = upAt + 150000;
    let allBack = null;
    while (Date.now() < deadline) {
      await sleep(500);
      parent.drain();
      const lines = parent.status.slice(statusFrom);
      const onlineAgain = new Set(lines.filter((s) => s.online && s.t >= upAt).map((s) => s.envId));
      if (onlineAgain.size === n && allBack === null) { allBack = Date.now(); break; }
    }
    await sleep(20000); // events after the return, and any late status line
    parent.drain();
    const lines = parent.status.slice(statusFrom);
    const perEnv = Array.from({ length: n }, (_, i) => lines.filter((s) => s.envId === i + 1));
    const backAt = perEnv.map((l) => l.find((s) => s.online)?.t).filter(Boolean);
    const offAt = perEnv.map((l) => l.find((s) => !s.online)?.t).filter(Boolean);
    const m = await fleet.control.metrics();
    const attempts = attemptsPerSecond(m, downAt - 60000, Date.now());
    const records = await compareEvents(fleet.control, parent, Math.floor(downAt / 1000) - 20, Math.floor(Date.now() / 1000) - 10);
    result.storm = {
      downSeconds: opt.downSeconds,
      offlineLines: fig(perEnv.map((l) => l.filter((s) => !s.online).length)), onlineLines: fig(perEnv.map((l) => l.filter((s) => s.online).length)),
      envsExactlyOneEach: perEnv.filter((l) => l.length === 2 && !l[0].online && l[1].online).length,
      offlineAfterDownMs: fig(offAt.map((t) => t - downAt)),
      onlineAfterReturnMs: fig(backAt.map((t) => t - upAt)), allOnlineAfterReturnMs: allBack ? allBack - upAt : null, envsBack: backAt.length,
      attemptsPerSecond: attempts, attemptsMaxPerSecond: Math.max(0, ...attempts.map(([, c]) => c)),
      attemptsBeforeMax: Math.max(0, ...attempts.filter(([s]) => s * 1000 < downAt - 1000).map(([, c]) => c)),
      attemptsBeforeMean: sum(attempts.filter(([s]) => s * 1000 < downAt - 1000).map(([, c]) => c)) / 59,
      attemptsFirstSecond: sum(attempts.filter(([s]) => s * 1000 >= downAt - 1000 && s * 1000 < downAt + 1000).map(([, c]) => c)),
      attemptsDuringOutageMax: Math.max(0, ...attempts.filter(([s]) => s * 1000 >= downAt && s * 1000 < upAt).map(([, c]) => c)),
      attemptsAfterReturnMax: Math.max(0, ...attempts.filter(([s]) => s * 1000 >= upAt).map(([, c]) => c)),
      events: records,
    };
    const st = result.storm;
    console.log(`storm: offline lines per env ${JSON.stringify(st.offlineLines)}, online ${JSON.stringify(st.onlineLines)}, exactly one each in ${st.envsExactlyOneEach} of ${n}`);
    console.log(`  online after the return (ms): ${JSON.stringify(st.onlineAfterReturnMs)}; every environment ${st.allOnlineAfterReturnMs} ms after`);
    console.log(`  connection attempts per second: max ${st.attemptsMaxPerSecond}; the minute before: mean ${st.attemptsBeforeMean.toFixed(0)}, max ${st.attemptsBeforeMax}; `
      + `the second of the loss ${st.attemptsFirstSecond}; during the outage max ${st.attemptsDuringOutageMax}; after the return max ${st.attemptsAfterReturnMax}`);
    console.log(`  events [${records.since}, ${records.until}]: ${records.expected} emitted, ${records.missing} missing, ${records.twice} twice, ${records.unknown} not in the record`);
    writeJson(`${opt.log}/storms-delivered.json`, { downAt, upAt, status: parent.status, events: parent.events }); // for a closer look at any miss
    result.exit = await parent.stop();
    result.loadAfter = loadavg();
    result.samples = parent.samples;
    result.stderrTail = parent.worker.stderr.slice(-30);
    writeJson(opt.json, result);
    if (opt.md) appendFileSync(opt.md, markdown(result));
  } finally {
    parent.saveStderr(`${opt.log}/worker-storms.stderr`);
    killAll();
    await fleet.stop();
  }
}

const met = (ok) => (ok ? 'met' : '**missed**');

function markdown(r) {
  const { refresh: f, slow: s, storm: st } = r;
  const rows = [
    ['settings refresh: unchanged configures of every environment in one write', 'every connection kept, no status line',
      `30 s before / 30 s after: new event streams ${f.before.eventsRequests} / ${f.after.eventsRequests}, /version ${f.before.versionRequests} / ${f.after.versionRequests}, `
      + `pings ${f.before.pings} / ${f.after.pings}, connections accepted ${f.before.accepted} / ${f.after.accepted} (the stats fan-out's, ${f.before.statsRequests} / ${f.after.statsRequests} stats requests); `
      + `worker sockets ${f.before.sockets.join(' → ')} / ${f.after.sockets.join(' → ')}; status lines ${f.after.statusLines}`,
      met(f.after.eventsRequests === 0 && f.after.versionRequests <= f.before.versionRequests && f.after.statusLines === 0)],
    [`one engine answering after ${s.latencyMs / 1000} s, ${s.seconds} s`, 'only its environment slowed',
      `the other ${r.engines - 1}: cadence min ${s.othersCadenceMs.min} / p50 ${s.othersCadenceMs.p50} / max ${s.othersCadenceMs.max} ms, ${s.othersOff} gaps off; environment 1: ${s.slowEnvMetricsLines} metrics lines, ${s.slowEnvStatus.length} status lines`,
      met(s.othersOff === 0)],
    [`all engines down ${st.downSeconds} s: connection attempts per second`, 'bounded (see below)',
      `the minute before (rounds as usual): mean ${st.attemptsBeforeMean.toFixed(0)}, max ${st.attemptsBeforeMax}; around the loss ${st.attemptsFirstSecond}; during the outage max ${st.attemptsDuringOutageMax}; after the return max ${st.attemptsAfterReturnMax}`, ''],
    ['every environment online again', '≤ 90 s after the return',
      st.allOnlineAfterReturnMs === null ? `${st.envsBack} of ${r.engines} back` : `${(st.allOnlineAfterReturnMs / 1000).toFixed(1)} s (per environment p50 ${(st.onlineAfterReturnMs.p50 / 1000).toFixed(1)} s)`,
      met(st.allOnlineAfterReturnMs !== null && st.allOnlineAfterReturnMs <= 90000)],
    ['offline / online lines per environment', 'exactly one each', `${st.envsExactlyOneEach} of ${r.engines} environments exactly one each (offline min ${st.offlineLines.min} max ${st.offlineLines.max}, online min ${st.onlineLines.min} max ${st.onlineLines.max})`,
      met(st.envsExactlyOneEach === r.engines)],
    ['events across the outage vs the engines\' record', 'each once', `${st.events.expected} emitted, ${st.events.missing} missing, ${st.events.twice} twice, ${st.events.unknown} unknown`,
      met(st.events.missing === 0 && st.events.twice === 0 && st.events.unknown === 0)],
  ];
  return `\n### Storms: ${r.engines} engines × ${r.containers} containers\n\n| test | goal | measured | |\n|---|---|---|---|\n`
    + rows.map((x) => `| ${x.join(' | ')} |`).join('\n') + '\n\nConnection attempts per second around the outage (unix second: attempts): '
    + st.attemptsPerSecond.filter(([, c]) => c > 0).map(([t, c]) => `${t}: ${c}`).join(', ') + '\n';
}

const interrupted = async () => { killAll(); await stopFleets(); process.exit(130); };
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
main().catch(async (e) => { console.error(e.stack || String(e)); killAll(); await stopFleets(); process.exitCode = 1; });
