// loop-model.ts — the event loop as the page shows it, rebuilt from the
// engine's trace events: every task (name, coroutine, line, state and what it
// waits on), the ready queue in order, the timer heap by deadline, the loop's
// virtual time and iteration counter, and the task that runs now.
//
// A pure model: no DOM, no worker, no clock. apply() takes a batch of the
// protocol's compact events; the renderer (panes/loop-view.ts) reads the
// result and redraws only what changed (each task and list has a version).
// Event kinds arrive as indexes into the name tables of the worker's `ready`
// message (from engine/trace/event.hpp); the model looks them up by name so
// that adding a kind to the engine's table breaks nothing here.
import type { TraceEvent } from '../../wasm-bindings/protocol.ts';

export type TaskStatus = 'ready' | 'running' | 'waiting' | 'done' | 'cancelled' | 'failed';

export interface Wait {
  kind: string; // a wait name from event.hpp: Timer, Future, Task, Gather, Queue, ...
  on: number; // the awaited task / future / primitive id (timer id for Timer)
  deadlineNs: number | null; // for Timer waits
  children: number[]; // for Gather: the tasks created in the step that awaited it
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

type Handler = (ev: TraceEvent) => void;

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
  private order: TaskView[] = [];
  private finishedCount = 0;
  private readyQ: ReadyEntry[] = [];
  private readyHead = 0;
  private timerMap = new Map<number, TimerEntry>();
  private timerOrder = 0;
  private sortedTimers: TimerEntry[] | null = [];
  private createdInStep: number[] = [];
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

  get tasks(): readonly TaskView[] {
    return this.order;
  }

  task(id: number): TaskView | undefined {
    return this.taskMap.get(id);
  }

