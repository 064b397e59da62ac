// protocol.test.mjs — the worker protocol (wasm-bindings/protocol.ts) on the
// real WebAssembly module in node: WorkerCore as the browser's worker runs
// it, minus postMessage. Expected program outputs are CPython's (the
// examples' .out files, or python3 itself for syntax errors).
//   CORIO_MODULE=build/wasm/wasm-bindings/corio.mjs node --test tests/wasm/protocol.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadModule } from '../../wasm-bindings/run.mjs';
import { BATCH_EVENTS, MAX_TRACE_BACKLOG, TRACE_FIELD, TRACE_FIELDS } from '../../wasm-bindings/trace_buffer.mjs';
import { WorkerCore } from '../../wasm-bindings/worker_core.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = process.env.CORIO_MODULE || resolve(root, 'build/wasm/wasm-bindings/corio.mjs');
const example = (name) => readFileSync(resolve(root, 'examples', `${name}.py`), 'utf8');
const expected = (name) => readFileSync(resolve(root, 'examples', `${name}.out`), 'utf8');

// A worker in this process: every message it posts is kept, and waiters
// can wait for one that matches. Like the page, it acknowledges the trace
// events it receives (unless `ack` is false).
class Worker {
  constructor({ ack = true } = {}) {
    this.messages = [];
    this.waiters = [];
    this.nextId = 1;
    this.ack = ack;
    this.received = new Map(); // run → trace events received
    this.core = new WorkerCore((m, transfer) => this.receive(m, transfer), () => loadModule(modulePath));
  }
  receive(message, transfer = []) {
    message.at = performance.now();
    if (message.type === 'trace') {
      message.transferred = transfer.includes(message.batch.fields.buffer);
      const total = (this.received.get(message.run) ?? 0) + message.batch.fields.length / TRACE_FIELDS;
      this.received.set(message.run, total);
      if (this.ack) setTimeout(() => this.acknowledge(message.run, total), 0);
    }
    this.messages.push(message);
    this.waiters = this.waiters.filter(([match, done]) => !(match(message) && (done(message), true)));
  }
  acknowledge(run, applied) {
    this.core.handle({ type: 'trace-ack', run, applied });
  }
  // The trace events of a run, unpacked: [kind, wait, seq, time_ns, id, a, b, text].
  events(run) {
    const out = [];
    for (const m of this.messages) {
      if (m.type !== 'trace' || m.run !== run) continue;
      const { fields, texts } = m.batch;
      for (let at = 0; at < fields.length; at += TRACE_FIELDS) {
        const text = fields[at + TRACE_FIELD.text];
        out.push([...fields.subarray(at, at + TRACE_FIELD.text), text < 0 ? '' : texts[text]]);
      }
    }
    return out;
  }
  next(match) {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((done) => this.waiters.push([match, done]));
  }
  async request(body) {
    const id = this.nextId++;
    const sent = performance.now();
    this.core.handle({ id, ...body });
    const response = await this.next((m) => m.type === 'response' && m.id === id);
    return { ...response, latency: response.at - sent };
  }
  async run(source, options = {}) {
    const response = await this.request({
      type: 'run', source, filename: 'main.py', argv: [], clock: 'virtual', speed: 'instant', trace: false, ...options,
    });
    assert.equal(response.ok, true, response.error);
    return response.id;
  }
  exit(run) {
    return this.next((m) => m.type === 'exit' && m.run === run);
  }
  text(run, stream = 'stdout') {
    return this.messages.filter((m) => m.type === stream && m.run === run).map((m) => m.text).join('');
  }
}

test('ready reports the version, the load time and the trace tables', async () => {
  const w = new Worker();
  const ready = await w.next((m) => m.type === 'ready');
  assert.match(ready.version, /^\d+\.\d+\.\d+$/);
  assert.ok(ready.load_ms > 0);
  assert.ok(ready.trace_kinds.includes('TaskCreated'));
  assert.ok(ready.wait_kinds.includes('Timer'));
  assert.equal((await w.request({ type: 'load' })).ok, true);
});

