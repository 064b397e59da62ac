// loop-model.ts — the event loop as the page shows it, rebuilt from the
// engine's trace events: every task (name, coroutine, line, state and what it
// waits on), the ready queue in order, the timer heap by deadline, the loop's
// virtual time and iteration counter, and the task that runs now.
//
// A pure model: no DOM, no worker, no clock. apply() takes (part of) a
// protocol TraceBatch; the renderer (panes/loop-view.ts) reads the result
// and redraws only what changed (each task and list has a version).
// Event kinds arrive as indexes into the name tables of the worker's `ready`
// message (from engine/trace/event.hpp); the model looks them up by name so
// that adding a kind to the engine's table breaks nothing here.
//
// Every event costs O(1) (amortized), however many tasks the program has:
// a flood of a million events is applied in chunks between frames
// (trace-pump.ts), and the renderer reads only what it draws (recentTasks,
// firstReady, earliestTimers, countByStatus) rather than whole lists.
import type { TraceBatch } from '../../wasm-bindings/protocol.ts';
import { eventCount, TraceCursor } from './trace-reader.ts';

export type TaskStatus = 'ready' | 'running' | 'waiting' | 'done' | 'cancelled' | 'failed';

export interface Wait {
  kind: string; // a wait name from event.hpp: Timer, Future, Task, Gather, Queue, ...
  on: number; // the awaited task / future / primitive id (timer id for Timer)
  deadlineNs: number | null; // for Timer waits
  children: readonly number[]; // for Gather: the tasks created in the step that awaited it
}

export interface TaskView {
  id: number;
  name: string;
  coro: string; // coroutine qualname ('' if the engine did not say)
  line: number; // line the task's innermost frame is at (0: unknown)
  status: TaskStatus;
  wait: Wait | null;
  detail: string; // exception summary of a failed task
  lastOutput: string; // the last line it printed
  steps: number;
  parent: number; // the task that was running when it was created (0: none)
  version: number; // changes whenever anything above changes
}

export interface ReadyEntry {
  handle: number;
  task: number; // the task it steps or that created it (0: none)
  timer: boolean; // arrived from the timer heap
}

export interface TimerEntry {
  id: number;
  deadlineNs: number;
  task: number; // 0: none
  order: number; // arming order: equal deadlines fire in it
}

// How many finished tasks the view keeps (oldest dropped first): a program
// that creates a million short tasks keeps the page's memory bounded.
export const MAX_FINISHED_TASKS = 500;
// Up to this many timers the heap is kept sorted; beyond, the earliest few
// are picked in one pass (a full sort per frame would be the cost).
const SORT_TIMERS_UP_TO = 2_000;

type Handler = (ev: TraceCursor) => void;
// Shared by every wait that is not a gather (a flood makes a wait per step:
// no garbage for the collector to sweep).
const NO_CHILDREN: readonly number[] = Object.freeze([]);
type Finished = 'done' | 'cancelled' | 'failed';

function isFinished(status: TaskStatus): status is Finished {
  return status === 'done' || status === 'cancelled' || status === 'failed';
}

function timerBefore(x: TimerEntry, y: TimerEntry): boolean {
  return x.deadlineNs < y.deadlineNs || (x.deadlineNs === y.deadlineNs && x.order < y.order);
}

export class LoopModel {
  readonly kindNames: readonly string[];
  readonly waitNames: readonly string[];

  timeNs = 0;
  iteration = 0;
  running = 0; // task id running now (0: none)
  lastStepped = 0; // the task whose step began last
  moduleLine = 0; // line reached outside any task
  eventCount = 0;
  droppedTasks = 0; // finished tasks no longer shown
  version = 0; // bumped by every apply() that changed something
  readyVersion = 0;
  timersVersion = 0;
  tasksVersion = 0; // the set or order of tasks changed (not just one task)

  private taskMap = new Map<number, TaskView>();
  // Creation order. Dropped tasks stay in it (as holes, until there are
  // more holes than tasks) so that dropping one costs O(1).
  private order: TaskView[] = [];
  private dropped = new Set<TaskView>();
  private finishedQueue: TaskView[] = []; // finished tasks, oldest first
  private finishedHead = 0;
  private statusCounts: Record<TaskStatus, number> = { ready: 0, running: 0, waiting: 0, done: 0, cancelled: 0, failed: 0 };
  private readyQ: ReadyEntry[] = [];
  private readyHead = 0;
  private timerMap = new Map<number, TimerEntry>();
  private timerOrder = 0;
  private sortedTimers: TimerEntry[] | null = [];
  private createdInStep: number[] = []; // by the task whose step runs (lastStepped)
  private lineClosed = new Set<number>(); // tasks whose last output ended a line
  private handlers: (Handler | undefined)[] = [];

