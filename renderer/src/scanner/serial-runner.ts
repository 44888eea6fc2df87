/** Runs an async handler for each input one at a time, in arrival order; a failure does not stop the inputs after it. */
export function serialRunner<T>(handle: (input: T) => Promise<void>): (input: T) => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  return (input) => {
    tail = tail.then(() => handle(input)).catch(() => undefined);
    return tail;
  };
}
