// worker.ts — the module Web Worker the page starts: the corio module and
// the protocol (worker_core.mjs) behind postMessage. Nothing else.
import createCorio from 'corio-wasm';
import { WorkerCore } from './worker_core.mjs';
import type { Request, WorkerMessage } from './protocol';

const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
};
const core = new WorkerCore((message) => scope.postMessage(message), () => createCorio());
scope.onmessage = (event) => {
  void core.handle(event.data);
};