  constructor(kindNames: readonly string[], waitNames: readonly string[]) {
    this.kindNames = kindNames;
    this.waitNames = waitNames;
    const byName: Record<string, Handler> = {
      IterationBegin: (ev) => this.onIterationBegin(ev),
      HandleScheduled: (ev) => this.onHandleScheduled(ev),
      HandleRun: (ev) => this.onHandleRun(ev),
      TimerArmed: (ev) => this.onTimerArmed(ev),
      TimerCancelled: (ev) => this.onTimerGone(ev, false),
      TimerFired: (ev) => this.onTimerGone(ev, true),
      TaskCreated: (ev) => this.onTaskCreated(ev),
      TaskStepBegin: (ev) => this.onStepBegin(ev),
      TaskStepEnd: (ev) => this.onStepEnd(ev),
      TaskDone: (ev) => this.onFinished(ev, 'done'),
      TaskCancelled: (ev) => this.onFinished(ev, 'cancelled'),
      TaskFailed: (ev) => this.onFinished(ev, 'failed'),
      Output: (ev) => this.onOutput(ev),
      LineReached: (ev) => this.onLine(ev),
    };
    this.handlers = kindNames.map((name) => byName[name]);
  }

  // ------------------------------------------------------------ reading

  // Every task shown, in creation order (O(tasks): for tests and probes;
  // the renderer reads recentTasks).
  get tasks(): readonly TaskView[] {
    if (this.dropped.size > 0) this.compactOrder();
    return this.order;
  }

  get taskCount(): number {
    return this.order.length - this.dropped.size;
  }

  // The last `n` tasks in creation order.
  recentTasks(n: number): TaskView[] {
    const out: TaskView[] = [];
    for (let i = this.order.length - 1; i >= 0 && out.length < n; i--) {
      const task = this.order[i];
      if (!this.dropped.has(task)) out.push(task);
    }
    return out.reverse();
  }

  task(id: number): TaskView | undefined {
    return this.taskMap.get(id);
  }

  get ready(): readonly ReadyEntry[] {
    if (this.readyHead > 0) this.compactReady();
    return this.readyQ;
  }

  // The first `n` entries of the ready queue.
  firstReady(n: number): ReadyEntry[] {
    return this.readyQ.slice(this.readyHead, this.readyHead + n);
  }

  get readyCount(): number {
    return this.readyQ.length - this.readyHead;
  }

  // The timer heap as asyncio would pop it: by deadline, then arming order.
  get timers(): readonly TimerEntry[] {
    if (!this.sortedTimers) {
      this.sortedTimers = [...this.timerMap.values()].sort(
        (x, y) => x.deadlineNs - y.deadlineNs || x.order - y.order,
      );
    }
    return this.sortedTimers;
  }

  get timerCount(): number {
    return this.timerMap.size;
  }

  // The first `n` timers the heap would pop, without sorting them all.
  earliestTimers(n: number): TimerEntry[] {
    if (this.sortedTimers || this.timerMap.size <= SORT_TIMERS_UP_TO) return this.timers.slice(0, n);
    const best: TimerEntry[] = [];
    for (const timer of this.timerMap.values()) {
      if (best.length === n && !timerBefore(timer, best[n - 1])) continue;
      if (best.length === n) best.pop();
      let i = best.length;
      while (i > 0 && timerBefore(timer, best[i - 1])) i--;
      best.splice(i, 0, timer);
    }
    return best;
  }

  // The line to highlight in the editor: the running task's or, between
  // steps (a batch of events ends between steps, and so does a pause), the
  // line of the task that ran last while it is not finished (0: none).
  get runningLine(): number {
    const task = this.taskMap.get(this.running || this.lastStepped);
    if (!task || task.status === 'done' || task.status === 'cancelled' || task.status === 'failed') return 0;
    return task.line;
  }

  countByStatus(status: TaskStatus): number {
    return this.statusCounts[status];
  }

