#!/usr/bin/env node
// perf.mjs — the page's performance figures, measured in headless Chromium
// against the built page (web/dist) served with gzip by serve.mjs. Not a
// test: it prints numbers and the targets beside them.
//
//   node web/scripts/perf.mjs [--runs 3]      (after `npm run build` and
//                                              `npm run test:unit`)
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
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { sourceFragment } from '../tests/browser/harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = process.env.CORIO_WEB_DIST ?? join(here, '..', 'dist');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const FPS_SECONDS = 5;

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
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=tasks] .card').length >= 200, null, { timeout: 30_000 });
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

try {
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await loadTimes());
  const fps = await fps200();
  const editor = median(loads.map((l) => l.editor));
  const engine = median(loads.map((l) => l.engine));
  const output = median(loads.map((l) => l.output));
  const transfer = loads[0].transfer;
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`corio page performance (headless Chromium, median of ${RUNS} cold loads, served with gzip)`);
  console.log(`  navigation → editor ready      ${editor.toFixed(0)} ms`);
  console.log(`  navigation → engine ready      ${engine.toFixed(0)} ms`);
  console.log(`  navigation → first output      ${output.toFixed(0)} ms   (target ≤ 1500 ms)`);
  console.log(`  transferred (gzip -9)          ${(transfer.bytes / 1e6).toFixed(2)} MB (${(transfer.bytes / 1024 / 1024).toFixed(2)} MiB) in ${transfer.requests} requests   (target ≤ 1.5 MB)`);
  for (const f of transfer.files.sort((a, b) => b.bytes - a.bytes).slice(0, 8)) {
    console.log(`      ${kb(f.bytes).padStart(9)}  ${f.path}`);
  }
  console.log(`  loop view, 200 tasks           ${fps.fps.toFixed(1)} fps   (target ≥ 55)`);
  console.log(`      frames that changed the view ${fps.changedFps.toFixed(1)}/s, p95 frame ${fps.p95FrameMs.toFixed(1)} ms, longest ${fps.longestFrameMs.toFixed(1)} ms, ${fps.cards} cards (${fps.waiting} waiting)`);
} finally {
  await browser.close();
  server.close();
}
