// worker_core.d.mts — types of worker_core.mjs for TypeScript importers.
import type { PageMessage, WorkerMessage } from './protocol';

export declare class WorkerCore {
  constructor(post: (message: WorkerMessage, transfer?: Transferable[]) => void, loadModule: () => Promise<unknown>);
  handle(message: PageMessage): Promise<void>;
}