  // What a task waits on, in words: "sleep until 1.000 s", "task Task-2", ...
  describeWait(task: TaskView): string {
    const w = task.wait;
    if (!w) return '';
    switch (w.kind) {
      case 'Timer':
        return w.deadlineNs === null ? 'sleep' : `sleep until ${formatSeconds(w.deadlineNs)}`;
      case 'Task': {
        const other = this.taskMap.get(w.on);
        return `task ${other ? other.name : '#' + w.on}`;
      }
      case 'Gather':
        return w.children.length ? `gather of ${w.children.length}` : 'gather';
      case 'Future':
        return `a future #${w.on}`;
      case 'Fetch':
        return 'a fetch';
      case 'Timeout':
        return 'a timeout';
      default:
        return `${w.kind.toLowerCase()} #${w.on}`;
    }
  }

  // The tasks a task's arrow points to (what it awaits, when those are tasks).
  awaitedTasks(task: TaskView): number[] {
    const w = task.wait;
    if (!w || task.status !== 'waiting') return [];
    if (w.kind === 'Task') return this.taskMap.has(w.on) ? [w.on] : [];
    if (w.kind === 'Gather') return w.children.filter((id) => this.taskMap.has(id));
    return [];
  }

  // ------------------------------------------------------------ writing

  // Applies the events [from, to) of `batch` (all of them by default).
  apply(batch: TraceBatch, from = 0, to = eventCount(batch)): void {
    if (to <= from) return;
    const ev = new TraceCursor(batch);
    for (let i = from; i < to; i++) {
      ev.moveTo(i);
      this.timeNs = ev.timeNs;
      this.handlers[ev.kind]?.(ev);
    }
    this.eventCount += to - from;
    this.version++;
  }

  private touch(task: TaskView): void {
    task.version++;
  }

  private setStatus(task: TaskView, status: TaskStatus): void {
    this.statusCounts[task.status]--;
    this.statusCounts[status]++;
    task.status = status;
  }

  private onIterationBegin(ev: TraceCursor): void {
    this.iteration = ev.id;
  }

  private onHandleScheduled(ev: TraceCursor): void {
    const taskId = ev.a;
    this.readyQ.push({ handle: ev.id, task: taskId, timer: false });
    this.readyVersion++;
    const task = this.taskMap.get(taskId);
    if (!task) return;
    // (While the task itself runs, this is its next step or a callback it
    // made; its TaskStepEnd says which state follows.)
    if (taskId !== this.running && task.status === 'waiting') {
      // Woken: its step is in the ready queue now.
      this.setStatus(task, 'ready');
      task.wait = null;
      this.touch(task);
    }
  }

  private onHandleRun(ev: TraceCursor): void {
    // The loop pops from the front; handles before this one were cancelled
    // and skipped without an event.
    const handle = ev.id;
    for (let i = this.readyHead; i < this.readyQ.length; i++) {
      if (this.readyQ[i].handle === handle) {
        this.readyHead = i + 1;
        this.readyVersion++;
        if (this.readyHead > 256 && this.readyHead * 2 > this.readyQ.length) this.compactReady();
        return;
      }
    }
  }

  private compactReady(): void {
    this.readyQ = this.readyQ.slice(this.readyHead);
    this.readyHead = 0;
  }

  private onTimerArmed(ev: TraceCursor): void {
    // A timer without a task belongs to the task that armed it (as the
    // engine's Handle::task_id says: "the task it steps, or that created it").
    const task = ev.b || this.running;
    this.timerMap.set(ev.id, { id: ev.id, deadlineNs: ev.a, task, order: this.timerOrder++ });
    this.sortedTimers = null;
    this.timersVersion++;
  }

  private onTimerGone(ev: TraceCursor, fired: boolean): void {
    const timer = this.timerMap.get(ev.id);
    if (!timer) return;
    this.timerMap.delete(ev.id);
    this.sortedTimers = null;
    this.timersVersion++;
    if (fired) {
      this.readyQ.push({ handle: timer.id, task: timer.task, timer: true });
      this.readyVersion++;
    }
  }

  private onTaskCreated(ev: TraceCursor): void {
    const text = ev.text;
    const tab = text.indexOf('\t');
    const name = tab < 0 ? text : text.slice(0, tab);
    const coro = tab < 0 ? '' : text.slice(tab + 1);
    const task: TaskView = {
      id: ev.id,
      name,
      coro,
      line: 0,
      status: 'ready',
      wait: null,
      detail: '',
      lastOutput: '',
      steps: 0,
      parent: this.running,
      version: 0,
    };
    this.taskMap.set(task.id, task);
    this.order.push(task);
    this.statusCounts.ready++;
    this.tasksVersion++;
    if (this.running) this.createdInStep.push(task.id);
  }

