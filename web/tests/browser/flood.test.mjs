// flood.test.mjs — a program that floods the trace (tens of thousands of
// tasks, each a few events, at speed instant) in headless Chromium: the page
// keeps painting and answering, the worker's backlog of unapplied trace
// events stays bounded even when the page is slow, and Stop ends the run
// with the output so far kept. Timings here are hang guards only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BATCH_EVENTS, MAX_TRACE_BACKLOG } from '../../../wasm-bindings/trace_buffer.mjs';
import { consoleText, launch, openPage, probe, run, sourceFragment, waitExit } from './harness.mjs';

// Rounds of 20,000 tasks that yield once; far more rounds than the test waits for.
const FLOOD = `import asyncio

async def w(i):
    await asyncio.sleep(0)

async def main():
    for k in range(1000):
        tasks = [asyncio.create_task(w(i)) for i in range(20000)]
        for t in tasks:
            await t
        print("round", k)

asyncio.run(main())
`;
// The most the worker may have unacknowledged: the limit, and what a slice
// that starts just below it traces (batches of BATCH_EVENTS).
const BACKLOG_BOUND = MAX_TRACE_BACKLOG + 8 * BATCH_EVENTS;

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

function framesIn(page, ms) {
  return page.evaluate(
    (ms) =>
      new Promise((done) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now) => {
          frames++;
          if (now - start < ms) requestAnimationFrame(tick);
          else done(frames);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

test('a trace flood: the page paints and answers, the backlog stays bounded, Stop ends it keeping the output', async () => {
  const { page, errors, close } = await openPage(env, await sourceFragment(FLOOD, { speed: 'instant' }));
  try {
    await run(page);
    await page.waitForFunction(
      () => {
        const detail = { what: 'console-text' };
        document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
        return String(detail.result).includes('round 1');
      },
      null,
      { timeout: 60_000 },
    );
    const frames = await framesIn(page, 1000);
    assert.ok(frames >= 5, `${frames} frames painted in a second of the flood`);

    // A page that falls behind (its main thread held for 1.5 s) is not
    // flooded: the worker waits for the page's acknowledgements.
    await page.evaluate(() => {
      const end = performance.now() + 1500;
      while (performance.now() < end);
    });
    await page.waitForTimeout(500);
    const trace = await probe(page, 'trace');
    assert.ok(trace.received > 2 * BACKLOG_BOUND, `the flood sent only ${trace.received} events`);
    assert.ok(trace.maxWorkerBacklog > 0, 'the worker reports its backlog');
    assert.ok(trace.maxWorkerBacklog <= BACKLOG_BOUND, `the worker had ${trace.maxWorkerBacklog} events unacknowledged`);
    assert.equal(await page.getAttribute('[data-testid=state]', 'data-state'), 'running');

    await page.click('[data-testid=stop]', { timeout: 5_000 });
    assert.equal(await waitExit(page, 10_000), 130);
    const text = await consoleText(page);
    assert.match(text, /^round 0\nround 1$/m, 'the output so far is kept');
    // The view catches up with what was received, then stands still.
    await page.waitForFunction(
      () => {
        const detail = { what: 'trace' };
        document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
        return detail.result.pending === 0;
      },
      null,
      { timeout: 10_000 },
    );
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
