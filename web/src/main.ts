// main.ts — puts the page together: the frame, the panes, the session behind
// the worker, and the URL state (share links). The panes never see each
// other; everything goes through the bus.
//
// Monaco is most of the page's weight, so it comes in its own chunk, loaded
// after the worker has been started: until it is there the program is shown
// as plain text and can already be run (first output does not wait for the
// editor).
import './style.css';
import type { Clock, Speed } from '../../wasm-bindings/protocol.ts';
import { EventBus, type AppEvents } from './events.ts';
import { DEFAULT_EXAMPLE, EXAMPLES, findExample, type Example } from './examples.ts';
import { buildFrame } from './layout.ts';
import type { Pane } from './pane.ts';
import { ConsolePane } from './panes/console.ts';
import type { EditorPane } from './panes/editor.ts';
import { LoopViewPane } from './panes/loop-view.ts';
import { NoticesPane } from './panes/notices.ts';
import { Toolbar } from './panes/toolbar.ts';
import { registerProbe } from './probe.ts';
import { Session } from './session.ts';
import { decodeState, encodeState } from './url-state.ts';

function createWorker(): Worker {
  return new Worker(new URL('../../wasm-bindings/worker.ts', import.meta.url), { type: 'module', name: 'corio' });
}

// What the page shows after reading a fragment.
interface Loaded {
  example: Example | null; // the example the source is (null: edited source)
  source: string;
  speed: Speed;
  clock: Clock;
  error: string | null;
}

function readFragment(fragment: string): Loaded {
  const { state, error } = decodeState(fragment);
  if (error) return { example: DEFAULT_EXAMPLE, source: DEFAULT_EXAMPLE.source, speed: state.speed, clock: state.clock, error };
  if (state.source !== null) return { example: null, source: state.source, speed: state.speed, clock: state.clock, error: null };
  if (state.example !== null) {
    const example = findExample(state.example);
    if (!example) {
      return {
        example: DEFAULT_EXAMPLE,
        source: DEFAULT_EXAMPLE.source,
        speed: state.speed,
        clock: state.clock,
        error: `This link names an example that does not exist ("${state.example}"); showing the default example.`,
      };
    }
    return { example, source: example.source, speed: state.speed, clock: state.clock, error: null };
  }
  return { example: DEFAULT_EXAMPLE, source: DEFAULT_EXAMPLE.source, speed: state.speed, clock: state.clock, error: null };
}

class App {
  private readonly bus = new EventBus<AppEvents>();
  private readonly panes: Pane[] = [];
  private example: Example | null;
  private speed: Speed;
  private clock: Clock;
  private editor: EditorPane | null = null;
  private editorLoading = false;
  private source: string; // the program until the editor is there
  private readonly editorHost: HTMLElement;
  private readonly plain: HTMLPreElement;
  private readonly session: Session;

  constructor(root: HTMLElement, loaded: Loaded) {
    this.example = loaded.example;
    this.speed = loaded.speed;
    this.clock = loaded.clock;
    this.source = loaded.source;
    const frame = buildFrame(root);
    const bus = this.bus;
    this.editorHost = frame.editor;
    this.plain = document.createElement('pre');
    this.plain.className = 'plain-source';
    this.plain.textContent = loaded.source;
    frame.editor.append(this.plain);
    const toolbar = new Toolbar(bus, { examples: EXAMPLES, speed: loaded.speed, clock: loaded.clock });
    const mounts: [Pane, HTMLElement][] = [
      [toolbar, frame.toolbar],
      [new NoticesPane(bus), frame.notices],
      [new ConsolePane(bus), frame.console],
      [new LoopViewPane(bus), frame.loop],
    ];
    for (const [pane, host] of mounts) {
      void pane.mount(host);
      this.panes.push(pane);
    }
    this.session = new Session({
      bus,
      createWorker,
      getSource: () => this.editor?.source ?? this.source,
      speed: loaded.speed,
      clock: loaded.clock,
    });

    bus.on('speed-changed', (speed) => {
      this.speed = speed;
    });
    bus.on('clock-changed', (clock) => {
      this.clock = clock;
    });
    bus.on('example-chosen', (name) => this.chooseExample(name));
    bus.on('share-requested', () => void this.share());
    window.addEventListener('hashchange', () => this.apply(readFragment(location.hash)));
    registerProbe('editor-source', () => this.editor?.source ?? this.source);
    if (loaded.error) bus.emit('notice', { text: loaded.error, level: 'error' });
  }

