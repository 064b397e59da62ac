// page.test.mjs — the playground in headless Chromium: the built page
// (web/dist) with the real worker and WebAssembly engine. Expected outputs
// are examples/NAME.out, written by CPython (examples/regen.sh), never by
// corio.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS,
  EXAMPLES,
  chooseExample,
  consoleText,
  examplesIndex,
  expectedOutput,
  launch,
  normalizeOutput,
  openPage,
  probe,
  run,
  setSource,
  sourceFragment,
  waitExit,
  waitReady,
} from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

describe('the page', () => {
  test('loads and runs the default example without console errors', async () => {
    const { page, errors, close } = await openPage(env, 'v1/speed=instant');
    try {
      assert.equal(await page.getAttribute('[data-testid=state]', 'data-state'), 'idle');
      const index = examplesIndex();
      assert.equal(await probe(page, 'editor-source'), readExample(index[0].file));
      await run(page);
      assert.equal(await waitExit(page), 0);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('every example prints its expected output (read from xterm)', async () => {
    const { page, errors, close } = await openPage(env, 'v1/speed=instant');
    try {
      const failures = [];
      for (const example of examplesIndex()) {
        await chooseExample(page, example.name);
        assert.equal(await probe(page, 'editor-source'), readExample(example.file), example.name);
        await run(page);
        const code = await waitExit(page, 120_000);
        const got = normalizeOutput(await consoleText(page));
        const want = normalizeOutput(expectedOutput(example.name));
        if (code !== 0 || got !== want) failures.push(`${example.name}: exit ${code}\n--- got\n${got}\n--- want\n${want}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('Ctrl+Enter in the editor runs the program', async () => {
    const { page, close } = await openPage(env, 'v1/ex=countasync&speed=instant');
    try {
      await page.click('[data-testid=editor] .view-lines');
      await page.keyboard.press('Control+Enter');
      assert.equal(await waitExit(page), 0);
      assert.equal(normalizeOutput(await consoleText(page)), normalizeOutput(expectedOutput('countasync')));
      assert.equal(await probe(page, 'editor-source'), readExample('countasync.py'), 'Ctrl+Enter did not edit the text');
    } finally {
      await close();
    }
  });

  test('a syntax error puts a marker on its line', async () => {
    const { page, close } = await openPage(env, await sourceFragment('print("fine")\nx = (1,\n     2)\ny = = 2\n'));
    try {
      await run(page);
      assert.equal(await waitExit(page), 1);
      const markers = await probe(page, 'editor-markers');
      assert.equal(markers.length, 1, JSON.stringify(markers));
      assert.equal(markers[0].line, 4);
      const text = await consoleText(page);
      assert.match(text, /File "main\.py", line 4/);
      assert.match(markers[0].message, /SyntaxError/);
      assert.match(text, /SyntaxError/);
      await page.waitForSelector('[data-testid=editor] .squiggly-error');
      const problem = await page.textContent('[data-testid=problem]');
      assert.match(problem, new RegExp(`line ${markers[0].line}`));
    } finally {
      await close();
    }
  });

  test('an uncaught exception puts a marker on the line that raised', async () => {
    const source = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    raise ValueError("boom")\n\nasyncio.run(main())\n';
    const { page, close } = await openPage(env, await sourceFragment(source));
    try {
      await run(page);
      assert.equal(await waitExit(page), 1);
      const markers = await probe(page, 'editor-markers');
      assert.equal(markers.length, 1, JSON.stringify(markers));
      assert.equal(markers[0].line, 5);
      const text = await consoleText(page);
      assert.match(text, /Traceback \(most recent call last\):/);
      assert.match(text, /ValueError: boom$/);
      assert.equal(text.split('Traceback').length, 2, 'the traceback is printed once');
      // Clicking the traceback's `File "main.py", line 5` moves the editor there.
      const row = page.locator('[data-testid=console] .xterm-rows > div', { hasText: 'File "main.py", line 5' });
      await page.click('[data-testid=editor] .view-lines');
      await page.keyboard.press('ControlOrMeta+Home');
      // (xterm's rows ignore the pointer: the mouse goes to the screen below.)
      const box = await row.boundingBox();
      assert.ok(box, 'the traceback line is on screen');
      await page.mouse.move(box.x + 40, box.y + box.height / 2);
      await page.waitForTimeout(100);
      await page.mouse.click(box.x + 40, box.y + box.height / 2);
      await page.waitForFunction(() => document.querySelector('[data-testid=editor] .current-line') !== null);
      const cursorLine = await page.evaluate(() => {
        const current = document.querySelector('[data-testid=editor] .margin .current-line');
        const lines = [...document.querySelectorAll('[data-testid=editor] .line-numbers')];
        const top = current?.parentElement?.style.top;
        return lines.find((l) => l.parentElement?.style.top === top)?.textContent?.trim();
      });
      assert.equal(cursorLine, '5');
    } finally {
      await close();
    }
  });

  test('a share link round-trips code, speed and clock', async () => {
    const { page, close } = await openPage(env);
    const source = '# ünïcödé ✓ 🐍 事件\nprint("héllo, 世界")\n';
    try {
      await setSource(page, source);
      await page.selectOption('[data-testid=speed]', '2');
      await page.selectOption('[data-testid=clock]', 'real');
      await page.click('[data-testid=share]');
      const link = await page.inputValue('[data-testid=share-link]');
      assert.match(link, /#v1\/code=/);
      const other = await env.browser.newPage();
      try {
        await other.goto(link);
        await waitReady(other);
        assert.equal(await probe(other, 'editor-source'), source);
        assert.equal(await other.inputValue('[data-testid=speed]'), '2');
        assert.equal(await other.inputValue('[data-testid=clock]'), 'real');
        assert.equal(await other.locator('[data-testid=notice].error').count(), 0);
      } finally {
        await other.close();
      }
    } finally {
      await close();
    }
  });

  test('an example\'s share link just names it', async () => {
    const { page, close } = await openPage(env);
    try {
      await chooseExample(page, 'countasync');
      await page.click('[data-testid=share]');
      const link = await page.inputValue('[data-testid=share-link]');
      assert.match(link, /#v1\/ex=countasync$/);
    } finally {
      await close();
    }
  });

  test('a garbled link shows a message and the default example', async () => {
    const { page, errors, close } = await openPage(env, 'v1/code=1abc.N4IgLgTghgdgzgcwJYFsCmIBcIBmoA');
    try {
      const notice = await page.textContent('[data-testid=notice].error');
      assert.match(notice, /could not be read/);
      assert.match(notice, /default example/);
      assert.equal(await probe(page, 'editor-source'), readExample(examplesIndex()[0].file));
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('Stop ends `while True: pass`, keeps the output and the page answers', async () => {
    const { page, close } = await openPage(env);
    try {
      await setSource(page, 'print("before the loop")\nwhile True: pass\n');
      await run(page);
      await page.waitForFunction(() => {
        const detail = { what: 'console-text' };
        document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
        return String(detail.result).includes('before the loop');
      });
      assert.equal(await page.getAttribute('[data-testid=state]', 'data-state'), 'running');
      // The page answers a click while the program spins.
      const spinning = await clickLatency(page);
      assert.ok(spinning < 200, `a click took ${spinning} ms while the program spins`);
      await page.click('[data-testid=stop]');
      const stopping = await clickLatency(page);
      assert.ok(stopping < 200, `a click took ${stopping} ms right after Stop`);
      assert.equal(await waitExit(page, 5_000), 130);
      assert.match(await consoleText(page), /^before the loop$/m);
      // And it runs the next program.
      await page.waitForSelector('[data-testid=run]:not([disabled])');
      await setSource(page, 'print("after")\n');
      await run(page);
      assert.equal(await waitExit(page), 0);
      assert.equal(await consoleText(page), 'after');
    } finally {
      await close();
    }
  });

  test('Step advances exactly one loop iteration on countasync', async () => {
    const { page, close } = await openPage(env, 'v1/ex=countasync');
    try {
      await page.selectOption('[data-testid=step-unit]', 'iteration');
      const iteration = async () => Number(await page.getAttribute('[data-testid=loop-iteration]', 'data-iteration'));
      const waitIteration = (n) => page.waitForFunction(
        (k) => Number(document.querySelector('[data-testid=loop-iteration]')?.getAttribute('data-iteration')) === k,
        n,
      );
      // A click shows 'stepping…' at once, and 'paused' when the worker
      // reports the step done.
      const step = async () => {
        await page.click('[data-testid=step]');
        await page.waitForSelector('[data-testid=state][data-state=paused]');
      };
      // From idle, the first Step starts the program paused and runs the
      // module's code up to asyncio.run's loop; the second, the loop's first
      // iteration: main()'s first step.
      await step();
      assert.equal(await iteration(), 0);
      await step();
      await waitIteration(1);
      // Paused after main()'s first step: the editor highlights its line
      // (the gather), and its card is the current one.
      await page.waitForFunction(() => document.querySelector('[data-testid=editor] .running-line') !== null);
      assert.deepEqual(await probe(page, 'editor-highlight'), [14]);
      assert.equal(await page.textContent('[data-testid=tasks] .card.current .name'), 'Task-1');
      await step();
      await waitIteration(2);
      await page.waitForTimeout(300); // nothing more happens while paused
      assert.equal(await iteration(), 2);
      assert.equal(await page.getAttribute('[data-testid=state]', 'data-state'), 'paused');
      // Three clicks faster than the steps run are three steps, not one
      // (countasync has 6 iterations).
      await page.click('[data-testid=step]');
      await page.click('[data-testid=step]');
      await page.click('[data-testid=step]');
      await page.waitForSelector('[data-testid=state][data-state=paused]');
      await waitIteration(5);
      await page.waitForTimeout(300);
      assert.equal(await iteration(), 5);

      await page.click('[data-testid=stop]');
      await waitExit(page, 5_000);
    } finally {
      await close();
    }
  });

  test('Pause freezes the program and the view; Resume continues', async () => {
    const { page, close } = await openPage(env, 'v1/ex=countasync&speed=0.5');
    try {
      await run(page);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid=tasks] .card[data-wait=Timer]').length === 3,
      );
      await page.click('[data-testid=pause]');
      await page.waitForSelector('[data-testid=state][data-state=paused]');
      const frozen = await consoleText(page);
      const time = await page.textContent('[data-testid=loop-time]');
      await page.waitForTimeout(2500); // past the moment it would have ended
      assert.equal(await consoleText(page), frozen);
      assert.equal(await page.textContent('[data-testid=loop-time]'), time);
      assert.equal(await page.getAttribute('[data-testid=state]', 'data-state'), 'paused');
      await page.click('[data-testid=pause]'); // now "Resume"
      assert.equal(await waitExit(page, 10_000), 0);
      assert.equal(normalizeOutput(await consoleText(page)), normalizeOutput(expectedOutput('countasync')));
    } finally {
      await close();
    }
  });

  test('during countasync the loop view shows three tasks waiting on timers (screenshot)', async () => {
    const { page, errors, close } = await openPage(env, 'v1/ex=countasync&speed=0.5');
    try {
      await run(page);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid=tasks] .card[data-status=waiting][data-wait=Timer]').length === 3,
        null,
        { timeout: 10_000 },
      );
      const names = await page.$$eval('[data-testid=tasks] .card[data-status=waiting][data-wait=Timer] .name', (nodes) =>
        nodes.map((n) => n.textContent),
      );
      assert.equal(names.length, 3);
      assert.equal(await page.locator('[data-testid=timer-heap] li .deadline').count(), 3);
      assert.match(await page.textContent('[data-testid=tasks]'), /sleep until 1\.000 s/);
      await page.screenshot({ path: join(ARTIFACTS, 'playground-mid-run.png') });
      assert.equal(await waitExit(page, 10_000), 0);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('an output flood keeps the last lines and says so', async () => {
    const { page, errors, close } = await openPage(env, await sourceFragment('for i in range(300000):\n    print(i)\n', { speed: 'instant' }));
    try {
      await run(page);
      assert.equal(await waitExit(page, 60_000), 0);
      const lines = (await consoleText(page)).split('\n');
      assert.equal(lines.at(-1), '299999');
      assert.ok(lines.length <= 5000 + 60, `${lines.length} lines kept`);
      assert.equal(Number(lines.at(-2)), 299998);
      assert.match(await page.textContent('.console-pane .pane-header'), /keeps the last 5,000 lines/);
      assert.ok((await clickLatency(page)) < 200);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('on a narrow screen the panes are stacked and usable', async () => {
    const { page, close } = await openPage(env, 'v1/ex=countasync&speed=instant', { viewport: { width: 390, height: 800 } });
    try {
      const boxes = {};
      for (const id of ['editor', 'console', 'tasks']) {
        boxes[id] = await page.locator(`[data-testid=${id}]`).boundingBox();
        assert.ok(boxes[id] && boxes[id].width > 300, `${id} is visible and wide`);
      }
      assert.ok(boxes.editor.y < boxes.console.y && boxes.console.y < boxes.tasks.y, 'stacked');
      await run(page);
      assert.equal(await waitExit(page), 0);
      await page.screenshot({ path: join(ARTIFACTS, 'playground-narrow.png'), fullPage: true });
    } finally {
      await close();
    }
  });
});

// Time for a click to be answered: from the mouse press to the examples menu
// showing (the renderer acknowledges input only when its main thread is free).
async function clickLatency(page) {
  const box = await page.locator('[data-testid=examples]').boundingBox();
  const started = Date.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('[data-testid=examples-menu]:not([hidden])', { timeout: 5_000 });
  const elapsed = Date.now() - started;
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=examples-menu][hidden]', { state: 'attached' });
  return elapsed;
}

function readExample(file) {
  return readFileSync(join(EXAMPLES, file), 'utf8');
}
