// toolbar.ts — the toolbar pane: Run (Ctrl/Cmd+Enter), Stop, Pause/Resume,
// Step with its unit, speed, clock, the examples menu, Share, the running
// indicator and the engine's load progress. It only emits intents and shows
// the session's state; it never calls the worker.
import type { Clock, Speed, StepUnit } from '../../../wasm-bindings/protocol.ts';
import type { Bus, SessionState } from '../events.ts';
import type { Example } from '../examples.ts';
import { Disposables, el, type Pane } from '../pane.ts';

const SPEEDS: Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 'instant'];

const STATE_LABEL: Record<SessionState, string> = {
  loading: 'loading',
  idle: 'idle',
  running: 'running',
  paused: 'paused',
  stepping: 'stepping…',
  stopping: 'stopping…',
  failed: 'engine failed',
};

export interface ToolbarOptions {
  examples: readonly Example[];
  speed: Speed;
  clock: Clock;
}

export function speedLabel(speed: Speed): string {
  return speed === 'instant' ? 'instant' : `${speed}×`;
}

export class Toolbar implements Pane {
  readonly name = 'toolbar';
  private readonly bus: Bus;
  private readonly options: ToolbarOptions;
  private readonly d = new Disposables();
  private state: SessionState = 'loading';

  private runButton = el('button', { class: 'primary', 'data-testid': 'run', title: 'Run (Ctrl+Enter / ⌘+Enter)' }, '▶ Run');
  private stopButton = el('button', { 'data-testid': 'stop', title: 'Stop the program' }, '■ Stop');
  private pauseButton = el('button', { 'data-testid': 'pause', title: 'Pause / resume the program and the view' }, '❚❚ Pause');
  private stepButton = el('button', { 'data-testid': 'step', title: 'Run one unit, then pause' }, '⇥ Step');
  private unitSelect = el('select', { 'data-testid': 'step-unit', 'aria-label': 'Step unit', title: 'What Step advances' });
  private speedSelect = el('select', { 'data-testid': 'speed', 'aria-label': 'Speed', title: 'Virtual seconds per wall second' });
  private clockSelect = el('select', { 'data-testid': 'clock', 'aria-label': 'Clock', title: 'Virtual clock (deterministic, scaled) or real clock' });
  private examplesButton = el('button', { 'data-testid': 'examples', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, 'Examples ▾');
  private examplesMenu = el('div', { class: 'menu', role: 'menu', 'data-testid': 'examples-menu', hidden: '' });
  private shareButton = el('button', { 'data-testid': 'share', title: 'Copy a link to this program and settings' }, 'Share');
  private indicator = el('span', { class: 'indicator', 'data-testid': 'state', 'data-state': 'loading', role: 'status' });
  private indicatorText = el('span', {}, 'loading');
  private progress = el('span', { class: 'progress', 'data-testid': 'load-progress' });
  private progressBar = el('span', { class: 'bar' });
  private progressText = el('span', { class: 'text' }, 'loading the engine…');

  constructor(bus: Bus, options: ToolbarOptions) {
    this.bus = bus;
    this.options = options;
  }

  mount(host: HTMLElement): void {
    host.classList.add('toolbar');
    host.setAttribute('role', 'toolbar');
    for (const [value, label] of [['iteration', 'iteration'], ['task-step', 'task step']] as const) {
      this.unitSelect.append(el('option', { value }, label));
    }
    this.fillSpeeds(this.options.speed);
    this.clockSelect.append(el('option', { value: 'virtual' }, 'virtual clock'), el('option', { value: 'real' }, 'real clock'));
    this.clockSelect.value = this.options.clock;
    this.speedSelect.disabled = this.options.clock === 'real';
    this.buildExamplesMenu();
    this.indicator.append(el('span', { class: 'dot' }), this.indicatorText);
    this.progress.append(this.progressBar, this.progressText);

    const brand = el('span', { class: 'brand' }, el('strong', {}, 'corio'), el('span', { class: 'tagline' }, ' asyncio playground'));
    const menuWrap = el('span', { class: 'menu-wrap' }, this.examplesButton, this.examplesMenu);
    host.append(
      brand,
      el('span', { class: 'group' }, this.runButton, this.stopButton, this.pauseButton),
      el('span', { class: 'group' }, this.stepButton, this.unitSelect),
      el('span', { class: 'group' }, this.speedSelect, this.clockSelect),
      el('span', { class: 'group' }, menuWrap, this.shareButton),
      el('span', { class: 'group status' }, this.indicator, this.progress),
    );

    const b = this.bus;
    const d = this.d;
    d.listen(this.runButton, 'click', () => b.emit('run-requested'));
    d.listen(this.stopButton, 'click', () => b.emit('stop-requested'));
    d.listen(this.pauseButton, 'click', () =>
      b.emit(this.state === 'paused' || this.state === 'stepping' ? 'resume-requested' : 'pause-requested'),
    );
    d.listen(this.stepButton, 'click', () => b.emit('step-requested', this.unitSelect.value as StepUnit));
    d.listen(this.speedSelect, 'change', () => b.emit('speed-changed', this.selectedSpeed()));
    d.listen(this.clockSelect, 'change', () => {
      const clock: Clock = this.clockSelect.value === 'real' ? 'real' : 'virtual';
      b.emit('clock-changed', clock);
    });
    d.listen(this.shareButton, 'click', () => b.emit('share-requested'));
    d.listen(this.examplesButton, 'click', () => this.toggleMenu());
    d.listen(document, 'keydown', (e) => {
      if (e.defaultPrevented) return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        b.emit('run-requested');
      } else if (e.key === 'Escape' && !this.examplesMenu.hidden) {
        this.toggleMenu(false);
      }
    });
    d.listen(document, 'pointerdown', (e) => {
      if (!this.examplesMenu.hidden && e.target instanceof Node && !menuWrap.contains(e.target)) this.toggleMenu(false);
    });

    d.add(b.on('session-state', (state) => this.showState(state)));
    d.add(b.on('speed-changed', (speed) => this.fillSpeeds(speed)));
    d.add(
      b.on('clock-changed', (clock) => {
        this.clockSelect.value = clock;
        this.speedSelect.disabled = clock === 'real';
      }),
    );
    d.add(
      b.on('load-progress', (p) => {
        this.progressText.textContent = p.done ? p.message : `${p.message} ${(p.elapsedMs / 1000).toFixed(1)} s`;
        this.progress.classList.toggle('done', p.done);
      }),
    );
    this.showState('loading');
  }