test('every example prints its expected output, with trace on', async () => {
  const w = new Worker();
  const index = JSON.parse(readFileSync(resolve(root, 'examples/index.json'), 'utf8'));
  for (const { name } of index) {
    const run = await w.run(example(name), { trace: true });
    const exit = await w.exit(run);
    assert.equal(w.text(run), expected(name), name);
    assert.equal(w.text(run, 'stderr'), '', name);
    assert.equal(exit.code, 0, name);
  }
});

test('the trace names the tasks and shows three timers during countasync', async () => {
  const w = new Worker();
  const ready = await w.next((m) => m.type === 'ready');
  const kind = (name) => ready.trace_kinds.indexOf(name);
  const run = await w.run(example('countasync'), { trace: true });
  await w.exit(run);
  const traces = w.messages.filter((m) => m.type === 'trace' && m.run === run);
  assert.ok(traces.every((m) => m.transferred), 'batches are transferred, not copied');
  const events = w.events(run);
  assert.deepEqual(events.map((e) => e[2]), events.map((_, i) => events[0][2] + i), 'in order, none lost');
  const created = events.filter((e) => e[0] === kind('TaskCreated')).map((e) => e[7]);
  // asyncio.run's shutdown runs two tasks of its own, as CPython's does.
  assert.deepEqual(created, ['Task-1\tmain', 'Task-2\tcount', 'Task-3\tcount', 'Task-4\tcount',
    'Task-5\t_Loop.shutdown_asyncgens', 'Task-6\t_Loop.shutdown_default_executor']);
  const armed = events.filter((e) => e[0] === kind('TimerArmed'));
  assert.equal(armed.length, 3);
  assert.ok(armed.every((e) => e[5] === 1e9)); // deadline: 1 s of virtual time
  // Output is tagged with the task that wrote it: the three counts, then
  // the module's last line (no task: 0).
  const chunks = w.messages.filter((m) => m.type === 'stdout' && m.run === run);
  const counts = new Set(chunks.slice(0, -1).map((m) => m.task));
  assert.equal(counts.size, 3);
  assert.ok(!counts.has(0));
  assert.equal(chunks.at(-1).task, 0);
  assert.match(chunks.at(-1).text, /executed in/);
});

// A program that floods the trace: rounds of many tasks that each yield once.
const FLOOD = `import asyncio
async def w(i):
    await asyncio.sleep(0)
async def main():
    for k in range(4):
        tasks = [asyncio.create_task(w(i)) for i in range(20000)]
        for t in tasks:
            await t
        print("round", k)
asyncio.run(main())
`;
const settle = (ms) => new Promise((r) => setTimeout(r, ms));

test('backpressure: the program waits while the page has too many trace events unacknowledged', async () => {
  const w = new Worker({ ack: false });
  const run = await w.run(FLOOD, { trace: true });
  await settle(1500);
  const held = w.received.get(run);
  assert.ok(held >= MAX_TRACE_BACKLOG, `only ${held} events before the worker waited`);
  // A slice that starts below the limit may trace a few batches more.
  assert.ok(held <= MAX_TRACE_BACKLOG + 8 * BATCH_EVENTS, `${held} events sent without acknowledgement`);
  const backlogs = w.messages.filter((m) => m.type === 'trace').map((m) => m.backlog);
  assert.equal(backlogs.at(-1), held, 'each batch says the backlog it makes');
  await settle(300);
  assert.equal(w.received.get(run), held, 'nothing more without acknowledgement');
  // Pause and resume are answered meanwhile; then an acknowledgement lets it go on.
  assert.equal((await w.request({ type: 'pause' })).ok, true);
  assert.equal((await w.request({ type: 'resume' })).ok, true);
  w.acknowledge(run + 1000, held); // another run's: no effect
  await settle(300);
  assert.equal(w.received.get(run), held);
  w.acknowledge(run, held);
  await w.next(() => w.received.get(run) > held);
  // Stop is not held by the backlog.
  const stop = await w.request({ type: 'stop' });
  assert.equal(stop.ok, true);
  assert.equal((await w.exit(run)).code, 130);
});

