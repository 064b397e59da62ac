// worker-client.test.ts — the page's side of the worker protocol against a
// scripted stand-in worker: request ids and their promises, runs, and Stop
// (cooperative, then terminate + restart).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PageMessage, Request, RunOptions, WorkerMessage } from '../../../wasm-bindings/protocol.ts';
import { STOP_GRACE_MS, WorkerClient, type ClientHandlers, type RunMessage } from '../../src/worker-client.ts';

// A Worker look-alike: records requests, lets the test answer.
class FakeWorker {
  sent: Request[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(private readonly script: (worker: FakeWorker, request: Request) => void) {}
  addEventListener(type: string, fn: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  postMessage(message: PageMessage): void {
    this.sent.push(message as Request);
    if (message.type === 'trace-ack') return; // no response to script
    queueMicrotask(() => this.script(this, message));
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: WorkerMessage): void {
    for (const fn of this.listeners.get('message') ?? []) fn({ data: message });
  }
}

const READY: WorkerMessage = { type: 'ready', version: 't', load_ms: 1, trace_kinds: ['A'], wait_kinds: ['Nothing'] };

// A worker that loads, accepts every request, and ends a run on `stop`
// unless `stubborn`.
function cooperative(stubborn = false) {
  return (w: FakeWorker, r: Request): void => {
    if (r.type === 'load') w.reply(READY);
    w.reply({ type: 'response', id: r.id, ok: true });
    if (r.type === 'stop' && !stubborn) {
      const run = w.sent.find((s) => s.type === 'run')?.id ?? 0;
      w.reply({ type: 'exit', run, code: 130, virtual_time: 0, wall_ms: 1 });
    }
  };
}

function setup(script: (w: FakeWorker, r: Request) => void) {
  const workers: FakeWorker[] = [];
  const messages: RunMessage[] = [];
  const killed: [number, number][] = [];
  const handlers: ClientHandlers = {
    onRunMessage: (m) => messages.push(m),
    onRunKilled: (run, code) => killed.push([run, code]),
    onWorkerFailed: () => {},
  };
  const client = new WorkerClient(() => {
    const w = new FakeWorker(script);
    workers.push(w);
    return w as unknown as Worker;
  }, handlers);
  return { client, workers, messages, killed };
}

const RUN: RunOptions = { source: 'print(1)', filename: 'main.py', argv: [], clock: 'virtual', speed: 1, trace: true };

test('start loads the module and reports ready', async () => {
  const { client, workers } = setup(cooperative());
  const info = await client.start();
  assert.deepEqual(info, { version: 't', loadMs: 1, traceKinds: ['A'], waitKinds: ['Nothing'] });
  assert.equal(workers.length, 1);
  assert.equal(workers[0].sent[0].type, 'load');
  assert.equal(await client.start(), info, 'a second start reuses the load');
});

test('every request has its own id and promise; errors reject', async () => {
  const { client, workers } = setup((w, r) => {
    if (r.type === 'load') w.reply(READY);
    if (r.type === 'pause') w.reply({ type: 'response', id: r.id, ok: false, error: 'no program is running (pause)' });
    else w.reply({ type: 'response', id: r.id, ok: true });
  });
  await client.start();
  await assert.rejects(client.pause(), /no program is running/);
  await client.resume();
  const ids = workers[0].sent.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('a run\'s messages are delivered; an older run\'s are dropped', async () => {
  const { client, workers, messages } = setup(cooperative());
  const run = await client.runProgram(RUN);
  assert.ok(client.running);
  const w = workers[0];
  w.reply({ type: 'stdout', run: run - 100, text: 'stale', task: 0 });
  w.reply({ type: 'stdout', run, text: 'hello\n', task: 0 });
  w.reply({ type: 'exit', run, code: 0, virtual_time: 0, wall_ms: 1 });
  assert.deepEqual(messages.map((m) => m.type), ['stdout', 'exit']);
  assert.equal(client.running, false);
});

test('stop is cooperative when the program ends in time', async () => {
  const { client, workers, killed } = setup(cooperative());
  await client.runProgram(RUN);
  await client.stop();
  assert.equal(workers.length, 1);
  assert.equal(workers[0].terminated, false);
  assert.deepEqual(killed, []);
});

test('a program that does not stop gets its worker replaced', async () => {
  const { client, workers, killed } = setup(cooperative(true));
  const run = await client.runProgram(RUN);
  const started = Date.now();
  await client.stop();
  assert.ok(Date.now() - started >= STOP_GRACE_MS - 5);
  assert.equal(workers[0].terminated, true);
  assert.deepEqual(killed, [[run, 130]]);
  assert.equal(workers.length, 2, 'a new worker was started');
  assert.equal(client.running, false);
  await client.start();
  assert.equal(workers[1].sent[0].type, 'load');
});

test('a module that fails to load rejects start; the next start tries again', async () => {
  let attempt = 0;
  const { client, workers } = setup((w, r) => {
    if (r.type !== 'load') return;
    if (attempt++ === 0) w.reply({ type: 'response', id: r.id, ok: false, error: 'the corio module failed to load: boom' });
    else cooperative()(w, r);
  });
  await assert.rejects(client.start(), /boom/);
  await new Promise((ok) => setTimeout(ok, 0));
  assert.equal(workers[0].terminated, true);
  const info = await client.start();
  assert.equal(info.version, 't');
  assert.equal(workers.length, 2);
});

test('trace acknowledgements name the current run and need no response', async () => {
  const { client, workers } = setup(cooperative());
  client.acknowledgeTrace(5); // no run yet: nothing to acknowledge
  const run = await client.runProgram(RUN);
  client.acknowledgeTrace(100);
  client.acknowledgeTrace(250);
  const acks = (workers[0].sent as unknown as PageMessage[]).filter((m) => m.type === 'trace-ack');
  assert.deepEqual(acks, [
    { type: 'trace-ack', run, applied: 100 },
    { type: 'trace-ack', run, applied: 250 },
  ]);
  workers[0].reply({ type: 'exit', run, code: 0, virtual_time: 0, wall_ms: 1 });
  client.acknowledgeTrace(300); // the run is over
  assert.equal((workers[0].sent as unknown as PageMessage[]).filter((m) => m.type === 'trace-ack').length, 2);
});
