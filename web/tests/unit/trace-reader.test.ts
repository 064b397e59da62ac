// trace-reader.test.ts — the packed trace on both sides of the protocol:
// the worker's TraceBuffer (wasm-bindings/trace_buffer.mjs) writes the
// layout protocol.ts defines, the page's TraceCursor reads it back, and
// the buffer counts what the page has not acknowledged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { MAX_TRACE_BACKLOG, TRACE_FIELDS, TraceField, type TraceBatch } from '../../../wasm-bindings/protocol.ts';
import { eventCount, TraceCursor } from '../../src/trace-reader.ts';
import { repoPath } from './trace-names.ts';

// The worker's module, loaded from the repository (node runs it as the
// worker does; it is not compiled with the page).
type BufferModule = typeof import('../../../wasm-bindings/trace_buffer.mjs');
const worker = (await import(pathToFileURL(repoPath('wasm-bindings/trace_buffer.mjs')).href)) as BufferModule;

function collect(): { batches: TraceBatch[]; backlogs: number[]; buffer: InstanceType<BufferModule['TraceBuffer']> } {
  const batches: TraceBatch[] = [];
  const backlogs: number[] = [];
  const buffer = new worker.TraceBuffer((b, backlog) => {
    batches.push(b);
    backlogs.push(backlog);
  });
  return { batches, backlogs, buffer };
}

test('the worker writes the layout protocol.ts defines', () => {
  assert.equal(worker.TRACE_FIELDS, TRACE_FIELDS);
  assert.deepEqual({ ...worker.TRACE_FIELD }, { ...TraceField });
  assert.equal(worker.MAX_TRACE_BACKLOG, MAX_TRACE_BACKLOG);
});

test('events written by the worker read back the same, texts included', () => {
  const { batches, buffer } = collect();
  buffer.add(3, 0, 1, 2e9, 17, 0, 0, 'Task-1\tmain');
  buffer.add(5, 4, 2, 2.5e9, 17, 2 ** 40, -1, '');
  buffer.add(9, 0, 3, 3e9, 0, 1, 0, 'héllo\n');
  buffer.flush();
  assert.equal(batches.length, 1);
  const [b] = batches;
  assert.equal(eventCount(b), 3);
  assert.equal(b.fields.buffer.byteLength, 3 * TRACE_FIELDS * 8, 'exactly the events: nothing more is transferred');
  const ev = new TraceCursor(b);
  const read = [0, 1, 2].map((i) => {
    ev.moveTo(i);
    return [ev.kind, ev.wait, ev.timeNs, ev.id, ev.a, ev.b, ev.text];
  });
  assert.deepEqual(read, [
    [3, 0, 2e9, 17, 0, 0, 'Task-1\tmain'],
    [5, 4, 2.5e9, 17, 2 ** 40, -1, ''],
    [9, 0, 3e9, 0, 1, 0, 'héllo\n'],
  ]);
});

test('a slice that traces a lot posts batches of BATCH_EVENTS as it goes', () => {
  const { batches, buffer } = collect();
  const n = worker.BATCH_EVENTS * 2 + 10;
  for (let i = 0; i < n; i++) buffer.add(1, 0, i, 0, i, 0, 0, '');
  assert.equal(batches.length, 2, 'two full batches before the slice ends');
  buffer.flush();
  assert.deepEqual(batches.map(eventCount), [worker.BATCH_EVENTS, worker.BATCH_EVENTS, 10]);
  const last = new TraceCursor(batches[2]);
  last.moveTo(9);
  assert.equal(last.id, n - 1);
});

test('the backlog is what was posted and not acknowledged', () => {
  const { backlogs, buffer } = collect();
  for (let i = 0; i < 5; i++) buffer.add(1, 0, i, 0, i, 0, 0, '');
  buffer.flush();
  buffer.add(1, 0, 5, 0, 5, 0, 0, '');
  buffer.flush();
  assert.deepEqual(backlogs, [5, 6], 'each batch says the backlog it makes');
  buffer.acknowledge(4);
  assert.equal(buffer.backlog, 2);
  buffer.acknowledge(3); // late, out of order: ignored
  assert.equal(buffer.backlog, 2);
  buffer.acknowledge(99); // never more than was sent
  assert.equal(buffer.backlog, 0);
});
