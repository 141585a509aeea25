// For a field asked of every item of a list: what it needs is loaded once for the whole list (one
// query), not once per item. The items share an object that stands for their list answer (the
// batch of a list's group views); it is held weakly, so what was loaded lives as long as the request.

export class PerList<T> {
  private readonly loaded = new WeakMap<object, Promise<T>>();

  /** `load` runs once per list; every item of the list gets its answer. */
  once(list: object, load: () => Promise<T>): Promise<T> {
    let answer = this.loaded.get(list);
    if (!answer) {
      answer = load();
      this.loaded.set(list, answer);
    }
    return answer;
  }
}
