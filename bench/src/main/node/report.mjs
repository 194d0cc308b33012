// The report of one scripts/bench run: reads the figures its phases left in RUN_DIR and writes one
// markdown document (to OUT, or stdout): a summary of every goal with pass/miss and the ratio to
// its peer, then each measurement in detail, the machine, the versions and the load during the run.
// Usage: node bench/src/main/node/report.mjs RUN_DIR [OUT]
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { percentile, summary } from './measure.mjs';

const [dir, out] = process.argv.slice(2);
const file = (name) => path.join(dir, name);
const json = (name) => (existsSync(file(name)) ? JSON.parse(readFileSync(file(name), 'utf8')) : null);
const text = (name) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : '');
const keyValues = (name) => Object.fromEntries(text(name).split('\n').filter((l) => l.includes('='))
  .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

const meta = keyValues('meta.txt');
const phases = text('phases.txt').split('\n').filter(Boolean).map((l) => {
  const [name, start, end, status, loadStart, loadEnd] = l.split(' ');
  return { name, start: Number(start), end: Number(end), status, loadStart, loadEnd };
});
const loads = text('loadavg.txt').split('\n').filter(Boolean).map((l) => l.split(' ').map(Number)); // epoch load1 load5 load15

// ---- formatting ---------------------------------------------------------------------------------
const f = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const ms = (x, digits = 0) => `${f(x, digits)} ms`;
const sec = (x, digits = 2) => `${f(x, digits)} s`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–');
const mb = (kb) => `${f(kb / 1024, 1)} MB`;
const verdict = (ok) => (ok === undefined ? '–' : ok ? '**pass**' : '**miss**');
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const loadDuring = (p) => {
  const xs = loads.filter(([t]) => t >= p.start && t <= p.end).map((l) => l[1]);
  return xs.length ? `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}` : `${p.loadStart}-${p.loadEnd}`;
};

const doc = [];
const summaryRows = [];
const goal = (figure, value, peer, peerRatio, goalText, ok) => summaryRows.push([figure, value, peer, peerRatio, goalText, verdict(ok)]);

// ---- stats --no-stream --------------------------------------------------------------------------
function statsSection() {
  const sizes = [...new Set(readdirSync(dir).map((n) => n.match(/^stats-(\d+)-\d+\.json$/)).filter(Boolean).map((m) => Number(m[1])))].sort((a, b) => a - b);
  if (!sizes.length) return;
  const rows = [];
  const notes = [];
  for (const n of sizes) {
    const times = { dockstat: [], docker: [] };
    let passes = 0;
    for (const name of readdirSync(dir).filter((x) => x.startsWith(`stats-${n}-`))) {
      passes++;
      for (const r of json(name).results) times[r.command].push(...r.times.map((t) => t * 1000));
    }
    const d = summary(times.dockstat);
    const k = summary(times.docker);
    for (const [tool, s] of [['dockstat', d], ['docker CLI', k]]) {
      rows.push([String(n), tool, String(s.count), ms(s.median), `${f(s.p25)}-${f(s.p75)} ms`, `${f(s.min)}-${f(s.max)} ms`,
        tool === 'dockstat' ? ratio(d.median, k.median) : '']);
    }
    goal(`\`stats --no-stream\`, ${n} containers (median)`, ms(d.median), `docker CLI ${ms(k.median)} (measured)`, ratio(d.median, k.median), '≤ 0.7×', d.median / k.median <= 0.7);
    notes.push({ n, d, k, passes });
  }
  const probes = text('collector.txt').split('\n').map((l) => l.match(/took (\d+) ms \((idle|ticking)\)/)).filter(Boolean);
  const ticking = probes.filter((m) => m[2] === 'ticking');
  doc.push('## `stats --no-stream`: dockstat vs `docker stats --no-stream`', '',
    `Both against the same running idle test containers (named on the command line), with hyperfine \`-N\` (no shell), ` +
    `\`--prepare 'sleep 1'\` before every run, one warm-up run per pass, and the passes alternating which tool goes first ` +
    `(${notes[0].passes} passes per size; all runs of all passes pooled). Median and quartiles are nearest-rank. ` +
    `dockstat is \`cli/target/bin/dockstat\` (the launcher: bash, then the JVM with the AOT cache); docker is the CLI ${meta.dockerClient}.`, '',
    table(['containers', 'tool', 'runs', 'median', 'p25-p75', 'min-max', 'ratio of medians'], rows), '',
    '**What bounds the ratio.** A CPU % needs two readings of the engine\'s stats collector, which reads the cgroups of every ' +
    'container someone asked about and then sleeps 1 s. `docker stats --no-stream` asks `stream=false` (the engine answers with ' +
    'its second reading); dockstat asks two `one-shot` readings, the second as soon as the first is back. Either way the second ' +
    'reading is one collector cycle (1 s + the time to read the watched containers) after the first. When no other client reads ' +
    'stats, the collector idles and the first reading comes at once; when one does, the first reading waits for the next ' +
    'cycle (0 to one cycle). Above that, docker spends its Go start-up (a few ms) and dockstat its JVM start-up (see cold start: ' +
    'the `--version` figure is a floor; `stats` loads more classes). No client can go below one collector cycle with a CPU % that ' +
    'means what docker\'s means, so the ratio cannot fall below ~1 cycle / docker\'s time:', '',
    ...notes.map(({ n, d, k }) => `- ${n} containers: docker ${ms(k.median)}, dockstat ${ms(d.median)} (${d.median >= k.median ? '+' : '−'}${ms(Math.abs(d.median - k.median))}); ` +
      `0.7 × docker is ${ms(0.7 * k.median)}` + (0.7 * k.median < 1000 ? ', less than the 1000 ms the engine leaves between two readings even when idle.' : '.')),
    '',
    `The engine's collector, probed before each pass and at the end (a one-shot request 1.5 s after our last one: a few ms when ` +
    `it idles, up to a cycle when another client keeps it ticking): ${probes.length - ticking.length} of ${probes.length} probes idle` +
    (ticking.length ? `, ${ticking.length} ticking (${ticking.map((m) => m[1] + ' ms').join(', ')}): another client on this shared engine was reading stats.` : '.'), '');
}

// ---- round latency ------------------------------------------------------------------------------
function roundsSection() {
  const r = json('rounds.json');
  if (!r) return;
  const at = (n, defaultCap) => r.settings.find((s) => s.n === n && s.defaultCap === defaultCap);
  const rows = r.settings.map((s) => [String(s.n), s.defaultCap ? `${s.cap} (default)` : `${s.cap} (the Go worker's width)`, sec(s.first), sec(s.median), sec(s.min), sec(s.max), String(s.failures)]);
  const d60 = at(60, true);
  const c60 = at(60, false);
  if (d60) {
    goal('round at N=60 (median)', sec(d60.median), `Go worker 8.3 s (quoted)${c60 ? `; dockstat capped at 8: ${sec(c60.median)} (measured)` : ''}`, ratio(d60.median, 8.3), '≤ 1.5 s', d60.median <= 1.5);
  }
  doc.push('## Round latency of the metrics engine', '',
    `\`RoundLatency\` (bench module): a \`StatsCollector\` round (list + every stats request in flight together) over N idle ` +
    `test containers on the unix socket, ${r.rounds} rounds after a first one (which reads with precpu and is shown apart), ` +
    `${r.pauseMillis ? `${r.pauseMillis} ms between rounds` : 'back to back'}. A round waits for the engine's next collector tick, ` +
    'so back to back it takes about one tick (1 s) for any N; capped at 8 requests in flight (the Go worker) it takes ceil(N/8) ticks.', '',
    table(['N', 'cap', 'first', 'median', 'min', 'max', 'failures'], rows), '');
}

// ---- cold start ---------------------------------------------------------------------------------
function startupSection() {
  const s = json('startup.json');
  if (!s) return;
  const by = Object.fromEntries(s.results.map((x) => [x.command, x]));
  const rows = s.results.map((x) => [x.command, ms(x.median * 1000, 1), `${f(x.mean * 1000, 1)} ± ${f(x.stddev * 1000, 1)} ms`,
    `${f(x.min * 1000, 1)}-${f(x.max * 1000, 1)} ms`, ratio(x.median, by['no-cache']?.median)]);
  const built = by['as-built'];
  goal('start, `dockstat --version` as built (median)', ms(built.median * 1000), `no cache ${ms(by['no-cache'].median * 1000)} (measured)`, ratio(built.median, by['no-cache'].median), '≤ 150 ms', built.median * 1000 <= 150);
  doc.push('## Cold start: `dockstat --version` with and without the AOT cache', '',
    '`scripts/measure-startup` (hyperfine `-N -w 3 -r 10`) on three copies of the same build: as built (the small start-up cache ' +
    'for `--version`/`--help`), the full cache only, no cache at all.', '',
    table(['install', 'median', 'mean ± σ', 'min-max', 'vs no cache'], rows), '');
}

// ---- serve-ipc ----------------------------------------------------------------------------------
function ipcSection() {
  const r = json('ipc.json');
  if (!r) return;
  const end = r.at.end;
  const first60 = r.at.at60;
  if (r.readyMs) goal('serve-ipc `ready` after spawn (median)', ms(r.readyMs.median), 'Go worker 12 ms (quoted)', ratio(r.readyMs.median, 12), '≤ 300 ms (README target)', r.readyMs.median <= 300);
  goal(`serve-ipc peak RSS, ${r.perEnv.length} envs × ${r.containersOnEngine} containers`, mb(end.hwmKb), 'Go worker 11-12 MB, 1 env (quoted)', ratio(end.hwmKb / 1024, 11.5), '≤ 48 MB (README target)', end.hwmKb / 1024 <= 48);
  const envs = r.perEnv.length;
  if (first60) {
    goal(`serve-ipc CPU, first 60 s (start included), ${envs} envs`, ms(first60.cpuMs), 'Go worker 140-180 ms over 40-60 s, 1 env, 63 containers (quoted)',
      `${ratio(first60.cpuMs, 160)} (${ratio(first60.cpuMs / envs, 160)} per env)`, '–', undefined);
  }
  goal(`serve-ipc CPU per environment-round after ${r.warmup} s`, ms(r.cpuPerRoundMs, 1), 'Go worker ~25-35 ms (quoted)', ratio(r.cpuPerRoundMs, 30), '–', undefined);
  const rows = r.perEnv.map((e) => [`${e.envId}: ${e.endpoint}`, String(e.containersPerRound), String(e.metricsMessages), ms(e.cadenceMs.median),
    ms(e.firstRoundMs), ms(e.roundMs.median), ms(e.roundMs.p90), ms(e.roundMs.max)]);
  doc.push('## `serve-ipc` under a Node.js parent', '',
    `\`bench/src/main/node/serve-ipc.mjs\` spawns \`cli/target/bin/collection-worker\` with no arguments, as Dockhand does, and talks JSON lines to it. ` +
    `\`ready\`: time from spawn to the first stdout line over ${r.readyMs?.count ?? 0} spawns (median ${ms(r.readyMs?.median)}, min ${ms(r.readyMs?.min)}, max ${ms(r.readyMs?.max)}). ` +
    `Then one worker, ${r.perEnv.length} environments configured at once, metrics every ${r.intervalMs} ms for ${r.seconds} s, events streamed, ` +
    'disk usage off (`SKIP_DF_COLLECTION=1`), `DOCKSTAT_DEBUG=1` for the round durations. All environments are the same engine ' +
    `reached three ways, so each sees every running container: ${r.containersOnEngine} at the start (${r.containersOurs} idle test containers of ours` +
    `${r.containersOnEngine > r.containersOurs ? `, ${r.containersOnEngine - r.containersOurs} of other users of the engine` : ''}; ` +
    `other users may start more during the run): ${r.perEnv.length} × that many container readings per interval.`, '',
    table(['environment', 'containers per round', 'metrics msgs', 'cadence (median)', 'first round', 'round median', 'round p90', 'round max'], rows), '',
    table(['figure', 'dockstat serve-ipc', 'Go worker (quoted in docs/serve-ipc.md, 1 environment, 63 containers)'], [
      ['`ready` after spawn, median', ms(r.readyMs?.median), '12 ms'],
      ['peak RSS (VmHWM)', `${mb(end.hwmKb)} (RSS at the end ${mb(end.rssKb)}, ${end.threads} threads)`, '11-12 MB'],
      ['CPU (utime+stime), first 60 s after configure, start included', first60 ? ms(first60.cpuMs) : '–', '140-180 ms over 40-60 s'],
      [`CPU over the whole ${r.seconds} s`, ms(end.cpuMs), '–'],
      [`CPU per environment-round after ${r.warmup} s`, `${ms(r.cpuPerRoundMs, 1)} (${ms(r.cpuAfterWarmupMs)} for ${r.roundsAfterWarmup} rounds)`, '~25-35 ms (its 40-60 s total over 5-6 rounds)'],
      ['round at N=60', `median ${ms(Math.max(...r.perEnv.map((e) => e.roundMs.median)))} (slowest environment)`, '8.3 s (8-wide batches)'],
    ]), '',
    `Resident memory (VmRSS) and CPU time every minute: ${(r.samples || []).filter((x) => x.s % 60 < 10).map((x) => `${f(x.s / 60)} min ${mb(x.rssKb)} / ${ms(x.cpuMs)}`).join(', ') || '–'}.`, '',
    `Exit status after \`shutdown\`: ${r.exitCode}. Load average ${r.loadBefore.join(' ')} before, ${r.loadAfter.join(' ')} after.`, '');
}

// ---- event latency ------------------------------------------------------------------------------
function eventsSection() {
  const r = json('events.json');
  if (!r) return;
  const row = (label, s) => [label, ms(s.median, 1), ms(s.p99, 1), ms(s.min, 1), ms(s.max, 1)];
  goal(`event latency p99, \`docker start\` returned → line (${r.events} events)`, ms(r.afterReturn.p99, 1), '–', '–', '≤ 20 ms', r.afterReturn.p99 <= 20);
  goal('event latency p99, engine `timeNano` → line', ms(r.fromEngine.p99, 1), '–', '–', '≤ 20 ms (same goal, stricter start)', r.fromEngine.p99 <= 20);
  doc.push('## Event latency: `docker start` → `container_event` on the worker\'s stdout', '',
    `\`bench/src/main/node/event-latency.mjs\`: one worker, one socket environment, events streamed; ${r.events} \`docker start\` runs ` +
    `(round robin over ${r.containers} created test containers that run \`true\` and exit, each started again only after its \`die\` event), ` +
    'each timed from the moment the CLI exits to the moment the parent reads the matching `start` line. The engine emits the event ' +
    'before it answers the start request, so the line usually arrives before `docker start` returns: the raw distribution is ' +
    `negative for ${r.negative} of ${r.events} events; it is shown raw, clamped at 0, and from the engine's own \`timeNano\` ` +
    '(same host, same clock) to the line, which is the latency the worker adds plus the engine\'s delivery.', '',
    table(['interval', 'p50', 'p99', 'min', 'max'], [
      row('line read − `docker start` returned (raw)', r.afterReturn),
      row('the same, negatives as 0', r.afterReturnClamped),
      row('line read − event `timeNano`', r.fromEngine),
      row('`docker start` returned − event `timeNano`', r.engineToReturn),
      row('`docker start` (spawn to exit)', r.dockerStart),
    ]), '');
}

// ---- JMH ----------------------------------------------------------------------------------------
function jmhSection() {
  const r = json('jmh.json');
  if (!r) return;
  const score = (m) => `${f(m.score)} ± ${f(m.scoreError)} ${m.scoreUnit}`;
  const rows = r.flatMap((b) => {
    const alloc = b.secondaryMetrics?.['gc.alloc.rate.norm'];
    const name = b.benchmark.replace('dev.dockstat.bench.', '');
    // a group benchmark's score is the sum of its threads'; each thread's is a secondary metric
    const threads = ['reader', 'writer'].filter((t) => b.secondaryMetrics?.[t])
      .map((t) => [`${name}: ${t} (one thread of two at once)`, score(b.secondaryMetrics[t]), '']);
    return [[name, score(b.primaryMetric), alloc ? `${f(alloc.score, 3)} B/op` : '–'], ...threads];
  });
  const footprint = text('footprint.txt').trim();
  const perPoint = Number((footprint.match(/([\d.]+) bytes per point/) || [])[1]);
  const first = r[0];
  doc.push('## JMH: ring buffer and stats math', '',
    `\`scripts/bench jmh\` (bench module, JMH ${first.jmhVersion}, ${first.warmupIterations} × ${first.warmupTime} warm-up, ` +
    `${first.measurementIterations} × ${first.measurementTime} measurement, ${first.forks} fork, \`-prof gc\`; JVM ${first.vmName} ${first.vmVersion}). ` +
    'Throughput with the 99.9% error; allocation per operation from the gc profiler. The ring buffer\'s appends and reads into a ' +
    'reused batch allocate nothing (≈ 0 B/op); `StatsCalculatorBench.compute` returns a record, its only allocation.', '',
    table(['benchmark', 'throughput', 'allocated'], rows), '',
    `Heap per history point (\`HistoryFootprint\`): ${footprint || '–'}`, '');
  if (Number.isFinite(perPoint)) goal('history: heap per point (3000-point ring)', `${f(perPoint, 2)} B`, '–', '–', '16 B of arrays (README)', perPoint <= 16.5);
}

// ---- assemble -----------------------------------------------------------------------------------
startupSection();
statsSection();
roundsSection();
ipcSection();
eventsSection();
jmhSection();

const l1 = loads.map((l) => l[1]);
const started = new Date(Number(meta.scriptStart) * 1000);
const took = phases.length ? (phases.at(-1).end - Number(meta.scriptStart)) / 60 : NaN;
const head = [
  `# dockstat benchmarks, ${meta.date}${meta.mode === 'quick' ? ' (quick run)' : ''}`, '',
  `\`scripts/bench${meta.mode === 'quick' ? ' --quick' : ''}\` at commit \`${meta.commit}\`, started ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${f(took, 1)} minutes with the build. ` +
  'Every figure below was measured in this one run on this machine, except those marked "quoted".', '',
  table(['', ''], [
    ['machine', `${meta.cpu}, ${meta.cores} cores, ${meta.memory} memory, Linux ${meta.kernel}`],
    ['JDK (dockstat\'s launcher picks it)', meta.jdk],
    ['engine', `${meta.engine}, cgroup ${meta.cgroup}; docker CLI ${meta.dockerClient}`],
    ['tools', `hyperfine ${meta.hyperfine}, Node.js ${meta.node}`],
    ['load average (1 min) during the run', l1.length ? `${f(percentile(l1, 50), 2)} median, ${f(Math.min(...l1), 2)}-${f(Math.max(...l1), 2)} (sampled every 5 s; ${meta.loadStart} at the start)` : meta.loadStart],
    ['other clients of the engine', meta.others || '–'],
  ]), '',
  '## Summary', '',
  'Ratio: dockstat\'s figure over the peer\'s (below 1 is better for times and memory).', '',
  table(['figure', 'dockstat', 'peer', 'ratio', 'goal', 'result'], summaryRows), '',
];
const tail = ['## Phases', '', table(['phase', 'status', 'minutes', 'load average (1 min) during it'],
  phases.map((p) => [p.name, p.status, f((p.end - p.start) / 60, 1), loadDuring(p)])), ''];
const markdown = [...head, ...doc, ...tail].join('\n');
if (out) writeFileSync(out, markdown);
else process.stdout.write(markdown);
