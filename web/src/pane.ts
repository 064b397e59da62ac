// pane.ts — the one lifecycle every pane follows. A pane is constructed with
// the bus (events.ts) and its options, mount()ed once into its element,
// talks only through bus events while it lives, and dispose() undoes all of
// it: subscriptions, DOM listeners, observers, timers.

export interface Pane {
  readonly name: string;
  mount(host: HTMLElement): void | Promise<void>;
  dispose(): void;
}

// Collects the undo functions of a pane's subscriptions and listeners.
export class Disposables {
  private undo: (() => void)[] = [];

  add(fn: () => void): void {
    this.undo.push(fn);
  }

  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement | Document | Window,
    type: K,
    fn: (event: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = fn as EventListener;
    target.addEventListener(type, listener, options);
    this.undo.push(() => target.removeEventListener(type, listener, options));
  }

  dispose(): void {
    for (const fn of this.undo.splice(0).reverse()) fn();
  }
}

// Small DOM helper: an element with classes and attributes.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}
