/**
 * Detection engine benchmark: events/s with every SigmaHQ Windows rule against a parse-only
 * loop over the same one-million-event file, corpus load time, peak RSS, and indicator lookups/s
 * with 10 million indicators. Run alone with `node bin/run-ts.mjs bench/detect.bench.ts --main`.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DetectionEngine, IndicatorStore, parseRulePath, type AnyRule } from '@qalxan/detect-engine';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIGMA = path.resolve(here, '../../shared/data/sigma');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 10_000_000);

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** Writes the event file by cycling the regression events, varying ids and times per copy. */
async function makeEventFile(file: string): Promise<void> {
  const base = readFileSync(path.join(SIGMA, 'regression/events_flat.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const out = createWriteStream(file);
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < EVENTS; i++) {
    const e = { ...base[i % base.length], EventRecordID: 1_000_000 + i, SystemTime: new Date(t0 + i * 37).toISOString(), ProcessId: 1000 + (i % 50_000) };
    if (!out.write(JSON.stringify(e) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function forEachLine(file: string, f: (line: string) => void): Promise<number> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    f(line);
    n++;
  }
  return n;
}

async function detection(): Promise<void> {
  const dirs = readdirSync(SIGMA).filter((d) => d.startsWith('rules')).map((d) => path.join(SIGMA, d));
  let t = performance.now();
  const parsed: AnyRule[] = [];
  for (const d of dirs) parsed.push(...parseRulePath(d).rules);
  const all = new DetectionEngine();
  const rejectedAll = all.addRules(parsed);
  const loadMs = performance.now() - t;
  console.log(`corpus load: ${parsed.length} rules parsed and compiled in ${loadMs.toFixed(0)} ms (${rejectedAll.length} rejected at compile)`);

  const windows = parsed.filter((r) => r.kind !== 'correlation' && r.logsource.product === 'windows');
  const engine = new DetectionEngine();
  engine.addRules(windows);
  console.log(`windows rules loaded: ${engine.rules.length}`);

  const file = path.join(tmpdir(), `qalxan-bench-${process.pid}.jsonl`);
  t = performance.now();
  await makeEventFile(file);
  console.log(`generated ${EVENTS} events in ${((performance.now() - t) / 1000).toFixed(1)} s → ${file}`);
  try {
    let sink = 0;
    t = performance.now();
    const n1 = await forEachLine(file, (l) => {
      sink += (JSON.parse(l) as { EventID: number }).EventID;
    });
    const parseRate = n1 / ((performance.now() - t) / 1000);
    console.log(`parse-only: ${parseRate.toFixed(0)} events/s (checksum ${sink})`);
    const rateOf = async (e: DetectionEngine, label: string): Promise<void> => {
      let matches = 0;
      t = performance.now();
      const n = await forEachLine(file, (l) => {
        matches += e.match(JSON.parse(l)).length;
      });
      const rate = n / ((performance.now() - t) / 1000);
      console.log(`${label}${rate.toFixed(0)} events/s, ${matches} matches, ${((rate / parseRate) * 100).toFixed(1)} % of parse-only (goal ≥ 60 %)`);
    };
    await rateOf(engine, 'engine:     ');
    const s = engine.indexStats();
    console.log(`prefilter:  ${s.keys} dispatch keys, ${s.indexed} indexed / ${s.always} always-run rule variants`);
    console.log(`peak RSS after detection: ${mb(peakRss())}`);
    // The file cycles 238 events, so every scanned value repeats: the scan memory's best case.
    // With the memory off every value is scanned afresh, as in a stream where none repeats.
    const forgetful = new DetectionEngine({ scanMemoryBytes: 0 });
    forgetful.addRules(windows);
    await rateOf(forgetful, 'engine, scan memory off: ');
  } finally {
    if (existsSync(file)) rmSync(file);
  }
}

function indicatorValue(i: number): { type: 'sha256' | 'domain' | 'ip' | 'url'; value: string } {
  const h = (i * 2654435761) >>> 0;
  switch (i % 10) {
    case 0: case 1: case 2: case 3:
      return { type: 'sha256', value: (h.toString(16).padStart(8, '0') + i.toString(16).padStart(8, '0')).repeat(4) };
    case 4: case 5: case 6:
      return { type: 'domain', value: `h${h.toString(36)}-${i}.example${i % 7}.com` };
    case 7: case 8:
      return { type: 'ip', value: `${10 + (i % 200)}.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}` };
    default:
      return { type: 'url', value: `http://s${i % 1000}.example.net/p/${h.toString(36)}/${i}` };
  }
}

async function indicators(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const store = new IndicatorStore();
  const sources = Array.from({ length: 16 }, (_, i) => `feed${i}`);
  // The synthetic values cost time to build too; time that alone so the store's share is visible.
  let t = performance.now();
  let genLen = 0;
  for (let i = 0; i < INDICATORS; i++) genLen += indicatorValue(i).value.length;
  const genS = (performance.now() - t) / 1000;
  t = performance.now();
  for (let i = 0; i < INDICATORS; i++) {
    const x = indicatorValue(i);
    store.add({ type: x.type, value: x.value, confidence: i % 100, tlp: 'green', source: sources[i % 16] });
  }
  const loadS = (performance.now() - t) / 1000;
  gc?.();
  const after = process.memoryUsage();
  console.log(`indicators: ${store.size} loaded in ${loadS.toFixed(1)} s (of which ~${genS.toFixed(1)} s building the synthetic values, ${genLen} chars); store arrays ${mb(store.memoryBytes)}, heap+external growth ${mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers)}, RSS ${mb(after.rss)}`);
  const probes: string[] = [];
  for (let i = 0; i < 1_000_000; i++) {
    const v = indicatorValue((i * 7919) % INDICATORS).value;
    probes.push(i % 2 === 0 ? v : v.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
  }
  let hits = 0;
  t = performance.now();
  for (const p of probes) hits += store.lookup(p).length;
  const rate = probes.length / ((performance.now() - t) / 1000);
  console.log(`indicator lookups: ${rate.toFixed(0)} /s (${hits} hits of ${probes.length}, half absent)`);
  console.log(`peak RSS: ${mb(peakRss())}`);
}

/** Prints the detection and indicator figures. */
export async function run(): Promise<void> {
  console.log('== detect-engine ==');
  await detection();
  await indicators();
}

if (process.argv.includes('--main')) await run();
