// session.ts — runs programs: the one place that talks to the worker client.
// It turns the user's intents from the bus (run, stop, pause, step, speed,
// clock) into protocol requests, and the worker's messages into bus facts
// (output, errors, the loop model as the trace is applied, the end of a run).
// It also owns the state shown by the toolbar's running indicator. Trace
// batches go through a TracePump, which applies them between frames and
// acknowledges them to the worker (its backpressure).
import type { Clock, Speed, StepUnit } from '../../wasm-bindings/protocol.ts';
import type { Bus, SessionState } from './events.ts';
import { LoopModel } from './loop-model.ts';
import { registerProbe } from './probe.ts';
import { TracePump } from './trace-pump.ts';
import { WorkerClient, type ReadyInfo, type RunMessage } from './worker-client.ts';

export const FILENAME = 'main.py';

export interface SessionOptions {
  bus: Bus;
  createWorker: () => Worker;
  getSource: () => string;
  speed: Speed;
  clock: Clock;
}

export class Session {
  private state: SessionState = 'loading';
  private speed: Speed;
  private clock: Clock;
  private info: ReadyInfo | null = null;
  private model: LoopModel | null = null;
  private pump: TracePump | null = null;
  private maxWorkerBacklog = 0; // the most trace events the worker had unacknowledged, this run
  private runStderr = false; // the current run wrote to stderr
  private starting = false; // a run is being started (a second Run waits for none)
  private stepsAsked = 0; // steps asked of this run (the worker queues them)
  private stepsDone = 0; // as the worker's last pause said
  private readonly bus: Bus;
  private readonly client: WorkerClient;
  private readonly getSource: () => string;
  private readonly unsubscribe: (() => void)[] = [];
  private loadTimer = 0;

  constructor(options: SessionOptions) {
    this.bus = options.bus;
    this.getSource = options.getSource;
    this.speed = options.speed;
    this.clock = options.clock;
    this.client = new WorkerClient(options.createWorker, {
      onRunMessage: (m) => this.onRunMessage(m),
      onRunKilled: (_run, code, reason) => {
        this.bus.emit('notice', { text: reason, level: 'info' });
        this.finish({ code, virtualTime: this.model ? this.model.timeNs / 1e9 : 0, wallMs: 0, killed: true });
      },
      onWorkerFailed: (reason) => {
        this.bus.emit('notice', { text: `The engine stopped working (${reason}); it restarts on the next run.`, level: 'error' });
        if (this.state !== 'loading') this.setState('idle');
      },
    });
    const b = this.bus;
    this.unsubscribe.push(
      b.on('run-requested', () => void this.run(false)),
      b.on('stop-requested', () => void this.stop()),
      b.on('pause-requested', () => void this.pause()),
      b.on('resume-requested', () => void this.resume()),
      b.on('step-requested', (unit) => void this.step(unit)),
      b.on('speed-changed', (speed) => this.setSpeed(speed)),
      b.on('clock-changed', (clock) => {
        this.clock = clock;
      }),
      registerProbe('trace', () => this.traceFigures()),
    );
  }

  get current(): SessionState {
    return this.state;
  }

  get loopModel(): LoopModel | null {
    return this.model;
  }

  // Loads the engine, reporting progress until it is ready.
  async load(): Promise<void> {
    const started = performance.now();
    this.setState('loading');
    const tick = (): void => {
      this.bus.emit('load-progress', { elapsedMs: performance.now() - started, done: false, message: 'loading the engine…' });
    };
    tick();
    this.loadTimer = window.setInterval(tick, 100);
    try {
      this.info = await this.client.start();
      this.bus.emit('load-progress', {
        elapsedMs: performance.now() - started,
        done: true,
        message: `engine ${this.info.version} ready in ${Math.round(this.info.loadMs)} ms`,
      });
      this.setState('idle');
    } catch (error) {
      this.bus.emit('load-progress', { elapsedMs: performance.now() - started, done: true, message: 'the engine failed to load' });
      this.bus.emit('notice', { text: `The engine failed to load: ${errorText(error)}`, level: 'error' });
      this.setState('failed');
    } finally {
      window.clearInterval(this.loadTimer);
    }
  }

  dispose(): void {
    for (const off of this.unsubscribe) off();
    window.clearInterval(this.loadTimer);
    this.pump?.dispose();
    this.client.dispose();
  }

  // ------------------------------------------------------------ intents

  // `paused`: start paused, for the first step (counted as asked).
  private async run(paused: boolean): Promise<boolean> {
    if (this.state === 'loading' || this.starting) return false;
    this.starting = true;
    try {
      return await this.startRun(paused);
    } finally {
      this.starting = false;
    }
  }

