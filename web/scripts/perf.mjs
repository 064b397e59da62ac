#!/usr/bin/env node
// perf.mjs — the page's performance figures, measured in headless Chromium
// against the built page (web/dist) served with gzip by serve.mjs. Not a
// test: it prints numbers and the targets beside them.
//
//   node web/scripts/perf.mjs [--runs 3] [--only load|fps|flood]
//                                 (after `npm run build` and `npm run test:unit`)
//
// - navigation → editor ready: Monaco has painted the program's lines
// - navigation → engine ready: the Run button is enabled (worker `ready`)
// - navigation → first output: Run is clicked the moment it is enabled and
//   the default example's first character appears in xterm's buffer
// - transferred bytes: what the server sent for the page and the first run
//   (gzip, every file: html, js, css, fonts, worker, wasm)
// - loop view fps with 200 tasks: frames painted per second while 200 tasks
//   sleep random short times (every frame changes the view), and the longest
//   frame
// - trace flood: a program that floods the trace (5 rounds of a gather of
//   100,000 tasks, speed instant): the longest frame and frames per second
//   while it runs, when "round 0" appears in the console, how long Stop
//   takes to end the run, the most trace events the worker had unapplied,
//   and the page's JS heap during and after the run
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { sourceFragment } from '../tests/browser/harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = process.env.CORIO_WEB_DIST ?? join(here, '..', 'dist');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
const FPS_SECONDS = 5;
const FLOOD_AFTER_ROUND_MS = 2000; // the flood runs this long after "round 0", then Stop

const TASKS_200 = `import asyncio
import random

random.seed(7)

async def worker(i):
    for n in range(60):
        await asyncio.sleep(random.uniform(0.02, 0.3))

async def main():
    await asyncio.gather(*(worker(i) for i in range(200)))

asyncio.run(main())
`;

export const FLOOD = `import asyncio

async def w(i):
    await asyncio.sleep(0)

async def main():
    for k in range(5):
        await asyncio.gather(*(w(i) for i in range(100000)))
        print("round", k)

asyncio.run(main())
`;

const { server, stats, url } = await startServer({ dir: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function loadTimes() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  stats.bytes = 0;
  stats.requests = 0;
  stats.files = [];
  await page.goto(url, { waitUntil: 'commit' });
  const times = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    const result = {};
    for (;;) {
      const now = performance.now();
      if (!result.editor && document.querySelector('[data-testid=editor] .view-line span')) result.editor = now;
      const run = document.querySelector('[data-testid=run]');
      if (!result.engine && run instanceof HTMLButtonElement && !run.disabled) {
        result.engine = now;
        run.click();
      }
      if (result.engine) {
        const detail = { what: 'console-text' };
        document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
        if (!result.output && typeof detail.result === 'string' && detail.result.length > 0) result.output = now;
      }
      if (result.editor && result.output) break;
      if (now > 30_000) break;
      await frame();
    }
    return result;
  });
  await page.waitForSelector('[data-testid=console-status][data-exit]', { timeout: 30_000 });
  const transfer = { bytes: stats.bytes, requests: stats.requests, files: [...stats.files] };
  await context.close();
  return { ...times, transfer };
}

