// A typed event emitter, the bus the controllers announce their changes on: the page's parts subscribe to
// it and never call each other.

type Handler = (...args: never[]) => void;

export class Emitter<Events extends { [K in keyof Events]: Handler }> {
  private readonly handlers = new Map<keyof Events, Handler[]>();

  /** Calls `handler` on every `event` from now on; returns the function that stops it. */
  on<K extends keyof Events>(event: K, handler: Events[K]): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return () => {
      const at = list.indexOf(handler);
      if (at >= 0) list.splice(at, 1);
    };
  }

  protected emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    for (const handler of [...(this.handlers.get(event) ?? [])])
      (handler as (...a: Parameters<Events[K]>) => void)(...args);
  }
}
