// loop-model.test.ts — the loop view's model, fed the events the engine
// emits for countasync.py (three counts that sleep 1 s under gather) and a
// few edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoopModel, MAX_FINISHED_TASKS } from '../../src/loop-model.ts';
import { KIND_NAMES, WAIT_NAMES, batch, ev, type TraceEvent } from './trace-names.ts';

const S = 1e9;

// main() gathers three count() tasks; each prints, sleeps 1 s, prints.
function countasyncUntilSleeping(model: LoopModel): void {
  model.apply(batch([
    ev('TaskCreated', { id: 1, text: 'Task-1\tmain' }),
    ev('HandleScheduled', { id: 2, a: 1 }),
    ev('IterationBegin', { id: 1, a: 1 }),
    ev('HandleRun', { id: 2, a: 1 }),
    ev('TaskStepBegin', { id: 1 }),
    ev('LineReached', { id: 1, a: 14 }),
    ev('TaskCreated', { id: 3, text: 'Task-2\tcount' }),
    ev('HandleScheduled', { id: 4, a: 3 }),
    ev('TaskCreated', { id: 5, text: 'Task-3\tcount' }),
    ev('HandleScheduled', { id: 6, a: 5 }),
    ev('TaskCreated', { id: 7, text: 'Task-4\tcount' }),
    ev('HandleScheduled', { id: 8, a: 7 }),
    ev('TaskStepEnd', { id: 1, wait: 'Gather', a: 9 }),
    ev('IterationEnd', { id: 1, a: 1 }),
  ]));
}

function countsStep(model: LoopModel): void {
  const events: TraceEvent[] = [ev('IterationBegin', { id: 2, a: 3 })];
  let timer = 10;
  for (const [task, handle] of [[3, 4], [5, 6], [7, 8]]) {
    events.push(
      ev('HandleRun', { id: handle, a: task }),
      ev('TaskStepBegin', { id: task }),
      ev('LineReached', { id: task, a: 8 }),
      ev('Output', { id: task, a: 1, text: 'One\n' }),
      ev('LineReached', { id: task, a: 9 }),
      ev('TimerArmed', { id: timer, a: S, b: task }),
      ev('TaskStepEnd', { id: task, wait: 'Timer', a: timer }),
    );
    timer++;
  }
  events.push(ev('IterationEnd', { id: 2, a: 3 }));
  model.apply(batch(events));
}

test('the name tables come from event.hpp', () => {
  assert.ok(KIND_NAMES.includes('TaskStepEnd'));
  assert.equal(WAIT_NAMES[0], 'Nothing');
  assert.ok(WAIT_NAMES.includes('Timer'));
});

test('tasks appear in creation order, ready, with name and coroutine', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([ev('TaskCreated', { id: 1, text: 'Task-1\tmain' }), ev('HandleScheduled', { id: 2, a: 1 })]));
  assert.equal(model.tasks.length, 1);
  const [t] = model.tasks;
  assert.deepEqual([t.id, t.name, t.coro, t.status], [1, 'Task-1', 'main', 'ready']);
  assert.deepEqual(model.ready.map((r) => r.handle), [2]);
});

test('countasync: main waits on a gather of three counts that wait on timers', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  countasyncUntilSleeping(model);
  assert.equal(model.iteration, 1);
  const main = model.task(1)!;
  assert.equal(main.status, 'waiting');
  assert.equal(main.wait?.kind, 'Gather');
  assert.deepEqual(main.wait?.children, [3, 5, 7]);
  assert.deepEqual(model.awaitedTasks(main), [3, 5, 7]);
  assert.equal(model.describeWait(main), 'gather of 3');
  assert.deepEqual(model.ready.map((r) => r.task), [3, 5, 7]);

  countsStep(model);
  assert.equal(model.iteration, 2);
  assert.equal(model.readyCount, 0);
  const waiting = model.tasks.filter((t) => t.status === 'waiting' && t.wait?.kind === 'Timer');
  assert.deepEqual(waiting.map((t) => t.name), ['Task-2', 'Task-3', 'Task-4']);
  for (const t of waiting) {
    assert.equal(t.wait?.deadlineNs, S);
    assert.equal(t.line, 9);
    assert.equal(t.lastOutput, 'One');
    assert.equal(model.describeWait(t), 'sleep until 1.000 s');
  }
  assert.deepEqual(model.timers.map((t) => [t.id, t.task]), [[10, 3], [11, 5], [12, 7]]);
  assert.equal(model.running, 0);
});