  // Starts the engine, then brings in the editor. Monaco's evaluation holds
  // the main thread for a while, so it waits for the engine to be ready and,
  // if a run started meanwhile, for that run's first output: the program is
  // shown (as text) and runs before the editor is there.
  start(): void {
    void this.session.load().then(() => {
      if (this.session.current !== 'running') return this.loadEditor();
      const offs: (() => void)[] = [];
      const go = (): void => {
        for (const off of offs.splice(0)) off();
        // After the output has been painted.
        requestAnimationFrame(() => window.setTimeout(() => void this.loadEditor(), 0));
      };
      offs.push(this.bus.on('stdout', go), this.bus.on('stderr', go), this.bus.on('run-ended', go));
      window.setTimeout(go, 2000);
    });
  }

  private async loadEditor(): Promise<void> {
    if (this.editorLoading) return;
    this.editorLoading = true;
    try {
      const { EditorPane } = await import('./panes/editor.ts');
      const touchOnly = window.matchMedia('(pointer: coarse) and (max-width: 700px)').matches;
      const editor = new EditorPane(this.bus, { source: this.source, readOnly: touchOnly });
      this.plain.remove();
      editor.mount(this.editorHost);
      this.editor = editor;
      this.panes.push(editor);
    } catch (error) {
      this.bus.emit('notice', {
        text: `The editor could not be loaded (${error instanceof Error ? error.message : String(error)}); the program is shown read-only.`,
        level: 'error',
      });
    }
  }

  private setSource(source: string): void {
    this.source = source;
    this.plain.textContent = source;
    this.editor?.setSource(source);
  }

  private chooseExample(name: string): void {
    const example = findExample(name);
    if (!example) return;
    const state = this.session.current;
    if (state === 'running' || state === 'paused' || state === 'stepping') this.bus.emit('stop-requested');
    this.example = example;
    this.setSource(example.source);
    history.replaceState(null, '', this.linkFor());
  }

  // A link opened in this tab (pasted into the address bar, or back/forward).
  private apply(loaded: Loaded): void {
    this.example = loaded.example;
    this.setSource(loaded.source);
    if (loaded.speed !== this.speed) this.bus.emit('speed-changed', loaded.speed);
    if (loaded.clock !== this.clock) this.bus.emit('clock-changed', loaded.clock);
    if (loaded.error) this.bus.emit('notice', { text: loaded.error, level: 'error' });
  }

  private linkFor(): string {
    const source = this.editor?.source ?? this.source;
    const edited = this.example === null || this.example.source !== source;
    const fragment = encodeState(
      { example: edited ? null : (this.example?.name ?? null), source: edited ? source : null, speed: this.speed, clock: this.clock },
      DEFAULT_EXAMPLE.name,
    );
    return `${location.origin}${location.pathname}${fragment ? '#' + fragment : ''}`;
  }

  private async share(): Promise<void> {
    const link = this.linkFor();
    history.replaceState(null, '', link);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      copied = false; // no clipboard permission: the link is shown to copy by hand
    }
    this.bus.emit('notice', {
      text: copied ? 'Link copied to the clipboard:' : 'Copy this link:',
      level: 'info',
      link,
    });
  }

  dispose(): void {
    this.session.dispose();
    for (const pane of this.panes.splice(0).reverse()) pane.dispose();
  }
}

const root = document.getElementById('app');
if (root) {
  try {
    const app = new App(root, readFragment(location.hash));
    app.start();
  } catch (error) {
    // Never a blank page: say what went wrong where the page would be.
    root.textContent = `corio could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.classList.add('fatal');
    throw error;
  }
}
