// protocol.ts — the typed messages between the page and the corio worker.
// The worker (worker.ts) and the page's worker client import this one file;
// nothing else crosses the boundary. Every request carries an id and gets
// exactly one `response` with that id; the worker also sends events (output,
// trace batches, errors, exit) tagged with the id of the `run` they belong to.
//
// The one exception to request/response is `trace-ack` (see TraceAck): the
// page's running count of trace events it has applied, which the worker
// needs for backpressure and which needs no answer.
//
// Lifecycle: the worker sends `ready` once the module is loaded (a `load`
// request only waits for that). `run` starts a program; while it runs,
// `pause` / `resume` / `step` / `set-speed` / `stop` steer it. A second `run`
// while one is running is refused (response ok: false, error "a program is
// already running; stop it first"): the page decides whether to stop first.
// `stop` is cooperative: the VM checks for it on its step budget, so even
// `while True: pass` ends within a slice. If the worker does not answer, the
// page terminates it and starts a new one (the output received so far stays
// on the page).

export const PROTOCOL_VERSION = 2;

export type Clock = 'virtual' | 'real';
// Virtual-clock pacing: virtual seconds per wall second (0.1 .. 10), or
// 'instant' (run as fast as possible). Ignored by the real clock.
export type Speed = number | 'instant';
export type StepUnit = 'iteration' | 'task-step';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;

// ------------------------------------------------------------ page → worker

export interface RunOptions {
  source: string;
  filename: string; // shown in tracebacks, e.g. "main.py"
  argv: string[]; // sys.argv[1:]
  clock: Clock;
  speed: Speed;
  trace: boolean; // send trace batches (the loop view)
  paused?: boolean; // start paused (the first `step` runs the first unit)
}

export type Request =
  | { id: number; type: 'load' }
  | ({ id: number; type: 'run' } & RunOptions)
  | { id: number; type: 'pause' }
  | { id: number; type: 'resume' }
  | { id: number; type: 'step'; unit: StepUnit }
  | { id: number; type: 'set-speed'; speed: Speed }
  | { id: number; type: 'stop' };

export type RequestType = Request['type'];

// Not a request (no id, no response): the page has applied `applied` trace
// events of run `run` so far (a running total, so a lost or late one does
// no harm). See MAX_TRACE_BACKLOG.
export interface TraceAck {
  type: 'trace-ack';
  run: number;
  applied: number;
}

// Everything the page posts to the worker.
export type PageMessage = Request | TraceAck;

// ------------------------------------------------------------ worker → page

// Trace events travel in batches, packed: one Float64Array holds
// TRACE_FIELDS numbers per event, at the offsets of TraceField, and the
// event's text (if any) is `texts[fields[i * TRACE_FIELDS + TraceField.text]]`
// (-1: none). The worker transfers the array's buffer (no copy, no object
// per event); the page reads it in place (web/src/trace-reader.ts).
//
// `kind` and `wait` index the name tables sent in `ready` (they come from the
// engine's one table, engine/trace/event.hpp). time_ns is the loop's clock.
// Meanings of id/a/b per kind are documented in event.hpp; in particular
//   TaskCreated  id = task, text = "name\tcoroutine qualname" (asyncio.run's
//                shutdown runs two tasks of the library's, as CPython's does:
//                _Loop.shutdown_asyncgens, _Loop.shutdown_default_executor)
//   TaskStepEnd  id = task, wait = what it waits on, a = what: a task or
//                future id; for a Timer wait (asyncio.sleep) the timer's id,
//                whose TimerArmed gives the deadline; for Gather the gather
//                future's id
//   LineReached  id = task, a = line the task's innermost frame is at
//   TimerArmed   id = timer, a = deadline ns, b = task id (0 = none)
//   Output       id = task that wrote (0 = none), a = 1 stdout / 2 stderr
// (wasm-bindings/trace_buffer.mjs writes this layout; a unit test checks that
// it agrees with TraceField.)
export const TraceField = Object.freeze({
  kind: 0,
  wait: 1,
  seq: 2,
  time_ns: 3,
  id: 4,
  a: 5,
  b: 6,
  text: 7,
});
export const TRACE_FIELDS = 8;

export interface TraceBatch {
  fields: Float64Array; // length = events × TRACE_FIELDS
  texts: string[];
}

// Backpressure: the worker runs no further slice of the program while more
// than MAX_TRACE_BACKLOG of the trace events it sent are not acknowledged by
// the page (`trace-ack`), so a program that floods the trace cannot pile
// events up in the page's memory faster than the page applies them. The
// backlog can pass the limit by what one slice traces (a slice is not cut
// inside one call of the engine: gather(*(100,000 coroutines)) is half a
// million events). A stopping program is not held: Stop must not wait for
// the page.
export const MAX_TRACE_BACKLOG = 100_000;

export type ErrorKind = 'syntax' | 'runtime' | 'internal';

export type WorkerMessage =
  | { type: 'response'; id: number; ok: true }
  | { type: 'response'; id: number; ok: false; error: string }
  | {
      type: 'ready';
      version: string;
      load_ms: number;
      trace_kinds: string[]; // names of the trace events' kinds, by index
      wait_kinds: string[]; // names of the trace events' waits, by index
    }
  // Output as it is written; `task` is the id of the task that wrote it
  // (0: module level / no task).
  | { type: 'stdout'; run: number; text: string; task: number }
  | { type: 'stderr'; run: number; text: string; task: number }
  // `backlog`: the events the worker has sent (this batch included) and the
  // page not yet acknowledged (see MAX_TRACE_BACKLOG).
  | { type: 'trace'; run: number; batch: TraceBatch; backlog: number }
  // The program is paused (after `pause`, or after a `step` completed).
  // `steps`: how many steps of this run have completed. Steps asked while
  // one runs are queued, so every `step` request gets a pause of its own.
  | { type: 'paused'; run: number; virtual_time: number; iteration: number; steps: number }
  | { type: 'resumed'; run: number }
  // What ended the program, before `exit`: a SyntaxError (line/col of the
  // error, 1-based) or an uncaught exception (line of the innermost frame in
  // the main file; col 0). `traceback` is the text CPython prints.
  | {
      type: 'error';
      run: number;
      kind: ErrorKind;
      message: string;
      line: number;
      col: number;
      traceback: string;
    }
  // The program ended: exit status as `corio run` gives it (0, 1 for an
  // uncaught exception, n for sys.exit(n), 130 when stopped), the loop's
  // clock in seconds, and the wall time of the run in ms.
  | { type: 'exit'; run: number; code: number; virtual_time: number; wall_ms: number };

export type WorkerMessageType = WorkerMessage['type'];

// Exit status of a run ended by `stop` (as python after SIGINT).
export const EXIT_STOPPED = 130;
