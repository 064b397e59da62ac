// session.mjs — the browser host's JavaScript half: drives one program run
// on the corio module (corio_api.cpp) in slices and paces it. Shared by the
// worker (worker_core.mjs) and the node runner (run.mjs).
//
// A slice runs the program for at most SLICE_MS, then hands control back to
// the JavaScript event loop, so messages (pause, stop) are seen between
// slices. After a slice:
//   Ready    more work now: continue after one MessageChannel round trip
//            (never setTimeout(0): browsers clamp nested timers to 4 ms);
//   Waiting  the event loop waits ns for its next timer: one timer is armed;
//            under the virtual clock the wait is scaled by the speed (or
//            skipped: 'instant') and the clock is then moved on by ns;
//   Blocked  time.sleep(ns): the same, without busy-waiting;
//   Stepped  a step unit finished: the run pauses;
//   Done     the exit status (and the failure, if any) is reported.
// No slice runs while the page is more than MAX_TRACE_BACKLOG trace events
// behind (trace_buffer.mjs): the page's `trace-ack` lets the program go on.
// A stopping program is never held (Stop must not wait for the page).
// The program prints exactly what it prints natively under the same clock;
// only the pacing differs.

import { MAX_TRACE_BACKLOG, TraceBuffer } from './trace_buffer.mjs';

export const SLICE_MS = 8;

// Progress::State (engine/py/session.hpp), in enum order.
export const State = Object.freeze({ Ready: 0, Stepped: 1, Waiting: 2, Blocked: 3, Done: 4 });
const FOREVER = -1;
const MODE = Object.freeze({ run: 0, iteration: 1, 'task-step': 2 });

/** The module's exported functions, wrapped once per module. */
export function bindApi(module) {
  const c = (name, ret, args) => module.cwrap(name, ret, args);
  return {
    version: c('corio_version', 'string', []),
    traceKinds: () => c('corio_trace_kinds', 'string', [])().split(','),
    waitKinds: () => c('corio_wait_kinds', 'string', [])().split(','),
    start: c('corio_start', null, ['string', 'string', 'string', 'number', 'number']),
    advance: c('corio_advance', 'number', ['number', 'number']),
    waitNs: c('corio_wait_ns', 'number', []),
    letTimePass: c('corio_let_time_pass', null, ['number']),
    interrupt: c('corio_interrupt', null, []),
    exitStatus: c('corio_exit_status', 'number', []),
    time: c('corio_time', 'number', []),
    iteration: c('corio_iteration', 'number', []),
    failureKind: c('corio_failure_kind', 'number', []),
    failureLine: c('corio_failure_line', 'number', []),
    failureCol: c('corio_failure_col', 'number', []),
    failureMessage: c('corio_failure_message', 'string', []),
    failureTraceback: c('corio_failure_traceback', 'string', []),
    ioPending: c('corio_io_pending', 'number', []),
    pollIo: c('corio_poll_io', 'number', []),
    fetchDone: c('corio_fetch_done', null,
      ['number', 'number', 'string', 'string', 'number', 'number', 'string', 'number', 'string']),
    end: c('corio_end', null, []),
  };
}

/**
 * Runs `fn` soon, after pending messages and timers: a MessageChannel round
 * trip in browsers; setImmediate in node, whose MessagePort drains messages
 * posted while draining (it would starve timers and I/O).
 */
class SoonScheduler {
  constructor() {
    this.pending = null;
    const run = () => {
      const fn = this.pending;
      this.pending = null;
      if (fn) fn();
    };
    if (typeof setImmediate === 'function') {
      this.post = () => setImmediate(run);
      this.close = () => {
        this.pending = null;
      };
    } else {
      const channel = new MessageChannel();
      channel.port1.onmessage = run;
      this.post = () => channel.port2.postMessage(0);
      this.close = () => {
        this.pending = null;
        channel.port1.close();
        channel.port2.close();
      };
    }
  }
  soon(fn) {
    const first = this.pending === null;
    this.pending = fn;
    if (first) this.post();
  }
  // Forgets the function not run yet (the posted message then does nothing).
  cancel() {
    this.pending = null;
  }
}

const now = () => performance.now();

/**
 * One program run. `sink` receives what the protocol sends:
 *   output(stream 'stdout'|'stderr', text, task), trace(batch, backlog),
 *   paused({virtual_time, iteration, steps}), resumed(), error({...}), exit({...}).
 * Only one run may exist per module at a time (the module holds it).
 */