async function fps200() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + '#' + (await sourceFragment(TASKS_200)));
  await page.waitForSelector('[data-testid=run]:not([disabled])', { timeout: 30_000 });
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => {
    const detail = { what: 'loop' };
    document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
    return detail.result && detail.result.tasks.filter((t) => t.status === 'waiting').length >= 200;
  }, null, { timeout: 30_000 });
  const result = await page.evaluate(async (seconds) => {
    const gaps = [];
    let last = performance.now();
    const start = last;
    let frames = 0;
    let changedFrames = 0;
    let previous = '';
    await new Promise((done) => {
      const tick = (now) => {
        frames++;
        gaps.push(now - last);
        last = now;
        const mark = document.querySelector('[data-testid=loop-time]')?.textContent ?? '';
        if (mark !== previous) changedFrames++;
        previous = mark;
        if (now - start < seconds * 1000) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const elapsed = (last - start) / 1000;
    gaps.sort((a, b) => a - b);
    return {
      fps: frames / elapsed,
      changedFps: changedFrames / elapsed,
      longestFrameMs: gaps[gaps.length - 1],
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
      cards: document.querySelectorAll('[data-testid=tasks] .card').length,
      waiting: document.querySelectorAll('[data-testid=tasks] .card[data-status=waiting]').length,
    };
  }, FPS_SECONDS);
  await context.close();
  return result;
}

// Runs FLOOD and measures inside the page (the page's own clock and frames:
// a busy main thread cannot hide from them).
async function flood() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + '#' + (await sourceFragment(FLOOD, { speed: 'instant' })));
  await page.waitForSelector('[data-testid=run]:not([disabled])', { timeout: 30_000 });
  await page.waitForSelector('[data-testid=editor] .view-lines .view-line', { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  const result = await page.evaluate(async (afterRoundMs) => {
    const probe = (what) => {
      const detail = { what };
      document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
      return detail.result;
    };
    const exited = () => document.querySelector('[data-testid=console-status][data-exit]') !== null;
    const gaps = [];
    const times = [];
    let maxBacklog = 0;
    let maxPending = 0;
    let peakHeap = 0; // performance.memory: coarse, but it shows growth
    let round0 = null;
    let stopAt = null;
    let exitAt = null;
    const start = performance.now();
    let last = start;
    document.querySelector('[data-testid=run]').click();
    await new Promise((done) => {
      const tick = (now) => {
        gaps.push(now - last);
        times.push(now - start);
        last = now;
        peakHeap = Math.max(peakHeap, performance.memory?.usedJSHeapSize ?? 0);
        const trace = probe('trace');
        if (trace) {
          maxBacklog = Math.max(maxBacklog, trace.maxWorkerBacklog);
          maxPending = Math.max(maxPending, trace.pending);
        }
        if (round0 === null && String(probe('console-text')).includes('round 0')) round0 = now;
        const stopDue = round0 !== null ? now - round0 > afterRoundMs : now - start > 20_000;
        if (stopAt === null && stopDue) {
          stopAt = performance.now();
          document.querySelector('[data-testid=stop]').click();
        }
        if (stopAt !== null && exited()) {
          exitAt = now;
          return done();
        }
        if (now - start > 60_000) return done();
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const running = (stopAt ?? last) - start;
    const runningGaps = gaps.slice(0, gaps.length - 1);
    const longest = runningGaps.indexOf(Math.max(...runningGaps));
    return {
      longestFrameMs: runningGaps[longest],
      longestAt: `${Math.round(times[longest])} ms in, stop at ${Math.round((stopAt ?? 0) - start)}`,
      fps: runningGaps.length / (running / 1000),
      round0Ms: round0 === null ? null : round0 - start,
      stopMs: exitAt === null ? null : exitAt - stopAt,
      status: document.querySelector('[data-testid=console-status]')?.textContent ?? '',
      maxBacklog,
      maxPending,
      peakHeapMB: peakHeap / 2 ** 20,
    };
  }, FLOOD_AFTER_ROUND_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { ...result, heapMB: heap.usedSize / 2 ** 20 };
}

function printFlood(runs) {
  const best = (key) => Math.min(...runs.map((r) => r[key] ?? Infinity));
  const all = (key, digits = 0) => runs.map((r) => (r[key] === null ? '—' : r[key].toFixed(digits))).join(' / ');
  console.log(`  trace flood (100,000 tasks × 5 rounds, instant; ${runs.length} runs)`);
  console.log(`      longest frame    ${all('longestFrameMs')} ms   (target ≤ 100 ms; best ${best('longestFrameMs').toFixed(0)})`);
  console.log(`      longest when     ${runs.map((r) => r.longestAt).join(' | ')}`);
  console.log(`      frames/s         ${all('fps', 1)}`);
  console.log(`      "round 0" after  ${all('round0Ms')} ms`);
  console.log(`      Stop → ended     ${all('stopMs')} ms   (target ≤ 500 ms)   ${runs.map((r) => r.status).join(' | ')}`);
  console.log(`      worker backlog   ${all('maxBacklog')} events at most; page pending at most ${all('maxPending')}`);
  console.log(`      page JS heap     ${all('peakHeapMB', 1)} MiB at most during the run, ${all('heapMB', 1)} MiB after it`);
}

async function reportLoads() {
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await loadTimes());
  const editor = median(loads.map((l) => l.editor));
  const engine = median(loads.map((l) => l.engine));
  const output = median(loads.map((l) => l.output));
  const transfer = loads[0].transfer;
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`  navigation → editor ready      ${editor.toFixed(0)} ms`);
  console.log(`  navigation → engine ready      ${engine.toFixed(0)} ms`);
  console.log(`  navigation → first output      ${output.toFixed(0)} ms   (target ≤ 1500 ms)`);
  console.log(`  transferred (gzip -9)          ${(transfer.bytes / 1e6).toFixed(2)} MB (${(transfer.bytes / 1024 / 1024).toFixed(2)} MiB) in ${transfer.requests} requests   (target ≤ 1.5 MB)`);
  for (const f of transfer.files.sort((a, b) => b.bytes - a.bytes).slice(0, 8)) {
    console.log(`      ${kb(f.bytes).padStart(9)}  ${f.path}`);
  }
}

async function reportFps() {
  const fps = await fps200();
  console.log(`  loop view, 200 tasks           ${fps.fps.toFixed(1)} fps   (target ≥ 55)`);
  console.log(`      frames that changed the view ${fps.changedFps.toFixed(1)}/s, p95 frame ${fps.p95FrameMs.toFixed(1)} ms, longest ${fps.longestFrameMs.toFixed(1)} ms, ${fps.cards} cards drawn (${fps.waiting} waiting)`);
}

async function reportFlood() {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await flood());
  printFlood(runs);
}

try {
  console.log(`corio page performance (headless Chromium, median of ${RUNS} cold loads, served with gzip)`);
  if (!ONLY || ONLY === 'load') await reportLoads();
  if (!ONLY || ONLY === 'fps') await reportFps();
  if (!ONLY || ONLY === 'flood') await reportFlood();
} finally {
  await browser.close();
  server.close();
}
