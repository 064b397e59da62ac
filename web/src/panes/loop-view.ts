// loop-view.ts — the loop view pane: renders the LoopModel (loop-model.ts).
// Every task is a card (name, coroutine and line, state, what it waits on,
// its last output) with an arrow to the tasks it awaits; beside them the
// ready queue in order, the timer heap by deadline, the virtual time and the
// iteration counter. The running task's card is highlighted and its line is
// sent to the editor ('running-line').
//
// Rendering is once per animation frame at most, and only of what changed
// (the model versions every task and list). Cards have a fixed size and are
// placed by arithmetic, so a frame never reads layout: 200 tasks changing
// every frame still render at 60 fps.
import type { Bus } from '../events.ts';
import { formatSeconds, type LoopModel, type TaskView } from '../loop-model.ts';
import { Disposables, el, type Pane } from '../pane.ts';
import { registerProbe } from '../probe.ts';

const CARD_W = 196;
const CARD_H = 82;
const GAP_X = 28; // room for an arrow between neighbours
const GAP_Y = 24;
const PAD = 10;
const MAX_LIST = 40; // rows shown in the ready queue and the timer heap
const MAX_CARDS = 600; // cards drawn (the model keeps the rest counted)
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Card {
  root: HTMLDivElement;
  name: HTMLSpanElement;
  badge: HTMLSpanElement;
  where: HTMLDivElement;
  wait: HTMLDivElement;
  out: HTMLDivElement;
  version: number;
  index: number;
}

const STATUS_LABEL: Record<TaskView['status'], string> = {
  ready: 'ready',
  running: 'running',
  waiting: 'waiting',
  done: 'done',
  cancelled: 'cancelled',
  failed: 'failed',
};

export class LoopViewPane implements Pane {
  readonly name = 'loop-view';
  private readonly bus: Bus;
  private readonly d = new Disposables();
  private model: LoopModel | null = null;
  private frame = 0;
  private cards = new Map<number, Card>();
  private cols = 1;
  private width = 0;
  private last = { version: -1, tasks: -1, ready: -1, timers: -1, cols: -1, model: null as LoopModel | null };
  private lastLine = -1;
  private current = 0; // the card marked as the task that runs (or ran last)
  private arrowsKey = '';

  private time = el('span', { class: 'stat', 'data-testid': 'loop-time' }, 't = 0.000 s');
  private iteration = el('span', { class: 'stat', 'data-testid': 'loop-iteration', 'data-iteration': '0' }, 'iteration 0');
  private counts = el('span', { class: 'stat counts', 'data-testid': 'loop-counts' });
  private readyList = el('ol', { class: 'chips', 'data-testid': 'ready-queue' });
  private readyCount = el('span', { class: 'count' }, '0');
  private timerList = el('ol', { class: 'timers', 'data-testid': 'timer-heap' });
  private timerCount = el('span', { class: 'count' }, '0');
  private tasksBox = el('div', { class: 'tasks', 'data-testid': 'tasks' });
  private scroller = el('div', { class: 'tasks-scroll' });
  private arrows = document.createElementNS(SVG_NS, 'svg');
  private placeholder = el('div', { class: 'placeholder' }, 'Run a program to watch its event loop: tasks, the ready queue and the timers.');
  private more = el('div', { class: 'more' });

  constructor(bus: Bus) {
    this.bus = bus;
  }