test('a flood acknowledged as it arrives runs to the end with its whole trace', async () => {
  const w = new Worker();
  const run = await w.run(FLOOD, { trace: true });
  const exit = await w.exit(run);
  assert.equal(exit.code, 0);
  assert.equal(w.text(run), 'round 0\nround 1\nround 2\nround 3\n');
  const traces = w.messages.filter((m) => m.type === 'trace' && m.run === run);
  assert.ok(traces.every((m) => m.batch.fields.length / TRACE_FIELDS <= BATCH_EVENTS));
  assert.ok(w.received.get(run) > 4 * 20000 * 4, `${w.received.get(run)} events`);
  assert.ok(Math.max(...traces.map((m) => m.backlog)) <= MAX_TRACE_BACKLOG + 8 * BATCH_EVENTS);
});

test('a second run while one runs is refused', async () => {
  const w = new Worker();
  const run = await w.run('import time\ntime.sleep(5)\n', { speed: 1 });
  const second = await w.request({
    type: 'run', source: 'print(1)', filename: 'main.py', argv: [], clock: 'virtual', speed: 'instant', trace: false,
  });
  assert.equal(second.ok, false);
  assert.match(second.error, /already running/);
  await w.request({ type: 'stop' });
  assert.equal((await w.exit(run)).code, 130);
});

test('pause, step by iteration and resume on countasync', async () => {
  const w = new Worker();
  const run = await w.run(example('countasync'), { paused: true, speed: 1 });
  const pausedCount = () => w.messages.filter((m) => m.type === 'paused' && m.run === run).length;
  await w.next((m) => m.type === 'paused' && m.run === run);
  const step = async () => {
    const before = pausedCount();
    await w.request({ type: 'step', unit: 'iteration' });
    return w.next((m) => m.type === 'paused' && m.run === run && pausedCount() > before && m === w.messages.filter((x) => x.type === 'paused' && x.run === run).at(-1));
  };
  // Step 1: module code up to asyncio.run's loop; step 2: main's first step.
  let p = await step();
  assert.equal(w.text(run), '');
  p = await step();
  assert.equal(p.iteration, 1);
  assert.equal(w.text(run), '');
  p = await step();
  assert.equal(p.iteration, 2);
  assert.equal(w.text(run), 'One\nOne\nOne\n');
  assert.equal(p.virtual_time, 0);
  p = await step(); // the timers are 1 s away: a step does not wait for them
  assert.equal(p.iteration, 3);
  assert.equal(p.virtual_time, 1);
  await w.request({ type: 'set-speed', speed: 'instant' });
  await w.request({ type: 'resume' });
  const exit = await w.exit(run);
  assert.equal(exit.code, 0);
  assert.equal(w.text(run), expected('countasync'));
});

test('steps asked faster than they run are queued, each with a pause of its own', async () => {
  const w = new Worker();
  const run = await w.run(example('countasync'), { paused: true, speed: 1 });
  const pauses = () => w.messages.filter((m) => m.type === 'paused' && m.run === run);
  await w.next((m) => m.type === 'paused' && m.run === run);
  // Three requests in a row, none waiting for the one before.
  await Promise.all([1, 2, 3].map(() => w.request({ type: 'step', unit: 'iteration' })));
  await w.next(() => pauses().length === 4);
  await new Promise((r) => setTimeout(r, 100)); // no fourth step follows
  assert.deepEqual(pauses().map((m) => [m.steps, m.iteration]), [[0, 0], [1, 0], [2, 1], [3, 2]]);
  assert.equal(w.text(run), 'One\nOne\nOne\n');
  await w.request({ type: 'set-speed', speed: 'instant' });
  await w.request({ type: 'resume' });
  assert.equal((await w.exit(run)).code, 0);
  assert.equal(w.text(run), expected('countasync'));
});