  get ready(): readonly ReadyEntry[] {
    if (this.readyHead > 0) this.compactReady();
    return this.readyQ;
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

  // The line to highlight in the editor: the running task's or, between
  // steps (a batch of events ends between steps, and so does a pause), the
  // line of the task that ran last while it is not finished (0: none).
  get runningLine(): number {
    const task = this.taskMap.get(this.running || this.lastStepped);
    if (!task || task.status === 'done' || task.status === 'cancelled' || task.status === 'failed') return 0;
    return task.line;
  }

  countByStatus(status: TaskStatus): number {
    let n = 0;
    for (const t of this.order) if (t.status === status) n++;
    return n;
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

  apply(events: readonly TraceEvent[]): void {
    if (events.length === 0) return;
    for (const ev of events) {
      this.timeNs = ev[3];
      this.handlers[ev[0]]?.(ev);
    }
    this.eventCount += events.length;
    this.version++;
  }

  private touch(task: TaskView): void {
    task.version++;
  }

  private onIterationBegin(ev: TraceEvent): void {
    this.iteration = ev[4];
  }

  private onHandleScheduled(ev: TraceEvent): void {
    const taskId = ev[5];
    this.readyQ.push({ handle: ev[4], task: taskId, timer: false });
    this.readyVersion++;
    const task = this.taskMap.get(taskId);
    if (!task) return;
    // (While the task itself runs, this is its next step or a callback it
    // made; its TaskStepEnd says which state follows.)
    if (taskId !== this.running && task.status === 'waiting') {
      // Woken: its step is in the ready queue now.
      task.status = 'ready';
      task.wait = null;
      this.touch(task);
    }
  }

  private onHandleRun(ev: TraceEvent): void {
    // The loop pops from the front; handles before this one were cancelled
    // and skipped without an event.
    const handle = ev[4];
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

  private onTimerArmed(ev: TraceEvent): void {
    // A timer without a task belongs to the task that armed it (as the
    // engine's Handle::task_id says: "the task it steps, or that created it").
    const task = ev[6] || this.running;
    this.timerMap.set(ev[4], { id: ev[4], deadlineNs: ev[5], task, order: this.timerOrder++ });
    this.sortedTimers = null;
    this.timersVersion++;
  }

  private onTimerGone(ev: TraceEvent, fired: boolean): void {
    const timer = this.timerMap.get(ev[4]);
    if (!timer) return;
    this.timerMap.delete(ev[4]);
    this.sortedTimers = null;
    this.timersVersion++;
    if (fired) {
      this.readyQ.push({ handle: timer.id, task: timer.task, timer: true });
      this.readyVersion++;
    }
  }

  private onTaskCreated(ev: TraceEvent): void {
    const [name, coro = ''] = ev[7].split('\t');
    const task: TaskView = {
      id: ev[4],
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
    this.tasksVersion++;
    if (this.running) this.createdInStep.push(task.id);
  }

  private onStepBegin(ev: TraceEvent): void {
    const task = this.taskMap.get(ev[4]);
    this.running = ev[4];
    this.lastStepped = ev[4];
    this.createdInStep = [];
    if (!task) return;
    task.status = 'running';
    task.wait = null;
    task.steps++;
    this.touch(task);
  }

  private onStepEnd(ev: TraceEvent): void {
    const task = this.taskMap.get(ev[4]);
    if (this.running === ev[4]) this.running = 0;
    if (!task) return;
    const kind = this.waitNames[ev[1]] ?? 'Nothing';
    if (kind === 'Nothing' || kind === 'Yield') {
      task.status = 'ready';
      task.wait = null;
    } else {
      let on = ev[5];
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
      const children =
        kind === 'Gather' ? this.createdInStep.filter((id) => this.taskMap.get(id)?.parent === task.id) : [];
      task.status = 'waiting';
      task.wait = { kind: waitKind, on, deadlineNs, children };
    }
    this.touch(task);
  }

  private onFinished(ev: TraceEvent, status: 'done' | 'cancelled' | 'failed'): void {
    const task = this.taskMap.get(ev[4]);
    if (this.running === ev[4]) this.running = 0;
    if (!task) return;
    if (task.status !== 'done' && task.status !== 'cancelled' && task.status !== 'failed') {
      this.finishedCount++;
    }
    task.status = status;
    task.wait = null;
    task.detail = status === 'failed' ? ev[7] : '';
    this.touch(task);
    if (this.finishedCount > MAX_FINISHED_TASKS) this.dropFinished();
  }

  private dropFinished(): void {
    // Drop the oldest finished tasks down to three quarters of the limit.
    let excess = this.finishedCount - Math.floor((MAX_FINISHED_TASKS * 3) / 4);
    this.order = this.order.filter((t) => {
      const finished = t.status === 'done' || t.status === 'cancelled' || t.status === 'failed';
      if (finished && excess > 0) {
        excess--;
        this.taskMap.delete(t.id);
        this.lineClosed.delete(t.id);
        this.finishedCount--;
        this.droppedTasks++;
        return false;
      }
      return true;
    });
    this.tasksVersion++;
  }

  private onOutput(ev: TraceEvent): void {
    const task = this.taskMap.get(ev[4]);
    if (!task) return;
    // print(end="") writes piecewise: a line grows until a newline ends it.
    const text = ev[7];
    const start = this.lineClosed.has(task.id) || task.lastOutput === '' ? '' : task.lastOutput;
    const lines = (start + text).split('\n');
    const closed = text.endsWith('\n');
    if (closed) lines.pop();
    task.lastOutput = (lines[lines.length - 1] ?? '').slice(-80);
    if (closed) this.lineClosed.add(task.id);
    else this.lineClosed.delete(task.id);
    this.touch(task);
  }

  private onLine(ev: TraceEvent): void {
    const task = this.taskMap.get(ev[4]);
    if (!task) {
      this.moduleLine = ev[5];
      return;
    }
    if (task.line !== ev[5]) {
      task.line = ev[5];
      this.touch(task);
    }
  }
}

// "1.000 s": the loop's clock for humans.
export function formatSeconds(ns: number): string {
  return `${(ns / 1e9).toFixed(3)} s`;
}
