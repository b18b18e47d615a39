/**
 * A module an element needs only once it has something to draw (d3, the chart's parts). It is
 * imported when the first element of its kind connects, so it downloads alongside the data instead
 * of in front of every page that loads the kit, and the page fetches only the charts it uses.
 */
export interface LazyModule<T> {
  /** The module, once loaded. */
  readonly value: T | undefined;
  /** Starts the import (once; again after a failure) and settles with the module. */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      pending ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          // A dropped connection should not break the element for the rest of the page's life.
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}
