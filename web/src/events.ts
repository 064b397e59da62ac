// events.ts — the typed events the panes talk through. Every event the page
// uses is declared once, in AppEvents, with its payload; a pane subscribes to
// what it shows and emits what the user asked for. The session (session.ts)
// is the only one that talks to the worker.
import type { Clock, Speed, StepUnit } from '../../wasm-bindings/protocol.ts';
import type { LoopModel } from './loop-model.ts';

// What the session is doing (one at a time).
// 'stepping': paused, with steps asked and not all done yet.
export type SessionState = 'loading' | 'idle' | 'running' | 'paused' | 'stepping' | 'stopping' | 'failed';

export interface ProgramError {
  kind: 'syntax' | 'runtime' | 'internal';
  message: string;
  line: number; // 1-based; 0 when unknown
  col: number; // 1-based; 0 when unknown
}

export interface RunEnd {
  code: number; // exit status as `corio run` gives it (130: stopped)
  virtualTime: number; // seconds on the loop's clock
  wallMs: number;
  killed: boolean; // the worker was terminated because it did not stop
}

export interface AppEvents {
  // user intents (toolbar, keyboard, menus)
  'run-requested': void;
  'stop-requested': void;
  'pause-requested': void;
  'resume-requested': void;
  'step-requested': StepUnit;
  'speed-changed': Speed;
  'clock-changed': Clock;
  'example-chosen': string; // example name
  'share-requested': void;
  'reveal-line': number; // move the editor to this line (1-based)

  // session facts
  'session-state': SessionState;
  'load-progress': { elapsedMs: number; done: boolean; message: string };
  'run-started': { source: string };
  'stdout': string;
  'stderr': string;
  'program-error': ProgramError;
  'run-ended': RunEnd;
  'loop-changed': LoopModel; // the model after a batch of trace events
  'trace-behind': boolean; // trace events wait to be applied (a flood): views may show less detail
  'running-line': number; // line of the task that runs now (0: none)

  // page
  'notice': Notice;
}

export interface Notice {
  text: string;
  level: 'info' | 'error';
  link?: string; // shown selectable (the share link)
}

type Handler<T> = (payload: T) => void;

// A minimal typed emitter: on() returns its own unsubscribe function, so a
// pane's dispose() can drop every subscription it made.
export class EventBus<E> {
  private handlers = new Map<keyof E, Set<Handler<never>>>();

  on<K extends keyof E>(type: K, handler: Handler<E[K]>): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    set.add(handler as Handler<never>);
    return () => {
      set.delete(handler as Handler<never>);
    };
  }

  emit<K extends keyof E>(type: K, ...payload: E[K] extends void ? [] : [E[K]]): void {
    const set = this.handlers.get(type);
    if (!set) return;
    for (const handler of [...set]) (handler as Handler<E[K] | undefined>)(payload[0]);
  }
}

export type Bus = EventBus<AppEvents>;
