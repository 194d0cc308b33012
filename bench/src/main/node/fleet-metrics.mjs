// The fleet through `dockstat serve-metrics` (issue 19): one exporter watching every engine of the
// synthetic fleet (-H per engine, --interval as given, default the exporter's own), scraped
// --scrapes times, one every --every ms, once every engine's containers are in the answer.
// Figures: scrape time (request sent to the last byte, node's http client), the answer's size and
// series, the exporter's RSS (peak VmHWM, and sampled) and CPU. Goal: scrape p99 <= 250 ms, memory bounded.
// Two series of scrapes: plain (no Accept header: the Prometheus text format, uncompressed), then as
// Prometheus asks (OpenMetrics preferred, Accept-Encoding: gzip), timed to the last compressed byte
// and checked by decompressing; --prom-scrapes 0 skips the second.
// Usage: node bench/src/main/node/fleet-metrics.mjs [--engines 100] [--containers 50] [--churn 10] [--scrapes 120]
//          [--prom-scrapes 120] [--every 1000] [--interval ''] [--listen 127.0.0.1:9399] [--endpoints LIST]
//          [--json FILE] [--md FILE] [--log DIR]
import { spawn } from 'node:child_process';
import { openSync, closeSync, appendFileSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { root, now } from '../../../../ipc/src/test/node/worker.mjs';
import { options, sleep, loadavg, writeJson, procStats, taskCount, socketCount } from './measure.mjs';
import { startFleet, stopFleets } from './synthetic.mjs';
import { fig } from './fleet-parent.mjs';

const opt = options({ engines: 100, containers: 50, churn: 10, scrapes: 120, promScrapes: 120, every: 1000, interval: '', listen: '127.0.0.1:9399', endpoints: '',
  portBase: 24000, control: 23999, json: '', md: '', log: '/tmp', readySeconds: 300 });
const MB = 1024;

/** The headers Prometheus 2.x/3.x sends by default: OpenMetrics preferred, then the text format; gzip. */
const PROMETHEUS_HEADERS = {
  Accept: 'application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,'
    + 'text/plain;version=0.0.4;q=0.3,*/*;q=0.2',
  'Accept-Encoding': 'gzip',
};

/** One scrape: resolves { ms (to the last byte as sent), bytes (as sent), body (decompressed text), type, encoding }. */
function scrape(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const start = now();
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = now() - start;
        const sent = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] || 'identity';
        if (res.statusCode !== 200) { reject(new Error(`scrape: HTTP ${res.statusCode}`)); return; }
        try {
          const body = encoding === 'gzip' ? gunzipSync(sent) : sent;
          resolve({ ms, bytes: sent.length, body: body.toString('utf8'), type: res.headers['content-type'], encoding });
        } catch (e) { reject(e); }
      });
    }).on('error', reject);
  });
}

const containerSeries = (body) => body.split('\n').filter((l) => l.startsWith('container_cpu_usage_seconds_total{')).length;

let exporter = null;