  private onStepBegin(ev: TraceCursor): void {
    const task = this.taskMap.get(ev.id);
    this.running = ev.id;
    this.lastStepped = ev.id;
    this.createdInStep = []; // (the last step's list may be a gather's children now)
    if (!task) return;
    this.setStatus(task, 'running');
    task.wait = null;
    task.steps++;
    this.touch(task);
  }

  private onStepEnd(ev: TraceCursor): void {
    const task = this.taskMap.get(ev.id);
    if (this.running === ev.id) this.running = 0;
    if (!task) return;
    const kind = this.waitNames[ev.wait] ?? 'Nothing';
    if (kind === 'Nothing' || kind === 'Yield') {
      this.setStatus(task, 'ready');
      task.wait = null;
    } else {
      let on = ev.a;
      let deadlineNs: number | null = null;
      let waitKind = kind;
      // The interpreter's asyncio.sleep(d) awaits a plain future that a timer
      // armed right after it (the next id) completes: shown as the sleep it is.
      const timer = kind === 'Future' ? this.timerMap.get(on + 1) : undefined;
      if (timer && timer.task === task.id) {
        waitKind = 'Timer';
        on = timer.id;
      }
      if (waitKind === 'Timer') deadlineNs = this.timerMap.get(on)?.deadlineNs ?? (on > 0 ? on : null);
      // The tasks its step created are its gather's children: handed over,
      // not copied (a gather of 100,000 costs this event nothing more).
      const children = kind === 'Gather' && this.lastStepped === task.id ? this.createdInStep : NO_CHILDREN;
      this.setStatus(task, 'waiting');
      task.wait = { kind: waitKind, on, deadlineNs, children };
    }
    this.touch(task);
  }

  private onFinished(ev: TraceCursor, status: Finished): void {
    const task = this.taskMap.get(ev.id);
    if (this.running === ev.id) this.running = 0;
    if (!task) return;
    if (!isFinished(task.status)) this.finishedQueue.push(task);
    this.setStatus(task, status);
    task.wait = null;
    task.detail = status === 'failed' ? ev.text : '';
    this.touch(task);
    if (this.finishedQueue.length - this.finishedHead > MAX_FINISHED_TASKS) this.dropFinished();
  }

  // Drops the tasks that finished first, down to three quarters of the limit.
  private dropFinished(): void {
    const keep = Math.floor((MAX_FINISHED_TASKS * 3) / 4);
    while (this.finishedQueue.length - this.finishedHead > keep) {
      const task = this.finishedQueue[this.finishedHead++];
      this.taskMap.delete(task.id);
      this.lineClosed.delete(task.id);
      this.statusCounts[task.status]--;
      this.dropped.add(task);
      this.droppedTasks++;
    }
    this.finishedQueue = this.finishedQueue.slice(this.finishedHead);
    this.finishedHead = 0;
    if (this.dropped.size * 2 > this.order.length) this.compactOrder();
    this.tasksVersion++;
  }

  private compactOrder(): void {
    this.order = this.order.filter((task) => !this.dropped.has(task));
    this.dropped.clear();
  }

  private onOutput(ev: TraceCursor): void {
    const task = this.taskMap.get(ev.id);
    if (!task) return;
    // print(end="") writes piecewise: a line grows until a newline ends it.
    const text = ev.text;
    const start = this.lineClosed.has(task.id) || task.lastOutput === '' ? '' : task.lastOutput;
    const lines = (start + text).split('\n');
    const closed = text.endsWith('\n');
    if (closed) lines.pop();
    task.lastOutput = (lines[lines.length - 1] ?? '').slice(-80);
    if (closed) this.lineClosed.add(task.id);
    else this.lineClosed.delete(task.id);
    this.touch(task);
  }

  private onLine(ev: TraceCursor): void {
    const task = this.taskMap.get(ev.id);
    if (!task) {
      this.moduleLine = ev.a;
      return;
    }
    if (task.line !== ev.a) {
      task.line = ev.a;
      this.touch(task);
    }
  }
}

// "1.000 s": the loop's clock for humans.
export function formatSeconds(ns: number): string {
  return `${(ns / 1e9).toFixed(3)} s`;
}
