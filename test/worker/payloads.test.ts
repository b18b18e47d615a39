/**
 * Issue 7, zero-copy: nothing row-shaped crosses postMessage. Every message the engine's worker (and
 * the message ports Comlink opens) posts to the page is recorded while the three elements load and
 * query 20,000 rows; no array in any payload may be anywhere near the row count, and all payloads
 * together are a small fraction of the file. The series columns, the one array-shaped answer, arrive
 * as typed arrays (moved, not copied: see seriesTransferables).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/council-scorecard/index.ts';
import '../../src/journey-painpoints/index.ts';
import '../../src/nps-trend/index.ts';
import { generateFeedbackCsvText } from '../../src/sample/generate.ts';
import { serviceCouncil } from '../fixtures/service-council.ts';

const received: unknown[] = [];
const recorded = new WeakSet<EventTarget>();
for (const proto of [Worker.prototype, MessagePort.prototype]) {
  const original = proto.addEventListener;
  proto.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
    if (type === 'message' && !recorded.has(this)) {
      recorded.add(this);
      original.call(this, 'message', (event: Event) => received.push((event as MessageEvent).data));
    }
    return (original as (...args: unknown[]) => void).call(this, type, ...rest);
  } as typeof proto.addEventListener;
}

interface Shape {
  longestArray: number;
  bytes: number;
  typedArrays: number;
}

/** The longest array (plain or typed) in a payload and a rough size of all of it. */
function shapeOf(value: unknown, shape: Shape = { longestArray: 0, bytes: 0, typedArrays: 0 }, seen = new Set<unknown>()): Shape {
  if (typeof value === 'string') shape.bytes += value.length * 2;
  else if (typeof value === 'number') shape.bytes += 8;
  else if (value === null || typeof value !== 'object' || seen.has(value)) return shape;
  else if (ArrayBuffer.isView(value)) {
    shape.typedArrays++;
    shape.bytes += value.byteLength;
    shape.longestArray = Math.max(shape.longestArray, (value as unknown as ArrayLike<number>).length ?? 0);
  } else if (value instanceof ArrayBuffer) {
    shape.bytes += value.byteLength;
  } else {
    seen.add(value);
    const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
    if (Array.isArray(value) || value instanceof Set || value instanceof Map) shape.longestArray = Math.max(shape.longestArray, children.length);
    for (const child of children) shapeOf(child, shape, seen);
  }
  return shape;
}

describe('what the worker sends the page', () => {
  it('is never row-shaped: no array near the row count, a small fraction of the file in all, series as typed arrays', async () => {
    const rows = 20_000;
    const text = generateFeedbackCsvText({ seed: 4, rows, start: '2024-01-01', months: 12 });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <nps-trend src=${url} interval="week"></nps-trend>
        <journey-painpoints src=${url}></journey-painpoints>
        <council-scorecard .definition=${serviceCouncil()} feedback-src=${url}></council-scorecard>
      </div>`);
      const [trend, journey, scorecard] = [...page.children] as (HTMLElement & { dataComplete: Promise<void> })[];
      await Promise.all([trend!.dataComplete, journey!.dataComplete, scorecard!.dataComplete]);
      // A stage's details: themes and verbatims, the other answer that reads many rows.
      const stage = journey!.shadowRoot!.querySelector<HTMLElement>('[part~=stage]')!;
      stage.click();
      await waitUntil(() => journey!.shadowRoot!.querySelector('[part~=verbatims] blockquote'), 'verbatims shown', { timeout: 10_000 });

      expect(received.length, 'messages recorded').to.be.greaterThan(5);
      const shape = shapeOf(received);
      expect(shape.longestArray, 'longest array in any payload').to.be.below(rows / 20);
      expect(shape.bytes, 'all payloads together').to.be.below(text.length / 10);
      expect(shape.typedArrays, 'typed arrays (the series columns)').to.be.greaterThan(0);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