test('timers fire into the ready queue in heap order and wake their tasks', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  countasyncUntilSleeping(model);
  countsStep(model);
  model.apply(batch([
    ev('IterationBegin', { id: 3, a: 0, t: S }),
    ev('TimerFired', { id: 10, t: S }),
    ev('TimerFired', { id: 11, t: S }),
    ev('TimerFired', { id: 12, t: S }),
  ]));
  assert.equal(model.timeNs, S);
  assert.equal(model.timers.length, 0);
  assert.deepEqual(model.ready.map((r) => [r.handle, r.timer]), [[10, true], [11, true], [12, true]]);
  // The first timer's callback completes the sleep: the task's step is
  // scheduled and it becomes ready.
  model.apply(batch([ev('HandleRun', { id: 10, a: 3, t: S }), ev('HandleScheduled', { id: 13, a: 3, t: S })]));
  assert.equal(model.task(3)!.status, 'ready');
  assert.equal(model.task(5)!.status, 'waiting');
  assert.deepEqual(model.ready.map((r) => r.handle), [11, 12, 13]);
});

test('the interpreter\'s sleep (a future its timer completes) is a timer wait', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    ev('TaskCreated', { id: 1, text: 'Task-1\tmain' }),
    ev('TaskCreated', { id: 2, text: 'other\tjob' }),
    ev('TaskStepBegin', { id: 1 }),
    ev('TimerArmed', { id: 11, a: 2 * S, b: 0 }),
    ev('TaskStepEnd', { id: 1, wait: 'Future', a: 10 }),
    ev('TaskStepBegin', { id: 2 }),
    ev('TaskStepEnd', { id: 2, wait: 'Future', a: 12 }),
  ]));
  const main = model.task(1)!;
  assert.equal(main.wait?.kind, 'Timer');
  assert.equal(main.wait?.deadlineNs, 2 * S);
  assert.equal(model.describeWait(main), 'sleep until 2.000 s');
  assert.equal(model.timers[0].task, 1, 'the timer belongs to the task that armed it');
  assert.equal(model.task(2)!.wait?.kind, 'Future', 'a future without its timer stays a future');
});

test('the running task is highlighted and its line is the running line', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    ev('TaskCreated', { id: 1, text: 'Task-1\tmain' }),
    ev('TaskStepBegin', { id: 1 }),
    ev('LineReached', { id: 1, a: 5 }),
  ]));
  assert.equal(model.running, 1);
  assert.equal(model.task(1)!.status, 'running');
  assert.equal(model.runningLine, 5);
  model.apply(batch([ev('TaskStepEnd', { id: 1, wait: 'Yield' })]));
  assert.equal(model.running, 0);
  assert.equal(model.runningLine, 5, 'between steps: the line of the task that ran last');
  assert.equal(model.task(1)!.status, 'ready');
  model.apply(batch([ev('TaskStepBegin', { id: 1 }), ev('TaskStepEnd', { id: 1 }), ev('TaskDone', { id: 1 })]));
  assert.equal(model.runningLine, 0, 'a finished task has no line');
});

test('a task awaiting another task points at it', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    ev('TaskCreated', { id: 1, text: 'Task-1\tmain' }),
    ev('TaskCreated', { id: 2, text: 'worker\tjob' }),
    ev('TaskStepBegin', { id: 1 }),
    ev('TaskStepEnd', { id: 1, wait: 'Task', a: 2 }),
  ]));
  const main = model.task(1)!;
  assert.equal(model.describeWait(main), 'task worker');
  assert.deepEqual(model.awaitedTasks(main), [2]);
});

test('handles skipped as cancelled leave the ready queue with the next run', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    ev('HandleScheduled', { id: 1 }),
    ev('HandleScheduled', { id: 2 }),
    ev('HandleScheduled', { id: 3 }),
    ev('HandleRun', { id: 2 }),
  ]));
  assert.deepEqual(model.ready.map((r) => r.handle), [3]);
});

test('cancelled timers leave the heap; equal deadlines keep arming order', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    ev('TimerArmed', { id: 1, a: 2 * S }),
    ev('TimerArmed', { id: 2, a: S }),
    ev('TimerArmed', { id: 3, a: 2 * S }),
    ev('TimerArmed', { id: 4, a: S }),
    ev('TimerCancelled', { id: 2 }),
  ]));
  assert.deepEqual(model.timers.map((t) => t.id), [4, 1, 3]);
});

test('finished tasks: done, cancelled, failed with its exception', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    ev('TaskCreated', { id: 1, text: 'a' }),
    ev('TaskCreated', { id: 2, text: 'b' }),
    ev('TaskCreated', { id: 3, text: 'c' }),
    ev('TaskDone', { id: 1 }),
    ev('TaskCancelled', { id: 2 }),
    ev('TaskFailed', { id: 3, text: 'ValueError: bad' }),
  ]));
  assert.deepEqual(model.tasks.map((t) => t.status), ['done', 'cancelled', 'failed']);
  assert.equal(model.task(3)!.detail, 'ValueError: bad');
  assert.equal(model.task(1)!.coro, '');
});

