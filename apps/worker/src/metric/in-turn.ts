/**
 * Runs tasks one after another in this process, in the order they were handed in; a task's failure
 * does not stop the ones behind it.
 *
 * Why full rebuilds need it: Bull adds up the concurrency of a queue's named processors, and the
 * metric queue's institution jobs take many slots (INSTITUTION_JOBS_AT_ONCE), so a worker could
 * otherwise start as many rebuilds of different rounds at once, each holding a round's inputs in
 * memory (docs/scaling.md, memory ceiling of the worker).
 */
export class InTurn {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