test('step by task step runs one task step at a time', async () => {
  const w = new Worker();
  const run = await w.run(example('countasync'), { paused: true });
  await w.next((m) => m.type === 'paused' && m.run === run);
  const steps = async (n) => {
    for (let i = 0; i < n; ++i) {
      const count = w.messages.filter((m) => m.type === 'paused').length;
      await w.request({ type: 'step', unit: 'task-step' });
      await w.next(() => w.messages.filter((m) => m.type === 'paused').length > count);
    }
  };
  await steps(3); // module code, main, first count
  assert.equal(w.text(run), 'One\n');
  await steps(1);
  assert.equal(w.text(run), 'One\nOne\n');
  await w.request({ type: 'stop' });
  await w.exit(run);
});

test('a runaway loop is stopped within 50 ms, keeping its output', async () => {
  const w = new Worker();
  const run = await w.run('print("before")\nasync def main():\n    while True:\n        pass\nimport asyncio\nasyncio.run(main())\n');
  await w.next((m) => m.type === 'stdout' && m.run === run);
  await new Promise((r) => setTimeout(r, 200)); // let it spin
  const pause = await w.request({ type: 'pause' });
  assert.ok(pause.latency < 50, `pause answered after ${pause.latency} ms`);
  await w.request({ type: 'resume' });
  await new Promise((r) => setTimeout(r, 50));
  const stop = await w.request({ type: 'stop' });
  assert.ok(stop.latency < 50, `stop answered after ${stop.latency} ms`);
  const exit = await w.exit(run);
  assert.ok(exit.at - stop.at < 50, `exit ${exit.at - stop.at} ms after the stop`);
  assert.equal(exit.code, 130);
  assert.equal(w.text(run), 'before\n');
  assert.match(w.text(run, 'stderr'), /KeyboardInterrupt\n$/);
});

test('the virtual clock is paced by the speed, and a speed change applies mid-run', async () => {
  const w = new Worker();
  const source = 'import asyncio, time\nasync def main():\n    await asyncio.sleep(0.3)\n    time.sleep(0.3)\n    print(time.monotonic())\nasyncio.run(main())\n';
  const cpu = process.cpuUsage();
  const run = await w.run(source, { speed: 1 });
  const exit = await w.exit(run);
  const used = process.cpuUsage(cpu);
  assert.equal(w.text(run), '0.6\n');
  assert.ok(exit.wall_ms >= 600, `0.6 s of virtual time took ${exit.wall_ms} ms at speed 1`);
  // Waiting (asyncio.sleep and time.sleep alike) does not spin.
  assert.ok((used.user + used.system) / 1000 < 300, `cpu ${(used.user + used.system) / 1000} ms`);
  const slow = await w.run(source, { speed: 0.1 }); // 6 s of wall time...
  await new Promise((r) => setTimeout(r, 100));
  await w.request({ type: 'set-speed', speed: 10 }); // ...now 60 ms
  const fast = await w.exit(slow);
  assert.equal(w.text(slow), '0.6\n');
  assert.ok(fast.wall_ms < 1500, `took ${fast.wall_ms} ms after the speed change`);
});

test('a syntax error is reported with CPython\'s position', async () => {
  const w = new Worker();
  const source = 'import asyncio\n\nasync def main():\n    print("a"\n\nasyncio.run(main())\n';
  const [line, col, msg] = JSON.parse(execFileSync('python3', ['-c', `
import json, sys
try:
    compile(sys.stdin.read(), "main.py", "exec")
except SyntaxError as e:
    print(json.dumps([e.lineno, e.offset, e.msg]))`], { input: source }).toString());
  const run = await w.run(source);
  const error = await w.next((m) => m.type === 'error' && m.run === run);
  const exit = await w.exit(run);
  assert.equal(error.kind, 'syntax');
  assert.equal(error.line, line);
  assert.equal(error.col, col);
  assert.equal(error.message, `SyntaxError: ${msg}`);
  assert.match(error.traceback, /SyntaxError/);
  assert.equal(exit.code, 1);
});