  dispose(): void {
    this.d.dispose();
  }

  private selectedSpeed(): Speed {
    const v = this.speedSelect.value;
    return v === 'instant' ? 'instant' : Number(v);
  }

  // The speed choices, with `speed` selected (added if a link asked for an
  // unlisted one).
  private fillSpeeds(speed: Speed): void {
    const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort(bySpeed);
    if (this.speedSelect.options.length !== speeds.length) {
      this.speedSelect.replaceChildren(...speeds.map((s) => el('option', { value: String(s) }, speedLabel(s))));
    }
    this.speedSelect.value = String(speed);
  }

  private buildExamplesMenu(): void {
    for (const example of this.options.examples) {
      const item = el(
        'button',
        { role: 'menuitem', class: 'menu-item', 'data-example': example.name },
        el('span', { class: 'title' }, example.title),
        el('span', { class: 'description' }, example.description),
      );
      this.d.listen(item, 'click', () => {
        this.toggleMenu(false);
        this.bus.emit('example-chosen', example.name);
      });
      this.examplesMenu.append(item);
    }
  }

  private toggleMenu(open = this.examplesMenu.hidden): void {
    this.examplesMenu.hidden = !open;
    this.examplesButton.setAttribute('aria-expanded', String(open));
    if (open) this.examplesMenu.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private showState(state: SessionState): void {
    this.state = state;
    this.indicator.dataset.state = state;
    this.indicatorText.textContent = STATE_LABEL[state];
    const ready = state !== 'loading'; // (after a failed load, Run retries)
    const paused = state === 'paused' || state === 'stepping';
    const active = state === 'running' || paused || state === 'stopping';
    this.runButton.disabled = !ready;
    this.stopButton.disabled = !active;
    this.pauseButton.disabled = !(state === 'running' || paused);
    this.pauseButton.textContent = paused ? '▶ Resume' : '❚❚ Pause';
    this.stepButton.disabled = !(state === 'idle' || state === 'running' || paused);
  }
}

function bySpeed(x: Speed, y: Speed): number {
  const vx = x === 'instant' ? Infinity : x;
  const vy = y === 'instant' ? Infinity : y;
  return vx - vy;
}
