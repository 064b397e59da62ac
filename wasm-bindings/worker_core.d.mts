// worker_core.d.mts — types of worker_core.mjs for TypeScript importers.
import type { Request, WorkerMessage } from './protocol';

export declare class WorkerCore {
  constructor(post: (message: WorkerMessage) => void, loadModule: () => Promise<unknown>);
  handle(request: Request): Promise<void>;
}