  mount(host: HTMLElement): void {
    host.classList.add('loop-pane');
    this.arrows.classList.add('arrows');
    this.arrows.innerHTML =
      '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs><g></g>';
    this.tasksBox.append(this.arrows, this.placeholder);
    this.scroller.append(this.tasksBox, this.more);
    host.append(
      el('div', { class: 'pane-header' }, el('span', { class: 'pane-title' }, 'Event loop'), this.time, this.iteration, this.counts),
      el(
        'div',
        { class: 'loop-lists' },
        el('div', { class: 'list' }, el('h3', {}, 'Ready queue ', this.readyCount), this.readyList),
        el('div', { class: 'list' }, el('h3', {}, 'Timer heap ', this.timerCount), this.timerList),
      ),
      this.scroller,
    );
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) this.width = entry.contentRect.width;
      this.schedule();
    });
    observer.observe(this.scroller);
    this.d.add(() => observer.disconnect());

    this.d.add(
      this.bus.on('loop-changed', (model) => {
        this.model = model;
        this.schedule();
      }),
    );
    this.d.add(
      registerProbe('loop', () => {
        const m = this.model;
        if (!m) return null;
        return {
          iteration: m.iteration,
          timeNs: m.timeNs,
          running: m.running,
          tasks: m.tasks.map((t) => ({ name: t.name, status: t.status, wait: t.wait?.kind ?? '', line: t.line })),
          ready: m.readyCount,
          timers: m.timers.length,
          events: m.eventCount,
        };
      }),
    );
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.d.dispose();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const m = this.model;
    if (!m) return;
    const fresh = this.last.model !== m;
    if (fresh) this.reset(m);
    this.cols = Math.max(1, Math.floor((this.width - PAD * 2 + GAP_X) / (CARD_W + GAP_X)));
    if (!fresh && m.version === this.last.version && this.cols === this.last.cols) return;

    this.time.textContent = `t = ${formatSeconds(m.timeNs)}`;
    this.iteration.textContent = `iteration ${m.iteration}`;
    this.iteration.dataset.iteration = String(m.iteration);
    if (m.tasksVersion !== this.last.tasks || this.cols !== this.last.cols) this.layoutCards(m);
    this.updateCards(m);
    this.markCurrent(m.running || m.lastStepped);
    if (m.readyVersion !== this.last.ready) this.renderReady(m);
    if (m.timersVersion !== this.last.timers) this.renderTimers(m);
    this.renderArrows(m);
    this.counts.textContent = this.countsText(m);

    this.last = { version: m.version, tasks: m.tasksVersion, ready: m.readyVersion, timers: m.timersVersion, cols: this.cols, model: m };
    const line = m.runningLine;
    if (line !== this.lastLine) {
      this.lastLine = line;
      this.bus.emit('running-line', line);
    }
  }

  private reset(m: LoopModel): void {
    for (const card of this.cards.values()) card.root.remove();
    this.cards.clear();
    this.placeholder.hidden = true;
    this.arrowsKey = '';
    this.current = 0;
    this.lastLine = -1;
    this.last = { version: -1, tasks: -1, ready: -1, timers: -1, cols: -1, model: m };
  }

  private countsText(m: LoopModel): string {
    const parts = [`${m.tasks.length} tasks`];
    for (const status of ['running', 'ready', 'waiting', 'done'] as const) {
      const n = m.countByStatus(status);
      if (n > 0 && status !== 'running') parts.push(`${n} ${status}`);
    }
    if (m.droppedTasks > 0) parts.push(`${m.droppedTasks} older finished not shown`);
    return parts.join(' · ');
  }

  // Adds and removes cards to match the model's tasks, and places them.
  private layoutCards(m: LoopModel): void {
    const shown = m.tasks.length > MAX_CARDS ? m.tasks.slice(m.tasks.length - MAX_CARDS) : m.tasks;
    const keep = new Set<number>();
    shown.forEach((task, index) => {
      keep.add(task.id);
      let card = this.cards.get(task.id);
      if (!card) {
        card = this.makeCard(task);
        this.cards.set(task.id, card);
        this.tasksBox.append(card.root);
      }
      if (card.index !== index || this.cols !== this.last.cols) {
        card.index = index;
        const [x, y] = this.position(index);
        card.root.style.transform = `translate(${x}px, ${y}px)`;
      }
    });
    for (const [id, card] of this.cards) {
      if (!keep.has(id)) {
        card.root.remove();
        this.cards.delete(id);
      }
    }
    const rows = Math.ceil(shown.length / this.cols);
    const height = PAD * 2 + rows * CARD_H + Math.max(0, rows - 1) * GAP_Y;
    this.tasksBox.style.height = `${height}px`;
    this.arrows.setAttribute('height', String(height));
    this.arrows.setAttribute('width', String(PAD * 2 + this.cols * (CARD_W + GAP_X)));
    this.more.textContent = m.tasks.length > MAX_CARDS ? `${m.tasks.length - MAX_CARDS} older tasks not drawn` : '';
    this.arrowsKey = '';
  }

  private position(index: number): [number, number] {
    return [PAD + (index % this.cols) * (CARD_W + GAP_X), PAD + Math.floor(index / this.cols) * (CARD_H + GAP_Y)];
  }

  private makeCard(task: TaskView): Card {
    const name = el('span', { class: 'name' });
    const badge = el('span', { class: 'badge' });
    const where = el('div', { class: 'where' });
    const wait = el('div', { class: 'wait' });
    const out = el('div', { class: 'out' });
    const root = el('div', { class: 'card', 'data-task': String(task.id) }, el('div', { class: 'head' }, name, badge), where, wait, out);
    root.style.width = `${CARD_W}px`;
    root.style.height = `${CARD_H}px`;
    return { root, name, badge, where, wait, out, version: -1, index: -1 };
  }

  private updateCards(m: LoopModel): void {
    for (const task of m.tasks) {
      const card = this.cards.get(task.id);
      if (!card || card.version === task.version) continue;
      card.version = task.version;
      const root = card.root;
      if (root.dataset.status !== task.status) {
        root.dataset.status = task.status;
        card.badge.textContent = STATUS_LABEL[task.status];
      }
      root.dataset.wait = task.wait?.kind ?? '';
      setText(card.name, task.name);
      setText(card.where, task.coro ? `${task.coro}()${task.line ? ` · line ${task.line}` : ''}` : task.line ? `line ${task.line}` : '');
      setText(card.wait, this.stateText(m, task));
      setText(card.out, task.lastOutput ? `› ${task.lastOutput}` : '');
      root.title = `${task.name}: ${task.status}${task.wait ? ' on ' + m.describeWait(task) : ''}`;
    }
  }

  private markCurrent(id: number): void {
    if (id === this.current && this.cards.get(id)?.root.classList.contains('current')) return;
    this.cards.get(this.current)?.root.classList.remove('current');
    this.cards.get(id)?.root.classList.add('current');
    this.current = id;
  }

  private stateText(m: LoopModel, task: TaskView): string {
    switch (task.status) {
      case 'waiting':
        return `→ ${m.describeWait(task)}`;
      case 'failed':
        return `✗ ${task.detail}`;
      case 'done':
        return '✓ done';
      case 'cancelled':
        return '⊘ cancelled';
      case 'running':
        return '▶ running';
      case 'ready':
        return '… in the ready queue';
    }
  }

  private renderReady(m: LoopModel): void {
    const ready = m.ready;
    this.readyCount.textContent = String(ready.length);
    const items = ready.slice(0, MAX_LIST).map((entry) => {
      const task = entry.task ? m.task(entry.task) : undefined;
      const label = task ? task.name : entry.timer ? `timer #${entry.handle}` : `callback #${entry.handle}`;
      return el('li', { class: entry.timer ? 'chip timer' : 'chip', title: entry.timer ? 'a timer that fired' : 'a handle' }, entry.timer ? `timer: ${label}` : label);
    });
    if (ready.length > MAX_LIST) items.push(el('li', { class: 'chip more' }, `+${ready.length - MAX_LIST}`));
    if (ready.length === 0) items.push(el('li', { class: 'empty' }, 'empty'));
    this.readyList.replaceChildren(...items);
  }

  private renderTimers(m: LoopModel): void {
    const timers = m.timers;
    this.timerCount.textContent = String(timers.length);
    const items = timers.slice(0, MAX_LIST).map((timer) => {
      const task = timer.task ? m.task(timer.task) : undefined;
      return el('li', {}, el('span', { class: 'deadline' }, formatSeconds(timer.deadlineNs)), ` ${task ? task.name : `timer #${timer.id}`}`);
    });
    if (timers.length > MAX_LIST) items.push(el('li', { class: 'more' }, `+${timers.length - MAX_LIST} more`));
    if (timers.length === 0) items.push(el('li', { class: 'empty' }, 'empty'));
    this.timerList.replaceChildren(...items);
  }

  // Arrows from each waiting task to the tasks it awaits.
  private renderArrows(m: LoopModel): void {
    const paths: string[] = [];
    for (const task of m.tasks) {
      const from = this.cards.get(task.id);
      if (!from) continue;
      for (const target of m.awaitedTasks(task)) {
        const to = this.cards.get(target);
        if (to) paths.push(this.arrowPath(from.index, to.index));
      }
    }
    const key = paths.join('|');
    if (key === this.arrowsKey) return;
    this.arrowsKey = key;
    const group = this.arrows.querySelector('g');
    if (!group) return;
    group.replaceChildren(
      ...paths.map((d) => {
        const path = document.createElementNS(SVG_NS, 'path');
        path.setAttribute('d', d);
        path.setAttribute('marker-end', 'url(#arrowhead)');
        return path;
      }),
    );
  }

  private arrowPath(fromIndex: number, toIndex: number): string {
    const [fx, fy] = this.position(fromIndex);
    const [tx, ty] = this.position(toIndex);
    if (fy === ty) {
      const right = tx > fx;
      if (Math.abs(tx - fx) === CARD_W + GAP_X) {
        // Neighbours: straight across the gap.
        const y = fy + CARD_H / 2;
        return right ? `M${fx + CARD_W},${y} L${tx},${y}` : `M${fx},${y} L${tx + CARD_W},${y}`;
      }
      // Farther along the row: a U through the gap below the cards.
      const x1 = fx + CARD_W / 2;
      const x2 = tx + CARD_W / 2;
      const y = fy + CARD_H;
      const bow = GAP_Y - 4;
      return `M${x1},${y} C${x1},${y + bow} ${x2},${y + bow} ${x2},${y}`;
    }
    const down = ty > fy;
    const x1 = fx + CARD_W / 2;
    const y1 = down ? fy + CARD_H : fy;
    const x2 = tx + CARD_W / 2;
    const y2 = down ? ty : ty + CARD_H;
    const dy = (y2 - y1) / 2;
    return `M${x1},${y1} C${x1},${y1 + dy} ${x2},${y2 - dy} ${x2},${y2}`;
  }
}

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
