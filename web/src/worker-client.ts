// worker-client.ts — the page's side of the worker protocol
// (wasm-bindings/protocol.ts). Each request gets a fresh id and a promise
// that settles with the worker's one `response` for that id; events of the
// current run (output, trace, pause, error, exit) go to the handlers, events
// of older runs are dropped.
//
// Stop is cooperative first: `stop`, then if no `exit` arrives within
// STOP_GRACE_MS the worker is terminated and a new one started; the page
// keeps the output it already has, and the run ends as "killed".
import {
  EXIT_STOPPED,
  type Request,
  type RunOptions,
  type Speed,
  type StepUnit,
  type TraceAck,
  type WorkerMessage,
} from '../../wasm-bindings/protocol.ts';

// A cooperative stop takes a slice (under 50 ms); a program whose ending the
// engine runs in one piece (cancelling 100,000 tasks takes seconds) is cut
// short so that Stop answers within half a second.
export const STOP_GRACE_MS = 400;
// A module that has not said `ready` by then is reported as failed.
export const LOAD_TIMEOUT_MS = 60_000;

export interface ReadyInfo {
  version: string;
  loadMs: number;
  traceKinds: string[];
  waitKinds: string[];
}

export type RunMessage = Extract<WorkerMessage, { run: number }>;

export interface ClientHandlers {
  onRunMessage(message: RunMessage): void;
  // The worker was terminated (stop did not answer, or it crashed) while a
  // run was going on: the run is over with this exit code.
  onRunKilled(run: number, code: number, reason: string): void;
  // The worker failed outside a run (it could not load, or crashed).
  onWorkerFailed(reason: string): void;
}

interface Pending {
  type: Request['type'];
  resolve: () => void;
  reject: (error: Error) => void;
}

export class WorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private ready: Promise<ReadyInfo> | null = null;
  private currentRun = 0;
  private runActive = false;
  private loaded = false; // the current worker said `ready`
  private exitWaiters: (() => void)[] = [];
  private readonly createWorker: () => Worker;
  private readonly handlers: ClientHandlers;

  constructor(createWorker: () => Worker, handlers: ClientHandlers) {
    this.createWorker = createWorker;
    this.handlers = handlers;
  }

  get running(): boolean {
    return this.runActive;
  }

  get run(): number {
    return this.currentRun;
  }

  // Starts the worker (or returns the load in progress) and waits for `ready`.
  start(): Promise<ReadyInfo> {
    if (this.ready) return this.ready;
    const worker = this.createWorker();
    this.worker = worker;
    this.loaded = false;
    let failLoad: (error: Error) => void = () => {};
    this.ready = new Promise<ReadyInfo>((resolve, reject) => {
      failLoad = reject;
      const timer = setTimeout(() => reject(new Error(`the engine did not load within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        const m = event.data;
        if (m.type === 'ready') {
          clearTimeout(timer);
          this.loaded = true;
          resolve({ version: m.version, loadMs: m.load_ms, traceKinds: m.trace_kinds, waitKinds: m.wait_kinds });
        } else {
          this.onMessage(m);
        }
      });
      worker.addEventListener('error', (event: ErrorEvent) => {
        clearTimeout(timer);
        const reason = event.message || 'the worker failed to start';
        event.preventDefault();
        reject(new Error(reason));
        this.fail(worker, reason);
      });
      worker.addEventListener('messageerror', () => this.fail(worker, 'a message from the worker could not be read'));
    });
    // A worker that could not load is dropped: the next start() tries anew.
    this.ready.catch(() => {
      if (this.worker !== worker) return;
      worker.terminate();
      this.worker = null;
      this.ready = null;
      this.rejectPending('the engine failed to load');
    });
    // `load` answers once the module is loaded: ok after `ready`, or the
    // reason it could not load.
    this.send({ id: this.takeId(), type: 'load' }).catch((error: unknown) => {
      failLoad(error instanceof Error ? error : new Error(String(error)));
    });
    return this.ready;
  }

  // Starts a program; resolves with the run id once the worker accepted it.
  async runProgram(options: RunOptions): Promise<number> {
    await this.start();
    const id = this.takeId();
    this.currentRun = id;
    this.runActive = true;
    try {
      await this.send({ id, type: 'run', ...options });
    } catch (error) {
      if (this.currentRun === id) this.runActive = false;
      throw error;
    }
    return id;
  }

  pause(): Promise<void> {
    return this.send({ id: this.takeId(), type: 'pause' });
  }

  resume(): Promise<void> {
    return this.send({ id: this.takeId(), type: 'resume' });
  }

  step(unit: StepUnit): Promise<void> {
    return this.send({ id: this.takeId(), type: 'step', unit });
  }

  setSpeed(speed: Speed): Promise<void> {
    return this.send({ id: this.takeId(), type: 'set-speed', speed });
  }

  // Tells the worker how many trace events of the current run the page has
  // applied (its backpressure waits for this; no response).
  acknowledgeTrace(applied: number): void {
    if (!this.worker || !this.runActive) return;
    const ack: TraceAck = { type: 'trace-ack', run: this.currentRun, applied };
    this.worker.postMessage(ack);
  }

  // Ends the current run: cooperatively, else by replacing the worker.
  // Resolves once the run is over either way.
  async stop(): Promise<void> {
    if (!this.runActive) return;
    const run = this.currentRun;
    const exited = new Promise<boolean>((resolve) => {
      this.exitWaiters.push(() => resolve(true));
      setTimeout(() => resolve(false), STOP_GRACE_MS);
    });
    this.send({ id: this.takeId(), type: 'stop' }).catch(() => {});
    if (await exited) return;
    if (this.currentRun !== run || !this.runActive) return;
    this.restart(`the program did not stop within ${STOP_GRACE_MS} ms; the engine was restarted`);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectPending('the page closed the worker');
  }

  // ------------------------------------------------------------ internals

  private takeId(): number {
    return this.nextId++;
  }

  private send(request: Request): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('no worker'));
    return new Promise<void>((resolve, reject) => {
      this.pending.set(request.id, { type: request.type, resolve, reject });
      worker.postMessage(request);
    });
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'ready') return;
    if (m.type === 'response') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve();
      else p.reject(new Error(m.error));
      return;
    }
    if (m.run !== this.currentRun) return; // a run that was stopped or replaced
    if (m.type === 'exit') {
      this.runActive = false;
      for (const wake of this.exitWaiters.splice(0)) wake();
    }
    this.handlers.onRunMessage(m);
  }

  // Terminates the worker and starts a fresh one; the current run (if any)
  // ends as stopped.
  private restart(reason: string): void {
    const run = this.currentRun;
    const wasRunning = this.runActive;
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.runActive = false;
    this.currentRun = 0;
    this.rejectPending(reason);
    for (const wake of this.exitWaiters.splice(0)) wake();
    if (wasRunning) this.handlers.onRunKilled(run, EXIT_STOPPED, reason);
    this.start().catch((error: unknown) => this.handlers.onWorkerFailed(String(error)));
  }

  private fail(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    const run = this.currentRun;
    const wasRunning = this.runActive;
    worker.terminate();
    this.worker = null;
    this.ready = null;
    this.runActive = false;
    this.rejectPending(reason);
    // (A failure before `ready` rejects start()'s promise instead.)
    if (wasRunning) this.handlers.onRunKilled(run, 1, `the engine crashed: ${reason}`);
    else if (this.loaded) this.handlers.onWorkerFailed(reason);
    this.loaded = false;
  }

  private rejectPending(reason: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new Error(`${p.type}: ${reason}`));
  }
}