  private async startRun(paused: boolean): Promise<boolean> {
    if (this.state === 'failed') {
      await this.load(); // Run after a failed load tries again
      if (this.current !== 'idle') return false;
    }
    if (this.client.running) await this.client.stop();
    const source = this.getSource();
    let info: ReadyInfo;
    try {
      info = this.info ?? (await this.client.start());
    } catch (error) {
      this.bus.emit('notice', { text: `The engine failed to load: ${errorText(error)}`, level: 'error' });
      this.setState('failed');
      return false;
    }
    this.info = info;
    const model = new LoopModel(info.traceKinds, info.waitKinds);
    this.startModel(model);
    this.runStderr = false;
    this.stepsAsked = paused ? 1 : 0;
    this.stepsDone = 0;
    this.setState(paused ? 'stepping' : 'running');
    // Panes reset before the first message of the run can arrive.
    this.bus.emit('run-started', { source });
    this.bus.emit('loop-changed', model);
    try {
      await this.client.runProgram({
        source,
        filename: FILENAME,
        argv: [],
        clock: this.clock,
        speed: this.speed,
        trace: true,
        paused,
      });
      return true;
    } catch (error) {
      this.bus.emit('notice', { text: `Could not run: ${errorText(error)}`, level: 'error' });
      this.setState('idle');
      return false;
    }
  }

  private async stop(): Promise<void> {
    if (!this.client.running) return;
    this.setState('stopping');
    await this.client.stop();
  }

  private async pause(): Promise<void> {
    if (this.state !== 'running') return;
    await this.client.pause().catch((e: unknown) => this.complain(e));
  }

  private async resume(): Promise<void> {
    if (this.state !== 'paused' && this.state !== 'stepping') return;
    await this.client.resume().catch((e: unknown) => this.complain(e));
  }

  // Step from idle starts the program paused, then runs its first unit.
  // Steps asked faster than they run are queued by the worker: the state
  // is 'stepping' until the worker's pause reports them all done.
  private async step(unit: StepUnit): Promise<void> {
    if (this.state === 'idle') {
      if (!(await this.run(true))) return;
    } else if (this.state === 'running') {
      await this.client.pause().catch((e: unknown) => this.complain(e));
      return;
    } else if (this.state === 'paused' || this.state === 'stepping') {
      this.stepsAsked++;
      this.setState('stepping');
    } else {
      return;
    }
    await this.client.step(unit).catch((e: unknown) => this.complain(e));
  }

  private setSpeed(speed: Speed): void {
    this.speed = speed;
    if (this.client.running) this.client.setSpeed(speed).catch((e: unknown) => this.complain(e));
  }

  // ------------------------------------------------------------ facts

  private onRunMessage(m: RunMessage): void {
    switch (m.type) {
      case 'stdout':
        this.bus.emit('stdout', m.text);
        break;
      case 'stderr':
        this.runStderr = true;
        this.bus.emit('stderr', m.text);
        break;
      case 'trace':
        this.maxWorkerBacklog = Math.max(this.maxWorkerBacklog, m.backlog);
        this.pump?.push(m.batch);
        break;
      case 'paused': {
        // The worker's own counters are the truth at a pause (once the
        // events before it are applied).
        const model = this.model;
        if (model) {
          this.pump?.after(() => {
            model.iteration = m.iteration;
            model.timeNs = Math.round(m.virtual_time * 1e9);
            this.bus.emit('loop-changed', model);
          });
        }
        this.stepsDone = m.steps;
        if (this.state !== 'stopping') this.setState(m.steps < this.stepsAsked ? 'stepping' : 'paused');
        break;
      }
      case 'resumed':
        this.stepsAsked = this.stepsDone; // resuming drops the steps not run
        if (this.state !== 'stopping') this.setState('running');
        break;
      case 'error':
        // The traceback is also printed on stderr, as python prints it; write
        // it here only if the worker did not.
        if (!this.runStderr && m.traceback) this.bus.emit('stderr', m.traceback);
        this.bus.emit('program-error', { kind: m.kind, message: m.message, line: m.line, col: m.col });
        break;
      case 'exit':
        this.finish({ code: m.code, virtualTime: m.virtual_time, wallMs: m.wall_ms, killed: false });
        break;
    }
  }

  // A fresh model for a new run, fed by a pump of its own (the last run's
  // events still waiting are dropped with its pump).
  private startModel(model: LoopModel): void {
    this.pump?.dispose();
    this.model = model;
    this.maxWorkerBacklog = 0;
    this.pump = new TracePump(model, {
      applied: (total) => this.client.acknowledgeTrace(total),
      changed: () => this.bus.emit('loop-changed', model),
      behind: (behind) => this.bus.emit('trace-behind', behind),
    });
    this.bus.emit('trace-behind', false);
  }

  // For the browser tests and the perf script: how the trace keeps up.
  private traceFigures(): object {
    const pump = this.pump;
    return {
      received: pump?.received ?? 0,
      applied: pump?.applied ?? 0,
      pending: pump?.pending ?? 0,
      maxWorkerBacklog: this.maxWorkerBacklog,
      tasks: this.model?.taskCount ?? 0,
    };
  }

  private finish(end: { code: number; virtualTime: number; wallMs: number; killed: boolean }): void {
    this.bus.emit('run-ended', end);
    this.setState('idle');
  }

  private setState(state: SessionState): void {
    if (this.state === state) return;
    this.state = state;
    this.bus.emit('session-state', state);
  }

  private complain(error: unknown): void {
    this.bus.emit('notice', { text: errorText(error), level: 'error' });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