export class ProgramRun {
  constructor(module, api, options, sink) {
    this.module = module;
    this.api = api;
    this.sink = sink;
    this.clock = options.clock;
    this.speed = options.speed;
    this.paused = Boolean(options.paused);
    this.stepUnit = null; // 'iteration' | 'task-step' while a step runs
    // Steps asked while one runs wait their turn: each request is one unit,
    // however fast they come (a double click steps twice).
    this.stepQueue = [];
    this.stepsDone = 0; // reported with every pause
    this.stopping = false;
    this.done = false;
    this.wait = null; // {timer, started, ns, blocked}
    this.blockLeft = 0; // ns of a time.sleep still to pass after a pause
    this.out = []; // [stream, text, task] chunks of this slice
    this.trace = new TraceBuffer((batch, backlog) => sink.trace(batch, backlog));
    this.heldByTrace = false; // waiting for the page to apply the trace
    this.started = now();
    this.scheduler = new SoonScheduler();
    module.corioOutput = (stream, text, task) => this.collectOutput(stream === 1 ? 'stdout' : 'stderr', text, task);
    const trace = this.trace;
    module.corioTrace = (kind, wait, seq, t, id, a, b, text) => trace.add(kind, wait, seq, t, id, a, b, text);
    this.fetches = new Map(); // id -> AbortController
    this.settled = false; // a fetch settled since the loop last polled
    module.corioFetch = (id, method, url, headers, body, timeoutMs) =>
      this.startFetch(id, method, url, headers, body, timeoutMs);
    module.corioFetchCancel = (id) => {
      this.fetches.get(id)?.abort();
      this.fetches.delete(id);
    };
    const argv = [options.filename, ...(options.argv || [])].join('\n');
    api.start(options.source, options.filename, argv, options.clock === 'virtual' ? 1 : 0, options.trace ? 1 : 0);
    if (this.paused) this.reportPaused();
    else this.scheduler.soon(() => this.tick());
  }

  collectOutput(stream, text, task) {
    const last = this.out[this.out.length - 1];
    if (last && last[0] === stream && last[2] === task) last[1] += text;
    else this.out.push([stream, text, task]);
  }

  flush() {
    for (const [stream, text, task] of this.out) this.sink.output(stream, text, task);
    this.out = [];
    this.trace.flush();
  }

  // The page has applied `applied` trace events of this run so far.
  acknowledge(applied) {
    this.trace.acknowledge(applied);
    if (this.heldByTrace && this.trace.backlog < MAX_TRACE_BACKLOG) {
      this.heldByTrace = false;
      this.tick();
    }
  }

  // Too far ahead of the page: wait for its acknowledgement (see acknowledge).
  tooFarAhead() {
    this.heldByTrace = !this.stopping && this.trace.backlog >= MAX_TRACE_BACKLOG;
    return this.heldByTrace;
  }

