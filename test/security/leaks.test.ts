/**
 * Issue 8, part 7 — no leaks. Every element in test/a11y/elements.ts, in its "loaded" state, goes
 * through 200 cycles of create → load (`dataComplete`) → render (laid out at its width) → remove.
 * After cycle 20 (warmed up: lazy chunks, catalogues, Lit's template caches) and after cycle 200 the
 * test counts what an element could leave behind, and fails on any growth:
 *
 * 1. sources in the engine client's table (`engineClient().sourceKeys`, released at once here:
 *    `releaseDelayMs` is 0 during the test). The same data objects and URL are used in every cycle,
 *    so each cycle loads the same small source again;
 * 2. live ResizeObservers (`window.ResizeObserver` wrapped: observing, not yet disconnected) and
 *    catalogue listeners (elements that still redraw when a language is registered);
 * 3. listeners on `window` and `document` (`EventTarget.prototype.add/removeEventListener` wrapped);
 * 4. the JS heap after forced garbage collection, over CDP (the `cdp-heap` command of
 *    web-test-runner.config.mjs): less than 2 MB growth from cycle 20 to 200 is noise.
 *
 * The figures are printed for the log.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { CxElement } from '../../src/ui/cx-element.ts';
import { registerLocale } from '../../src/ui/i18n.ts';
import { engineClient } from '../../src/worker/client.ts';
import { ELEMENTS, type CxHost } from '../a11y/elements.ts';

const CYCLES = 200;
const WARM_UP = 20;
const HEAP_NOISE_BYTES = 2 * 1024 * 1024;

// --- instruments ------------------------------------------------------------------------------

/** ResizeObservers that observe something and were not disconnected since. */
const liveObservers = new Set<ResizeObserver>();
/** Listeners on window and document, by target, type, capture and function. */
const liveListeners = new Map<EventTarget, Map<string, Set<EventListenerOrEventListenerObject>>>();

const NativeResizeObserver = window.ResizeObserver;
const nativeDisconnect = NativeResizeObserver.prototype.disconnect;
const nativeAdd = EventTarget.prototype.addEventListener;
const nativeRemove = EventTarget.prototype.removeEventListener;

const watched = (target: EventTarget) => target === window || target === document;
const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
const slot = (target: EventTarget, type: string, options?: boolean | EventListenerOptions) => {
  let byType = liveListeners.get(target);
  if (!byType) liveListeners.set(target, (byType = new Map()));
  const key = `${type}\u0000${captureOf(options)}`;
  let set = byType.get(key);
  if (!set) byType.set(key, (set = new Set()));
  return set;
};

function instrument(): void {
  class CountingResizeObserver extends NativeResizeObserver {
    override observe(target: Element, options?: ResizeObserverOptions): void {
      liveObservers.add(this);
      super.observe(target, options);
    }
  }
  window.ResizeObserver = CountingResizeObserver;
  NativeResizeObserver.prototype.disconnect = function (this: ResizeObserver) {
    liveObservers.delete(this);
    nativeDisconnect.call(this);
  };
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    // `once` listeners remove themselves without telling; they are not counted.
    if (listener && watched(this) && !(typeof options === 'object' && (options.once || options.signal))) slot(this, type, options).add(listener);
    nativeAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (listener && watched(this)) slot(this, type, options).delete(listener);
    nativeRemove.call(this, type, listener, options);
  };
}

function restore(): void {
  window.ResizeObserver = NativeResizeObserver;
  NativeResizeObserver.prototype.disconnect = nativeDisconnect;
  EventTarget.prototype.addEventListener = nativeAdd;
  EventTarget.prototype.removeEventListener = nativeRemove;
}

function listenerCount(): number {
  let count = 0;
  for (const byType of liveListeners.values()) for (const set of byType.values()) count += set.size;
  return count;
}

/**
 * Elements still subscribed to catalogue changes: registering a language calls every subscriber at
 * once, and each subscriber asks its element to update; the elements asked are counted.
 */
