// worker_core.mjs — the worker's side of the protocol (protocol.ts): loads
// the module once, answers every request with one `response`, and runs at
// most one program at a time (a second `run` is refused: the page stops the
// first one itself). Platform-free: worker.ts (module Web Worker) and the
// node tests give it a `post` function and a module loader.
import { bindApi, ProgramRun } from './session.mjs';

export class WorkerCore {
  /**
   * @param {(message: import('./protocol').WorkerMessage, transfer?: Transferable[]) => void} post
   * @param {() => Promise<any>} loadModule  resolves to the Emscripten module
   */
  constructor(post, loadModule) {
    this.post = post;
    this.run = null;
    this.runId = 0;
    const started = performance.now();
    this.loaded = loadModule().then((module) => {
      this.module = module;
      this.api = bindApi(module);
      post({
        type: 'ready',
        version: this.api.version(),
        load_ms: performance.now() - started,
        trace_kinds: this.api.traceKinds(),
        wait_kinds: this.api.waitKinds(),
      });
    });
    this.loaded.catch((err) => {
      this.loadError = String(err);
    });
  }

  /** @param {import('./protocol').PageMessage} request */
  async handle(request) {
    if (request.type === 'trace-ack') return this.acknowledge(request);
    const { id } = request;
    const ok = () => this.post({ type: 'response', id, ok: true });
    const fail = (error) => this.post({ type: 'response', id, ok: false, error });
    try {
      await this.loaded;
    } catch (err) {
      return fail(`the corio module failed to load: ${err}`);
    }
    if (request.type === 'load') return ok();
    if (request.type === 'run') {
      if (this.run) return fail('a program is already running; stop it first');
      this.start(request);
      return ok();
    }
    if (!this.run) return fail(`no program is running (${request.type})`);
    switch (request.type) {
      case 'pause': this.run.pause(); break;
      case 'resume': this.run.resume(); break;
      case 'step': this.run.step(request.unit); break;
      case 'set-speed': this.run.setSpeed(request.speed); break;
      case 'stop': this.run.stop(); break;
      default: return fail(`unknown request ${JSON.stringify(request)}`);
    }
    return ok();
  }

  // A trace-ack of another run (one that ended) is of no use: dropped.
  acknowledge({ run, applied }) {
    if (this.run && run === this.runId) this.run.acknowledge(applied);
  }

  start(request) {
    const run = request.id;
    this.runId = run;
    const post = this.post;
    const sink = {
      output: (stream, text, task) => post({ type: stream, run, text, task }),
      trace: (batch, backlog) => post({ type: 'trace', run, batch, backlog }, [batch.fields.buffer]),
      paused: (info) => post({ type: 'paused', run, ...info }),
      resumed: () => post({ type: 'resumed', run }),
      error: (failure) => post({ type: 'error', run, ...failure }),
      exit: (info) => {
        this.run = null;
        post({ type: 'exit', run, ...info });
      },
    };
    this.run = new ProgramRun(this.module, this.api, request, sink);
  }
}
