// worker.ts — the module Web Worker the page starts: the corio module and
// the protocol (worker_core.mjs) behind postMessage. Nothing else.
import createCorio from 'corio-wasm';
import { WorkerCore } from './worker_core.mjs';
import type { PageMessage, WorkerMessage } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
};
const core = new WorkerCore((message, transfer = []) => scope.postMessage(message, transfer), () => createCorio());
scope.onmessage = (event) => {
  void core.handle(event.data);
};
