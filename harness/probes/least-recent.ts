/** Hands out items fairly: each next() returns the item handed out longest ago (new items first, oldest first). */
export class LeastRecent<T> {
  // Insertion order of a Map is the fairness queue: next() moves the head to the tail.
  private readonly queue = new Map<T, true>();

  /** How many items it holds. */
  get size(): number {
    return this.queue.size;
  }

  /** Adds `item` at the head of the queue (it has never been handed out). */
  add(item: T): void {
    if (this.queue.has(item)) return;
    const rest = [...this.queue.keys()];
    this.queue.clear();
    this.queue.set(item, true);
    for (const r of rest) this.queue.set(r, true);
  }

  /** The item handed out longest ago; throws when empty. */
  next(): T {
    const head = this.queue.keys().next();
    if (head.done) throw new Error("LeastRecent is empty");
    this.queue.delete(head.value);
    this.queue.set(head.value, true);
    return head.value;
  }
}
