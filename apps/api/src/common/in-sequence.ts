/**
 * Runs queries one after another and returns their results as a tuple. Inside a transaction every
 * query shares one connection, so `Promise.all` would only queue them in the driver (and pg warns that
 * concurrent queries on one client are deprecated); this keeps the code as readable without that.
 */
export async function inSequence<T extends readonly unknown[]>(thunks: {
  [K in keyof T]: () => Promise<T[K]>;
}): Promise<T> {
  const out: unknown[] = [];
  for (const thunk of thunks as unknown as Array<() => Promise<unknown>>) out.push(await thunk());
  return out as unknown as T;
}