  // The browser's fetch() behind the host's (browser_host.cpp). The result
  // is handed to the module at once; the loop receives it when it polls.
  startFetch(id, method, url, headers, body, timeoutMs) {
    const controller = new AbortController();
    this.fetches.set(id, controller);
    const lines = headers.split('\n');
    const init = { method, headers: [], signal: controller.signal, redirect: 'follow' };
    for (let i = 0; i + 1 < lines.length; i += 2) init.headers.push([lines[i], lines[i + 1]]);
    if (body.length || !['GET', 'HEAD'].includes(method)) init.body = body;
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs) : null;
    fetch(url, init)
      .then(async (response) => {
        const bytes = new Uint8Array(await response.arrayBuffer());
        let head = '';
        response.headers.forEach((value, name) => { head += `${name}\n${value}\n`; });
        this.fetchSettled(id, timer, (done) => {
          const ptr = this.module._malloc(bytes.length || 1);
          this.module.HEAPU8.set(bytes, ptr);
          done(response.status, response.statusText, head, ptr, bytes.length, response.url, -1, '');
          this.module._free(ptr);
        });
      })
      .catch((err) => {
        // FetchError::Kind: 1 invalid URL, 3 timeout, 5 other.
        let kind = 5;
        let message = `fetch failed: ${err && err.message ? err.message : err} (a network error, or the server ` +
          'does not allow cross-origin requests (CORS) from this page)';
        if (timedOut) { kind = 3; message = `fetch timed out after ${timeoutMs} ms`; }
        else if (err instanceof TypeError && /URL/i.test(String(err.message))) { kind = 1; message = `invalid URL: ${url}`; }
        this.fetchSettled(id, timer, (done) => done(0, '', '', 0, 0, '', kind, message));
      });
  }

  fetchSettled(id, timer, deliver) {
    if (timer) clearTimeout(timer);
    if (!this.fetches.delete(id) || this.done) return; // cancelled, or the run ended
    deliver((...args) => this.api.fetchDone(id, ...args));
    this.settled = true;
    // An idle loop waiting for I/O (or for a timer, with I/O pending) goes on.
    if (this.wait && !this.wait.blocked) this.cancelWait();
    if (!this.wait && !this.paused) this.tick();
  }

  tick() {
    if (this.done || this.wait) return;
    if (this.paused && !this.stepUnit) return;
    if (this.tooFarAhead()) return;
    if (this.settled && this.api.pollIo()) this.settled = false;
    if (this.blockLeft > 0) return this.armWait(this.blockLeft, true);
    const mode = this.stepUnit && !this.stopping ? MODE[this.stepUnit] : MODE.run;
    let state;
    try {
      state = this.api.advance(mode, SLICE_MS);
    } catch (err) {
      this.flush();
      this.sink.output('stderr', `corio: internal error: ${err}\n`, 0);
      return this.finish(1, { kind: 'internal', message: String(err), line: 0, col: 0, traceback: '' });
    }
    this.flush();
    switch (state) {
      case State.Ready:
        this.scheduler.soon(() => this.tick());
        return;
      case State.Stepped:
        this.stepsDone++;
        this.stepUnit = null;
        this.reportPaused();
        if (this.stepQueue.length > 0) this.nextStep();
        return;
      case State.Waiting:
      case State.Blocked: {
        const ns = this.api.waitNs();
        if (state === State.Waiting && ns === FOREVER) return; // I/O will wake it
        // Under the virtual clock, time stands still while a fetch is in
        // flight: the fetch wakes the loop, not the timer.
        if (state === State.Waiting && this.clock === 'virtual' && this.api.ioPending()) return;
        this.armWait(ns, state === State.Blocked);
        return;
      }
      default:
        this.finish(this.api.exitStatus(), this.failure());
    }
  }

  failure() {
    const kind = this.api.failureKind();
    if (kind < 0) return null;
    return {
      kind: kind === 0 ? 'syntax' : 'runtime',
      message: this.api.failureMessage(),
      line: this.api.failureLine(),
      col: this.api.failureCol(),
      traceback: this.api.failureTraceback(),
    };
  }

  // How long `ns` of program time takes on the wall, in ms.
  wallMs(ns) {
    if (this.clock === 'real') return ns / 1e6;
    if (this.speed === 'instant' || this.stopping || this.stepUnit) return 0;
    return ns / 1e6 / this.speed;
  }

  armWait(ns, blocked) {
    const ms = this.wallMs(ns);
    if (blocked) this.blockLeft = ns;
    const passed = () => {
      this.wait = null;
      if (this.clock === 'virtual') this.api.letTimePass(ns);
      if (blocked) this.blockLeft = 0;
      this.tick();
    };
    if (ms <= 0) {
      this.wait = { timer: null, started: now(), ns, blocked };
      this.scheduler.soon(passed);
      return;
    }
    this.wait = { timer: setTimeout(passed, ms), started: now(), ns, blocked };
  }

  // Stops a wait part-way (pause, speed change): the virtual clock keeps
  // the time that passed; a blocking sleep keeps what is left.
  cancelWait() {
    const w = this.wait;
    if (!w) return;
    if (w.timer !== null) clearTimeout(w.timer);
    else this.scheduler.cancel();
    this.wait = null;
    let passedNs = w.ns;
    if (this.clock === 'virtual' && this.speed !== 'instant') {
      passedNs = Math.min(w.ns, Math.floor((now() - w.started) * 1e6 * this.speed));
      this.api.letTimePass(passedNs);
    } else if (this.clock === 'real') {
      passedNs = Math.min(w.ns, Math.floor((now() - w.started) * 1e6));
    } else {
      passedNs = 0;
    }
    if (w.blocked) this.blockLeft = Math.max(0, w.ns - passedNs);
  }

  reportPaused() {
    this.sink.paused({ virtual_time: this.api.time(), iteration: this.api.iteration(), steps: this.stepsDone });
  }

  pause() {
    if (this.done || this.paused) return;
    this.paused = true;
    this.cancelWait();
    this.reportPaused();
  }

  resume() {
    if (this.done || !this.paused) return;
    this.paused = false;
    this.stepUnit = null;
    this.stepQueue = [];
    this.sink.resumed();
    this.tick();
  }

  step(unit) {
    if (this.done) return;
    if (!this.paused) this.pause();
    this.stepQueue.push(unit);
    if (!this.stepUnit) this.nextStep();
  }

  nextStep() {
    this.stepUnit = this.stepQueue.shift();
    this.cancelWait();
    this.scheduler.soon(() => this.tick());
  }

  setSpeed(speed) {
    const waiting = this.wait !== null;
    this.cancelWait();
    this.speed = speed;
    if (waiting) this.tick();
  }

  // Ctrl+C: KeyboardInterrupt in the program, which then ends at full speed.
  stop() {
    if (this.done) return;
    this.stopping = true;
    this.paused = false;
    this.stepUnit = null;
    this.stepQueue = [];
    this.cancelWait();
    this.api.interrupt();
    this.tick();
  }

  finish(code, failure) {
    this.done = true;
    for (const controller of this.fetches.values()) controller.abort();
    this.fetches.clear();
    if (failure) this.sink.error(failure);
    const info = { code, virtual_time: this.api.time(), wall_ms: now() - this.started };
    this.api.end();
    this.scheduler.close();
    this.sink.exit(info);
  }
}