test('memory stays bounded: the oldest finished tasks are dropped', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  const live = ev('TaskCreated', { id: 1, text: 'main' });
  const events = [live];
  for (let i = 0; i < 3 * MAX_FINISHED_TASKS; i++) {
    events.push(ev('TaskCreated', { id: 100 + i, text: `t${i}` }), ev('TaskDone', { id: 100 + i }));
  }
  model.apply(batch(events));
  assert.ok(model.tasks.length <= MAX_FINISHED_TASKS + 1);
  assert.equal(model.tasks[0].id, 1, 'live tasks are kept');
  assert.equal(model.tasks.at(-1)!.id, 100 + 3 * MAX_FINISHED_TASKS - 1, 'the newest are kept');
  assert.equal(model.droppedTasks + model.tasks.length - 1, 3 * MAX_FINISHED_TASKS);
});

test('print(end="") output grows the task\'s last line', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([ev('TaskCreated', { id: 1, text: 'typist' })]));
  for (const ch of 'Hello') model.apply(batch([ev('Output', { id: 1, a: 1, text: ch })]));
  assert.equal(model.task(1)!.lastOutput, 'Hello');
  model.apply(batch([ev('Output', { id: 1, a: 1, text: '\n' }), ev('Output', { id: 1, a: 1, text: 'X' })]));
  assert.equal(model.task(1)!.lastOutput, 'X');
});

test('unknown event kinds and tasks are ignored', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  model.apply(batch([
    [KIND_NAMES.length + 5, 0, 1, 0, 1, 0, 0, ''],
    ev('TaskStepEnd', { id: 42, wait: 'Timer', a: 3 }),
    ev('TaskDone', { id: 43 }),
  ]));
  assert.equal(model.tasks.length, 0);
  assert.equal(model.eventCount, 3);
});

test('among many live tasks, the tasks that finished first are dropped, and the counts stay exact', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  const LIVE = 5000;
  const events: TraceEvent[] = [];
  for (let id = 1; id <= LIVE; id++) events.push(ev('TaskCreated', { id, text: `t${id}` }));
  // The newest finish first (a finish order unlike the creation order).
  for (let id = LIVE; id > 2000; id--) events.push(ev('TaskStepBegin', { id }), ev('TaskDone', { id }));
  const packed = batch(events);
  // Applied in two parts, as the pump does.
  model.apply(packed, 0, 1234);
  model.apply(packed, 1234);
  assert.equal(model.eventCount, events.length);
  const finished = model.tasks.filter((t) => t.status === 'done');
  assert.ok(finished.length <= MAX_FINISHED_TASKS && finished.length >= (MAX_FINISHED_TASKS * 3) / 4);
  assert.equal(Math.min(...finished.map((t) => t.id)), 2001, 'the last to finish are kept');
  assert.equal(model.droppedTasks + model.taskCount, LIVE);
  assert.equal(model.taskCount, model.tasks.length);
  for (const status of ['ready', 'running', 'waiting', 'done'] as const) {
    assert.equal(model.countByStatus(status), model.tasks.filter((t) => t.status === status).length, status);
  }
  assert.equal(model.countByStatus('ready'), 2000);
  assert.deepEqual(model.recentTasks(7), model.tasks.slice(-7));
  assert.deepEqual(model.recentTasks(LIVE * 2), model.tasks);
});

test('the first entries of the ready queue and the earliest timers, without the whole lists', () => {
  const model = new LoopModel(KIND_NAMES, WAIT_NAMES);
  const events: TraceEvent[] = [];
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let id = 1; id <= 3000; id++) events.push(ev('TimerArmed', { id, a: Math.floor(random() * 50) * S }));
  for (let id = 1; id <= 3000; id += 3) events.push(ev('TimerCancelled', { id }));
  for (let handle = 5000; handle < 5100; handle++) events.push(ev('HandleScheduled', { id: handle }));
  events.push(ev('HandleRun', { id: 5029 }));
  model.apply(batch(events));
  const earliest = model.earliestTimers(40); // before .timers sorts them all
  assert.equal(model.timerCount, 2000);
  assert.deepEqual(earliest, model.timers.slice(0, 40));
  assert.deepEqual(model.firstReady(5), model.ready.slice(0, 5));
  assert.equal(model.firstReady(5)[0].handle, 5030);
  assert.equal(model.readyCount, 70);
});