async function main() {
  const loadBefore = loadavg();
  const fleet = opt.endpoints ? null : await startFleet({ engines: opt.engines, containers: opt.containers, churn: opt.churn,
    portBase: opt.portBase, control: opt.control, log: `${opt.log}/synthetic-fleet-metrics.log` });
  const endpoints = fleet ? fleet.endpoints : opt.endpoints.split(',');
  const args = ['serve-metrics', '--listen', opt.listen, ...(opt.interval ? ['--interval', opt.interval] : []), ...endpoints.flatMap((e) => ['-H', e])];
  const log = openSync(`${opt.log}/serve-metrics.log`, 'a');
  exporter = spawn(path.join(root, 'cli/target/bin/dockstat'), args, { stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  const pid = exporter.pid;
  const url = `http://${opt.listen}/metrics`;
  const samples = [];
  const sample = () => { try { const p = procStats(pid); samples.push({ t: Date.now(), ...p, tasks: taskCount(pid), sockets: socketCount(pid), load1: loadavg()[0] }); } catch { /* ended */ } };
  const sampler = setInterval(sample, 5000);
  try {
    const started = Date.now();
    const want = fleet ? opt.engines * opt.containers : 1;
    let first = null;
    while (Date.now() < started + opt.readySeconds * 1000) {
      await sleep(2000);
      try { const s = await scrape(url); if (containerSeries(s.body) >= want * 0.98) { first = s; break; } } catch { /* not listening yet */ }
    }
    if (!first) throw new Error(`the exporter did not show ${want} containers within ${opt.readySeconds} s`);
    const readyS = (Date.now() - started) / 1000;
    console.log(`serve-metrics (pid ${pid}) answers with ${containerSeries(first.body)} containers of ${endpoints.length} engines after ${readyS.toFixed(0)} s; ${opt.scrapes} scrapes, one every ${opt.every} ms`);
    await sleep(10000); // a few rounds after the first
    sample();
    const from = samples.at(-1);
    const series = async (n, headers) => {
      const times = [], sizes = [], counts = [];
      let last = null;
      for (let k = 0; k < n; k++) {
        const t = Date.now();
        const s = await scrape(url, headers);
        times.push(s.ms); sizes.push(s.bytes); counts.push(containerSeries(s.body)); last = s;
        await sleep(Math.max(0, t + opt.every - Date.now()));
      }
      return { times, sizes, counts, type: last && last.type, encoding: last && last.encoding, plainBytes: last && Buffer.byteLength(last.body) };
    };
    const plain = await series(opt.scrapes, {});
    const prom = await series(opt.promScrapes, PROMETHEUS_HEADERS);
    sample();
    const to = samples.at(-1);
    const result = {
      engines: endpoints.length, containers: opt.containers, interval: opt.interval || 'default', loadBefore, loadAfter: loadavg(), readySeconds: readyS,
      scrapeMs: fig(plain.times, 1), bytes: fig(plain.sizes), containerSeries: fig(plain.counts),
      prometheus: { scrapeMs: fig(prom.times, 1), bytes: fig(prom.sizes), containerSeries: fig(prom.counts), contentType: prom.type,
        encoding: prom.encoding, decompressedBytes: prom.plainBytes },
      peakRssMb: to.hwmKb / MB, rssAtFirstScrapeMb: from.rssKb / MB, rssEndMb: to.rssKb / MB,
      cpuPercent: (to.cpuMs - from.cpuMs) / (to.t - from.t) * 100, threads: to.tasks, sockets: to.sockets,
      load1: fig(samples.map((s) => s.load1), 2), samples,
    };
    console.log(`  scrape (ms) min ${result.scrapeMs.min} p50 ${result.scrapeMs.p50} p99 ${result.scrapeMs.p99} max ${result.scrapeMs.max}; ${result.bytes.p50} bytes, ${result.containerSeries.p50} containers per scrape`);
    const p = result.prometheus;
    if (p.scrapeMs.count) console.log(`  as Prometheus asks (${p.contentType}, ${p.encoding}): scrape (ms) min ${p.scrapeMs.min} p50 ${p.scrapeMs.p50} p99 ${p.scrapeMs.p99} max ${p.scrapeMs.max}; ${p.bytes.p50} bytes sent (${p.decompressedBytes} decompressed), ${p.containerSeries.p50} containers per scrape`);
    console.log(`  RSS peak ${result.peakRssMb.toFixed(1)} MB, at the first scrape ${result.rssAtFirstScrapeMb.toFixed(1)} MB, at the end ${result.rssEndMb.toFixed(1)} MB; CPU ${result.cpuPercent.toFixed(1)} % of one core; threads ${result.threads}, sockets ${result.sockets}`);
    writeJson(opt.json, result);
    if (opt.md) appendFileSync(opt.md, markdown(result));
  } finally {
    clearInterval(sampler);
    stopExporter();
    if (fleet) await fleet.stop();
  }
}

function stopExporter() {
  if (exporter && exporter.exitCode === null) { try { process.kill(-exporter.pid, 'SIGTERM'); } catch { /* gone */ } }
}

function markdown(r) {
  const s = r.scrapeMs;
  return `\n### serve-metrics: ${r.engines} engines × ${r.containers} containers (${r.engines * r.containers} containers of series), interval ${r.interval}\n\n`
    + '| figure | goal | measured | |\n|---|---|---|---|\n'
    + `| scrape time over ${s.count} scrapes | p99 ≤ 250 ms | p50 ${s.p50} / p99 ${s.p99} / max ${s.max} ms (${(r.bytes.p50 / 1e6).toFixed(1)} MB, ${r.containerSeries.p50} containers each) | ${s.p99 <= 250 ? 'met' : '**missed**'} |\n`
    + (r.prometheus.scrapeMs.count ? `| scrape time as Prometheus asks (${r.prometheus.contentType}; ${r.prometheus.encoding}), ${r.prometheus.scrapeMs.count} scrapes | p99 ≤ 250 ms | p50 ${r.prometheus.scrapeMs.p50} / p99 ${r.prometheus.scrapeMs.p99} / max ${r.prometheus.scrapeMs.max} ms (${(r.prometheus.bytes.p50 / 1e6).toFixed(2)} MB sent, ${(r.prometheus.decompressedBytes / 1e6).toFixed(1)} MB decompressed, ${r.prometheus.containerSeries.p50} containers each) | ${r.prometheus.scrapeMs.p99 <= 250 ? 'met' : '**missed**'} |\n` : '')
    + `| exporter memory | bounded | peak RSS ${r.peakRssMb.toFixed(1)} MB; ${r.rssAtFirstScrapeMb.toFixed(1)} MB at the first scrape, ${r.rssEndMb.toFixed(1)} MB at the last | |\n`
    + `| exporter CPU while scraped | – | ${r.cpuPercent.toFixed(1)} % of one core; ${r.threads} threads, ${r.sockets} sockets | |\n`
    + `| load average (1 min) while scraped | – | p50 ${r.load1.p50}, max ${r.load1.max} | |\n`;
}

const interrupted = async () => { stopExporter(); await stopFleets(); process.exit(130); };
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);
main().catch(async (e) => { console.error(e.stack || String(e)); stopExporter(); await stopFleets(); process.exitCode = 1; });
