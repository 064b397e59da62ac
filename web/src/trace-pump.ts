// trace-pump.ts — feeds a run's trace batches to its LoopModel at the page's
// pace. Batches are queued as they arrive and applied in slices of at most
// SLICE_BUDGET_MS, each its own task, so the browser handles input between
// them however fast the worker traces; after FRAME_BUDGET_MS of slices the
// pump waits for the next frame to be painted, so a flood never starves
// rendering (nor does the browser's scheduling). After each slice the
// pump says how many events it has applied (the page acknowledges them to
// the worker, whose backpressure — protocol.ts, MAX_TRACE_BACKLOG — bounds
// what can wait here) and that the model changed (the view renders once per
// frame, whatever the number of slices).
//
// Facts that must follow the events received before them (a pause's
// counters) are queued with after() and run once those events are applied.
import type { TraceBatch } from '../../wasm-bindings/protocol.ts';
import type { LoopModel } from './loop-model.ts';
import { eventCount } from './trace-reader.ts';

export const SLICE_BUDGET_MS = 4;
export const FRAME_BUDGET_MS = 10;
const EVENTS_PER_CLOCK_READ = 256;
// If no frame comes (the page is not being painted), the pump goes on after this long.
const FRAME_FALLBACK_MS = 100;

export interface PumpHooks {
  applied(total: number): void; // events applied so far, after each slice
  changed(): void; // the model changed in this slice
  behind(behind: boolean): void; // events are left after a slice (or no longer)
}

// How the pump gets its next turn, and what time it is (injected by tests).
export interface PumpHost {
  soon(fn: () => void): void; // a task of its own, soon
  afterFrame(fn: () => void): void; // a task after the next frame is painted
  now(): number;
  close?(): void;
}

type Item = { batch: TraceBatch; next: number; end: number } | { then: () => void };

export class TracePump {
  private queue: Item[] = [];
  private head = 0;
  private scheduled = false;
  private spentInFrame = 0; // ms of slices since the last frame
  private wasBehind = false;
  private disposed = false;
  private receivedCount = 0;
  private appliedCount = 0;
  private readonly model: LoopModel;
  private readonly hooks: PumpHooks;
  private readonly host: PumpHost;

  constructor(model: LoopModel, hooks: PumpHooks, host: PumpHost = browserHost()) {
    this.model = model;
    this.hooks = hooks;
    this.host = host;
  }

  get received(): number {
    return this.receivedCount;
  }

  get applied(): number {
    return this.appliedCount;
  }

  // Events received and not applied yet.
  get pending(): number {
    return this.receivedCount - this.appliedCount;
  }

  push(batch: TraceBatch): void {
    const end = eventCount(batch);
    if (end === 0) return;
    this.receivedCount += end;
    this.enqueue({ batch, next: 0, end });
  }

  // Runs `fn` once every event pushed so far is applied.
  after(fn: () => void): void {
    this.enqueue({ then: fn });
  }

  // Drops what is queued; nothing runs any more.
  dispose(): void {
    this.disposed = true;
    this.queue = [];
    this.head = 0;
    this.host.close?.();
  }

  private enqueue(item: Item): void {
    if (this.disposed) return;
    this.queue.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.disposed) return;
    this.scheduled = true;
    const go = (): void => {
      this.scheduled = false;
      this.slice();
    };
    if (this.spentInFrame < FRAME_BUDGET_MS) return this.host.soon(go);
    this.host.afterFrame(() => {
      this.spentInFrame = 0;
      go();
    });
  }

  // One turn: applies events until the budget is spent or the queue is empty.
  private slice(): void {
    if (this.disposed) return;
    const started = this.host.now();
    const deadline = started + Math.min(SLICE_BUDGET_MS, FRAME_BUDGET_MS - this.spentInFrame);
    const before = this.appliedCount;
    while (this.head < this.queue.length && this.host.now() < deadline) {
      const item = this.queue[this.head];
      if ('then' in item) {
        this.head++;
        item.then();
        continue;
      }
      const to = Math.min(item.end, item.next + EVENTS_PER_CLOCK_READ);
      this.model.apply(item.batch, item.next, to);
      this.appliedCount += to - item.next;
      item.next = to;
      if (to === item.end) this.head++;
    }
    this.dropApplied();
    this.spentInFrame += this.host.now() - started;
    if (this.appliedCount > before) {
      this.hooks.changed();
      this.hooks.applied(this.appliedCount);
    }
    const behind = this.head < this.queue.length;
    if (behind !== this.wasBehind) {
      this.wasBehind = behind;
      this.hooks.behind(behind);
    }
    if (behind) this.schedule();
  }

  private dropApplied(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 64) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}

// Turns are MessageChannel round trips (not clamped like nested timers).
// A frame is awaited with requestAnimationFrame, or FRAME_FALLBACK_MS if none
// comes; a background tab paints none, so there the pump does not wait (its
// timers are throttled too, and the worker would wait with it).
function browserHost(): PumpHost {
  const channel = new MessageChannel();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const fn = pending;
    pending = null;
    fn?.();
  };
  const soon = (fn: () => void): void => {
    pending = fn;
    channel.port2.postMessage(0);
  };
  return {
    soon,
    afterFrame(fn) {
      if (document.hidden) return soon(fn);
      let done = false;
      const once = (): void => {
        if (done) return;
        done = true;
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        soon(fn); // after the frame's rendering, not inside it
      };
      const frame = requestAnimationFrame(once);
      const timer = setTimeout(once, FRAME_FALLBACK_MS);
    },
    now: () => performance.now(),
    close() {
      pending = null;
      channel.port1.close();
      channel.port2.close();
    },
  };
}
