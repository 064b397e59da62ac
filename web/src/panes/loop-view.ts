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
// every frame still render at 60 fps. A frame reads only what it draws: the
// newest MAX_CARDS tasks are placed on the grid, but only the rows in view
// (and OVERSCAN_ROWS around them) have cards in the DOM; the lists show their
// first MAX_LIST entries. A card belongs to a place on the grid, not to a
// task: when the tasks shift along the grid, cards change their text rather
// than being replaced. So a program with 100,000 tasks that churn costs a
// frame no more than one with 30.
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
const MAX_CARDS = 600; // tasks placed on the grid (the model keeps the rest counted)
const OVERSCAN_ROWS = 2; // rows with cards above and below the visible ones
// While the trace floods in faster than it is applied ('trace-behind'), the
// cards, lists and arrows are redrawn this often (the header every frame):
// nobody reads cards that change 60 times a second, and each redraw costs
// layout, paint and raster.
const BEHIND_DETAIL_MS = 250;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Card {
  root: HTMLDivElement;
  name: HTMLSpanElement;
  badge: HTMLSpanElement;
  where: HTMLDivElement;
  wait: HTMLDivElement;
  out: HTMLDivElement;
  task: number; // the task it shows (0: none yet)
  version: number; // of that task, when last shown
  place: number;
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
  private cards = new Map<number, Card>(); // place on the grid → its card
  private shown: TaskView[] = []; // the tasks placed on the grid, in order
  private shownIndex = new Map<number, number>(); // task id → place in shown
  private inView = { from: 0, to: 0 }; // the places that have cards
  private viewTop = 0; // the grid's scroll position and visible height
  private viewHeight = 0;
  private cols = 1;
  private width = 0;
  private last = { version: -1, tasks: -1, ready: -1, timers: -1, cols: -1, from: -1, model: null as LoopModel | null };
  private lastLine = -1;
  private currentCard: Card | undefined; // marked: the task that runs (or ran last)
  private arrowsKey = '';
  private behind = false; // see BEHIND_DETAIL_MS
  private detailAt = 0; // when cards, lists and arrows were last drawn

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
      for (const entry of entries) {
        this.width = entry.contentRect.width;
        this.viewHeight = entry.contentRect.height;
      }
      this.schedule();
    });
    observer.observe(this.scroller);
    this.d.add(() => observer.disconnect());
    this.d.listen(
      this.scroller,
      'scroll',
      () => {
        this.viewTop = this.scroller.scrollTop;
        this.schedule();
      },
      { passive: true },
    );

    this.d.add(
      this.bus.on('loop-changed', (model) => {
        this.model = model;
        this.schedule();
      }),
    );
    this.d.add(
      this.bus.on('trace-behind', (behind) => {
        this.behind = behind;
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
          timers: m.timerCount,
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
    const from = this.firstPlaceInView();
    const moved = this.cols !== this.last.cols || from !== this.last.from;
    if (!fresh && m.version === this.last.version && !moved) return;

    this.renderHeader(m);
    const now = performance.now();
    if (!fresh && !moved && this.behind && now - this.detailAt < BEHIND_DETAIL_MS) return;
    this.detailAt = now;
    if (m.tasksVersion !== this.last.tasks || moved) this.layoutCards(m, from);
    this.updateCards(m);
    this.markCurrent(m.running || m.lastStepped);
    if (m.readyVersion !== this.last.ready) this.renderReady(m);
    if (m.timersVersion !== this.last.timers) this.renderTimers(m);
    this.renderArrows(m);

    this.last = { version: m.version, tasks: m.tasksVersion, ready: m.readyVersion, timers: m.timersVersion, cols: this.cols, from, model: m };
    const line = m.runningLine;
    if (line !== this.lastLine) {
      this.lastLine = line;
      this.bus.emit('running-line', line);
    }
  }

  private renderHeader(m: LoopModel): void {
    setText(this.time, `t = ${formatSeconds(m.timeNs)}`);
    setText(this.iteration, `iteration ${m.iteration}`);
    this.iteration.dataset.iteration = String(m.iteration);
    setText(this.counts, this.countsText(m));
  }

  private reset(m: LoopModel): void {
    for (const card of this.cards.values()) card.root.remove();
    this.cards.clear();
    this.shown = [];
    this.shownIndex.clear();
    this.inView = { from: 0, to: 0 };
    this.placeholder.hidden = true;
    this.arrowsKey = '';
    this.currentCard = undefined;
    this.lastLine = -1;
    this.last = { version: -1, tasks: -1, ready: -1, timers: -1, cols: -1, from: -1, model: m };
  }

  private countsText(m: LoopModel): string {
    const parts = [`${m.taskCount} tasks`];
    for (const status of ['running', 'ready', 'waiting', 'done'] as const) {
      const n = m.countByStatus(status);
      if (n > 0 && status !== 'running') parts.push(`${n} ${status}`);
    }
    if (m.droppedTasks > 0) parts.push(`${m.droppedTasks} older finished not shown`);
    return parts.join(' · ');
  }

  // The grid's height for `places` cards (set only when it changes: each
  // change lays out and repaints the whole grid).
  private sizeGrid(places: number): void {
    const rows = Math.ceil(places / this.cols);
    const height = `${PAD * 2 + rows * CARD_H + Math.max(0, rows - 1) * GAP_Y}px`;
    if (this.tasksBox.style.height !== height) this.tasksBox.style.height = height;
  }

  // The arrows' canvas covers the rows in view only (an SVG as tall as a
  // grid of 600 cards costs seconds of raster in a flood); its group is
  // shifted so that paths keep grid coordinates.
  private placeArrows(from: number, to: number): void {
    const rowH = CARD_H + GAP_Y;
    const top = Math.floor(from / this.cols) * rowH;
    const height = String(PAD * 2 + Math.ceil((to - from) / this.cols) * rowH);
    const width = String(PAD * 2 + this.cols * (CARD_W + GAP_X));
    const transform = `translateY(${top}px)`;
    if (this.arrows.style.transform !== transform) this.arrows.style.transform = transform;
    if (this.arrows.getAttribute('height') !== height) this.arrows.setAttribute('height', height);
    if (this.arrows.getAttribute('width') !== width) this.arrows.setAttribute('width', width);
    const shift = `translate(0 ${-top})`;
    const group = this.arrows.querySelector('g');
    if (group && group.getAttribute('transform') !== shift) group.setAttribute('transform', shift);
  }

  // The first place on the grid whose row is (nearly) in view.
  private firstPlaceInView(): number {
    const row = Math.floor((this.viewTop - PAD) / (CARD_H + GAP_Y)) - OVERSCAN_ROWS;
    return Math.max(0, row) * this.cols;
  }

  private placesInView(): number {
    const rows = Math.ceil((this.viewHeight || 1000) / (CARD_H + GAP_Y)) + 1 + 2 * OVERSCAN_ROWS;
    return rows * this.cols;
  }

  // Places the newest tasks on the grid, and adds and removes cards so that
  // exactly the places in view have one.
  private layoutCards(m: LoopModel, from: number): void {
    const shown = m.recentTasks(MAX_CARDS);
    this.shown = shown;
    this.shownIndex.clear();
    shown.forEach((task, index) => this.shownIndex.set(task.id, index));
    const to = Math.min(shown.length, from + this.placesInView());
    this.inView = { from, to };
    const keep = new Set<number>();
    for (let place = from; place < to; place++) {
      keep.add(place);
      let card = this.cards.get(place);
      if (!card) {
        card = this.makeCard(place);
        this.cards.set(place, card);
        this.tasksBox.append(card.root);
      } else if (this.cols !== this.last.cols) {
        this.placeCard(card);
      }
    }
    for (const [place, card] of this.cards) {
      if (!keep.has(place)) {
        card.root.remove();
        this.cards.delete(place);
      }
    }
    this.sizeGrid(shown.length);
    this.placeArrows(from, to);
    setText(this.more, m.taskCount > MAX_CARDS ? `${m.taskCount - MAX_CARDS} older tasks not drawn` : '');
    this.arrowsKey = '';
  }

  private position(index: number): [number, number] {
    return [PAD + (index % this.cols) * (CARD_W + GAP_X), PAD + Math.floor(index / this.cols) * (CARD_H + GAP_Y)];
  }

  private makeCard(place: number): Card {
    const name = el('span', { class: 'name' });
    const badge = el('span', { class: 'badge' });
    const where = el('div', { class: 'where' });
    const wait = el('div', { class: 'wait' });
    const out = el('div', { class: 'out' });
    const root = el('div', { class: 'card' }, el('div', { class: 'head' }, name, badge), where, wait, out);
    root.style.width = `${CARD_W}px`;
    root.style.height = `${CARD_H}px`;
    const card = { root, name, badge, where, wait, out, task: 0, version: -1, place };
    this.placeCard(card);
    return card;
  }

  private placeCard(card: Card): void {
    const [x, y] = this.position(card.place);
    card.root.style.transform = `translate(${x}px, ${y}px)`;
  }

  private updateCards(m: LoopModel): void {
    for (const [place, card] of this.cards) {
      const task = this.shown[place];
      if (!task || (card.task === task.id && card.version === task.version)) continue;
      if (card.task !== task.id) {
        card.task = task.id;
        card.root.dataset.task = String(task.id);
        setText(card.name, task.name);
      }
      card.version = task.version;
      this.fillCard(m, card, task);
    }
  }

  private fillCard(m: LoopModel, card: Card, task: TaskView): void {
    const root = card.root;
    if (root.dataset.status !== task.status) {
      root.dataset.status = task.status;
      card.badge.textContent = STATUS_LABEL[task.status];
    }
    const wait = task.wait?.kind ?? '';
    if (root.dataset.wait !== wait) root.dataset.wait = wait;
    setText(card.where, task.coro ? `${task.coro}()${task.line ? ` · line ${task.line}` : ''}` : task.line ? `line ${task.line}` : '');
    setText(card.wait, this.stateText(m, task));
    setText(card.out, task.lastOutput ? `› ${task.lastOutput}` : '');
    root.title = `${task.name}: ${task.status}${task.wait ? ' on ' + m.describeWait(task) : ''}`;
  }

  private cardOf(task: number): Card | undefined {
    const place = this.shownIndex.get(task);
    return place === undefined ? undefined : this.cards.get(place);
  }

  // Marks the card of task `id` (its card may have moved or shown another
  // task since the last frame: the mark follows the task).
  private markCurrent(id: number): void {
    const card = this.cardOf(id);
    if (card === this.currentCard && card?.task === id) return;
    this.currentCard?.root.classList.remove('current');
    card?.root.classList.add('current');
    this.currentCard = card;
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
    const count = m.readyCount;
    this.readyCount.textContent = String(count);
    const rows: Row[] = m.firstReady(MAX_LIST).map((entry) => {
      const task = entry.task ? m.task(entry.task) : undefined;
      const label = task ? task.name : entry.timer ? `timer #${entry.handle}` : `callback #${entry.handle}`;
      return entry.timer
        ? { className: 'chip timer', title: 'a timer that fired', lead: '', text: `timer: ${label}` }
        : { className: 'chip', title: 'a handle', lead: '', text: label };
    });
    if (count > MAX_LIST) rows.push({ className: 'chip more', title: '', lead: '', text: `+${count - MAX_LIST}` });
    if (count === 0) rows.push({ className: 'empty', title: '', lead: '', text: 'empty' });
    showRows(this.readyList, rows);
  }

  private renderTimers(m: LoopModel): void {
    const count = m.timerCount;
    this.timerCount.textContent = String(count);
    const rows: Row[] = m.earliestTimers(MAX_LIST).map((timer) => {
      const task = timer.task ? m.task(timer.task) : undefined;
      return { className: '', title: '', lead: formatSeconds(timer.deadlineNs), text: ` ${task ? task.name : `timer #${timer.id}`}` };
    });
    if (count > MAX_LIST) rows.push({ className: 'more', title: '', lead: '', text: `+${count - MAX_LIST} more` });
    if (count === 0) rows.push({ className: 'empty', title: '', lead: '', text: 'empty' });
    showRows(this.timerList, rows);
  }

  // Arrows from each waiting task in view to the tasks it awaits (placed
  // on the grid, in view or not).
  private renderArrows(m: LoopModel): void {
    const paths: string[] = [];
    for (let index = this.inView.from; index < this.inView.to; index++) {
      for (const target of m.awaitedTasks(this.shown[index])) {
        const to = this.shownIndex.get(target);
        if (to !== undefined) paths.push(this.arrowPath(index, to));
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

// One row of the ready queue or the timer heap: `lead` (a deadline) is
// shown highlighted before the text.
interface Row {
  className: string;
  title: string;
  lead: string;
  text: string;
}

const rowShown = new WeakMap<Element, string>();

// Shows `rows` in `list`, reusing its items: a row that did not change
// touches nothing, so the lists cost no layout while they stand still.
function showRows(list: HTMLElement, rows: Row[]): void {
  while (list.children.length > rows.length) list.lastElementChild?.remove();
  rows.forEach((row, i) => {
    let item = list.children[i];
    if (!item) {
      item = document.createElement('li');
      list.append(item);
    }
    const key = `${row.className}\n${row.title}\n${row.lead}\n${row.text}`;
    if (rowShown.get(item) === key) return;
    rowShown.set(item, key);
    item.className = row.className;
    if (row.title) item.setAttribute('title', row.title);
    else item.removeAttribute('title');
    if (row.lead) item.replaceChildren(el('span', { class: 'deadline' }, row.lead), row.text);
    else item.textContent = row.text;
  });
}

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