function catalogueListenerCount(): number {
  const asked = new Set<unknown>();
  const proto = CxElement.prototype as unknown as { requestUpdate: (...args: unknown[]) => void };
  const inherited = proto.requestUpdate;
  proto.requestUpdate = function (this: unknown, ...args: unknown[]) {
    asked.add(this);
    return inherited.apply(this, args);
  };
  try {
    registerLocale('x-leak-probe', {});
  } finally {
    delete (proto as { requestUpdate?: unknown }).requestUpdate;
  }
  return asked.size;
}

interface Snapshot {
  readonly sources: number;
  readonly observers: number;
  readonly catalogueListeners: number;
  readonly listeners: number;
  readonly heapBytes: number;
}

async function snapshot(): Promise<Snapshot> {
  const heap = (await executeServerCommand('cdp-heap', { gc: 3 })) as { usedSize: number };
  return {
    sources: engineClient().sourceKeys.length,
    observers: liveObservers.size,
    catalogueListeners: catalogueListenerCount(),
    listeners: listenerCount(),
    heapBytes: heap.usedSize,
  };
}

/** A released source is dropped by a timer (0 ms here); two macrotasks let it run. */
const released = () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

// --- the test ---------------------------------------------------------------------------------

describe(`No leaks: ${CYCLES} cycles of create → load → render → remove`, () => {
  let releaseDelay = 0;

  before(() => {
    releaseDelay = engineClient().releaseDelayMs;
    engineClient().releaseDelayMs = 0;
    instrument();
  });

  after(() => {
    restore();
    engineClient().releaseDelayMs = releaseDelay;
  });

  for (const { tag, states } of ELEMENTS) {
    const loaded = states.find((state) => state.name === 'loaded');
    if (!loaded) throw new Error(`test/a11y/elements.ts has no "loaded" state for <${tag}>`);

    it(`<${tag}> leaves nothing behind`, async function () {
      this.timeout(60_000);
      const started = performance.now();
      let atWarmUp: Snapshot | null = null;
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const el: CxHost = await loaded.render();
        if (cycle === 1) {
          // The instruments see a live element, so a zero below means released, not unseen.
          expect(liveObservers.size, 'the ResizeObserver of a connected element').to.be.at.least(1);
          expect(catalogueListenerCount(), 'the catalogue listener of a connected element').to.be.at.least(1);
          expect(engineClient().sourceKeys, 'the source of a loaded element').not.to.be.empty;
        }
        el.remove();
        fixtureCleanup();
        await released();
        if (cycle === WARM_UP) atWarmUp = await snapshot();
      }
      const atEnd = await snapshot();
      const seconds = (performance.now() - started) / 1000;
      const first = atWarmUp!;
      console.log(
        `leaks <${tag}> ${CYCLES} cycles in ${seconds.toFixed(1)} s — cycle ${WARM_UP} → ${CYCLES}: ` +
          `sources ${first.sources} → ${atEnd.sources}, ResizeObservers ${first.observers} → ${atEnd.observers}, ` +
          `catalogue listeners ${first.catalogueListeners} → ${atEnd.catalogueListeners}, ` +
          `window/document listeners ${first.listeners} → ${atEnd.listeners}, ` +
          `heap ${mb(first.heapBytes)} → ${mb(atEnd.heapBytes)} (${atEnd.heapBytes >= first.heapBytes ? '+' : ''}${((atEnd.heapBytes - first.heapBytes) / 1024).toFixed(0)} kB)`,
      );

      expect(atEnd.sources, 'sources left in the engine client').to.equal(0);
      expect(atEnd.observers, 'live ResizeObservers').to.be.at.most(first.observers);
      expect(atEnd.observers, 'live ResizeObservers after every element is gone').to.equal(0);
      expect(atEnd.catalogueListeners, 'removed elements still listening for catalogues').to.equal(0);
      expect(atEnd.listeners, 'window/document listeners').to.be.at.most(first.listeners);
      expect(atEnd.heapBytes - first.heapBytes, `heap growth from cycle ${WARM_UP} to ${CYCLES}`).to.be.below(HEAP_NOISE_BYTES);
    });
  }
});
