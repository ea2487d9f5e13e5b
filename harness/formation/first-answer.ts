/** The first of `fns` (tried in order, e.g. one per node) that resolves; null when every one throws. */
export async function firstAnswer<T>(fns: (() => Promise<T>)[]): Promise<T | null> {
  for (const f of fns) {
    try {
      return await f();
    } catch {
      // try the next node
    }
  }
  return null;
}