test('an uncaught exception is reported with its line and traceback', async () => {
  const w = new Worker();
  const source = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    {}["key"]\n\nasyncio.run(main())\n';
  const run = await w.run(source);
  const error = await w.next((m) => m.type === 'error' && m.run === run);
  assert.equal(error.kind, 'runtime');
  assert.equal(error.line, 5);
  assert.equal(error.message, "KeyError: 'key'");
  assert.equal(w.text(run, 'stderr'), error.traceback);
  assert.equal((await w.exit(run)).code, 1);
});

// A real HTTP server on 127.0.0.1 for the fetch tests: /delay?ms=N answers
// "slow" after N ms, /json answers a JSON object, /status/N answers N; it
// records requests whose connection closed before the answer.
function startServer() {
  const closedEarly = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname === '/json') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify({ name: 'corio', tasks: [1, 2, 3] }));
    }
    if (url.pathname.startsWith('/status/')) {
      res.statusCode = Number(url.pathname.slice(8));
      return res.end('status');
    }
    const ms = Number(url.searchParams.get('ms') || 0);
    const timer = setTimeout(() => res.end('slow'), ms);
    res.on('close', () => {
      if (!res.writableEnded) {
        clearTimeout(timer);
        closedEarly.push(req.url);
      }
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, closedEarly, base: `http://127.0.0.1:${server.address().port}` })));
}

const fetchProgram = (base) => `import asyncio, time
import aiohttp
BASE = ${JSON.stringify(base)}
async def get(session, path):
    async with session.get(BASE + path) as resp:
        return resp.status, await resp.text()
async def main():
    async with aiohttp.ClientSession() as session:
        t0 = time.monotonic()
        results = await asyncio.gather(*(get(session, '/delay?ms=200') for _ in range(10)))
        elapsed = time.monotonic() - t0
        print(len(results), results[0], 'overlap' if elapsed < 0.8 else elapsed, elapsed == 0)
        async with session.get(BASE + '/json') as resp:
            print(resp.status, await resp.json())
        async with session.get(BASE + '/status/500') as resp:
            try:
                resp.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print('ClientResponseError', e.status)
        try:
            async with asyncio.timeout(0.1):
                await get(session, '/delay?ms=3000')
        except TimeoutError:
            print('timed out')
asyncio.run(main())
`;

test('fetch: concurrent requests overlap, JSON, errors and timeouts, on the real clock', async () => {
  const { server, closedEarly, base } = await startServer();
  try {
    const w = new Worker();
    const run = await w.run(fetchProgram(base), { clock: 'real' });
    const exit = await w.exit(run);
    assert.equal(w.text(run, 'stderr'), '');
    assert.equal(w.text(run), [
      "10 (200, 'slow') overlap False",
      "200 {'name': 'corio', 'tasks': [1, 2, 3]}",
      'ClientResponseError 500',
      'timed out',
      '',
    ].join('\n'));
    assert.equal(exit.code, 0);
    assert.ok(exit.wall_ms < 1500, `the run took ${exit.wall_ms} ms`);
    // The timeout cancelled the transfer: the server saw the connection go.
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(closedEarly, ['/delay?ms=3000']);
  } finally {
    server.close();
  }
});

test('fetch: under the virtual clock a pending fetch keeps the clock still', async () => {
  const { server, base } = await startServer();
  try {
    const w = new Worker();
    const source = `import asyncio, time, aiohttp
async def main():
    async with aiohttp.ClientSession() as session:
        tick = asyncio.create_task(asyncio.sleep(0.05))
        async with session.get(${JSON.stringify(base)} + '/delay?ms=300') as resp:
            body = await resp.text()
        print(body, time.monotonic(), tick.done())
        await tick
        print(time.monotonic())
asyncio.run(main())
`;
    const run = await w.run(source, { clock: 'virtual', speed: 'instant' });
    const exit = await w.exit(run);
    assert.equal(w.text(run, 'stderr'), '');
    // The 0.05 s timer could not fire while the fetch was in flight.
    assert.equal(w.text(run), 'slow 0.0 False\n0.05\n');
    assert.ok(exit.wall_ms >= 300);
  } finally {
    server.close();
  }
});
