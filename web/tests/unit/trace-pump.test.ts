// trace-pump.test.ts — the page applies the trace at its own pace: in
// slices of bounded time, waiting for a frame after FRAME_BUDGET_MS, with
// running acknowledgements, and facts queued behind the events before them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoopModel } from '../../src/loop-model.ts';
import { FRAME_BUDGET_MS, SLICE_BUDGET_MS, TracePump, type PumpHost } from '../../src/trace-pump.ts';
import { KIND_NAMES, WAIT_NAMES, batch, ev, type TraceEvent } from './trace-names.ts';

// A host whose clock moves `msPerRead` at every reading, and whose turns
// and frames run when the test says.
class FakeHost implements PumpHost {
  time = 0;
  turns: (() => void)[] = [];
  frames: (() => void)[] = [];
  constructor(private readonly msPerRead = 0) {}
  soon(fn: () => void): void {
    this.turns.push(fn);
  }
  afterFrame(fn: () => void): void {
    this.frames.push(fn);
  }
  now(): number {
    this.time += this.msPerRead;
    return this.time;
  }
  // Runs turns (not frames) until there are none; returns how many ran.
  runTurns(): number {
    let n = 0;
    while (this.turns.length) {
      this.turns.shift()!();
      n++;
    }
    return n;
  }
  paint(): void {
    const frames = this.frames.splice(0);
    for (const fn of frames) fn();
  }
}

function tasks(n: number, firstId = 1): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = 0; i < n; i++) out.push(ev('TaskCreated', { id: firstId + i, text: `t${i}` }));
  return out;
}

function setup(msPerRead = 0) {
  const host = new FakeHost(msPerRead);
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  const acks: number[] = [];
  const behind: boolean[] = [];
  let changes = 0;
  const pump = new TracePump(
    model,
    { applied: (n) => acks.push(n), changed: () => changes++, behind: (b) => behind.push(b) },
    host,
  );
  return { host, model, pump, acks, behind, changes: () => changes };
}

test('a small batch is applied in one turn, and acknowledged', () => {
  const { host, model, pump, acks, changes } = setup();
  pump.push(batch(tasks(3)));
  assert.equal(model.taskCount, 0, 'not while the message is handled');
  assert.equal(host.runTurns(), 1);
  assert.equal(model.taskCount, 3);
  assert.deepEqual(acks, [3]);
  assert.equal(changes(), 1);
  assert.equal(pump.pending, 0);
});

test('a flood is applied in slices of bounded time, each acknowledged with the running total', () => {
  // Every clock reading is 1 ms: a slice reads the clock about once per
  // 256 events, so it applies a few hundred events and yields.
  const { host, model, pump, acks, behind } = setup(1);
  pump.push(batch(tasks(10_000)));
  host.runTurns(); // until the frame budget is spent
  assert.ok(model.taskCount > 0 && model.taskCount < 10_000, `${model.taskCount} applied`);
  assert.ok(acks.length >= 2, 'several slices');
  assert.ok(acks.every((n, i) => i === 0 || n > acks[i - 1]), 'running totals');
  const perSlice = acks.map((n, i) => n - (acks[i - 1] ?? 0));
  assert.ok(Math.max(...perSlice) <= 256 * SLICE_BUDGET_MS, `slices of ${perSlice}`);
  assert.deepEqual(behind, [true]);
  assert.equal(host.frames.length, 1, 'the pump waits for a frame once the frame budget is spent');
  for (let i = 0; i < 1000 && (host.frames.length || host.turns.length); i++) {
    host.paint();
    host.runTurns();
  }
  assert.equal(model.taskCount, 10_000);
  assert.equal(acks.at(-1), 10_000);
  assert.deepEqual(behind, [true, false]);
});

test('the time spent between two frames stays within the frame budget', () => {
  const { host, pump } = setup(1);
  pump.push(batch(tasks(50_000)));
  for (let frame = 0; frame < 5; frame++) {
    const start = host.time;
    host.runTurns();
    // Each slice may overrun its deadline by one clock reading.
    assert.ok(host.time - start <= FRAME_BUDGET_MS + 2 * SLICE_BUDGET_MS, `frame ${frame}: ${host.time - start} ms`);
    host.paint();
  }
});

test('a fact queued with after() runs once the events received before it are applied', () => {
  const { host, model, pump } = setup(1);
  const seen: number[] = [];
  pump.push(batch(tasks(2000)));
  pump.after(() => seen.push(model.taskCount));
  pump.push(batch(tasks(5, 10_000)));
  for (let i = 0; i < 1000 && (host.frames.length || host.turns.length); i++) {
    host.runTurns();
    host.paint();
  }
  assert.deepEqual(seen, [2000]);
  assert.equal(model.taskCount, 2005);
});

test('a disposed pump applies nothing more', () => {
  const { host, model, pump, acks } = setup();
  pump.push(batch(tasks(3)));
  pump.dispose();
  host.runTurns();
  pump.push(batch(tasks(3, 10)));
  host.runTurns();
  assert.equal(model.taskCount, 0);
  assert.deepEqual(acks, []);
});
