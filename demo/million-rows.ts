/**
 * The "1M rows" variants: a button starts a demo worker that generates the rows (nothing is
 * generated before), its blob: URL becomes the element's source, and the times are shown: generating
 * in one worker, then fetching, parsing and counting in the engine's.
 *
 * Markup: a `[data-generate]` container with a button, an optional `select[name=rows]` and a
 * `<progress>`, inside a variant with an `<output>` and a stage holding the element. `data-attribute`
 * names the attribute that takes the URL (default `src`; the scorecard's is `feedback-src`).
 */
import type { CxElement } from '../src/ui/cx-element.ts';
import type { MillionRowsMessage, MillionRowsRequest } from './million-rows.worker.ts';

const DEFAULT_ROWS = 1_000_000;

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 0 })} MB`;

/** The longest main-thread task while the rows were made and loaded: what "the page stays responsive" means. */
function watchLongTasks(): { stop(): string } {
  let longest = 0;
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
  } catch {
    observer = null;
  }
  return {
    stop() {
      observer?.disconnect();
      if (!observer) return '';
      return longest === 0 ? 'The page never blocked for 50 ms or more.' : `The page's longest block meanwhile: ${Math.round(longest)} ms.`;
    },
  };
}

function setup(control: HTMLElement): void {
  const variant = control.closest<HTMLElement>('.variant') ?? document.body;
  const target = variant.querySelector<CxElement<unknown>>('.stage > *');
  const button = control.querySelector<HTMLButtonElement>('button');
  const rowsSelect = control.querySelector<HTMLSelectElement>('select[name=rows]');
  const progress = control.querySelector<HTMLProgressElement>('progress');
  const output = variant.querySelector<HTMLOutputElement>('output');
  if (!target || !button || !progress || !output) return;
  const attribute = control.dataset.attribute ?? 'src';
  let generator: Worker | null = null;

  button.addEventListener('click', () => {
    const rows = Number(rowsSelect?.value ?? DEFAULT_ROWS);
    const previous = generator;
    const worker = new Worker(new URL('./million-rows.worker.ts', import.meta.url), { type: 'module' });
    generator = worker;
    button.disabled = true;
    progress.hidden = false;
    progress.max = rows;
    progress.value = 0;
    output.textContent = `Generating ${rows.toLocaleString('en')} rows in a worker…`;
    const blocked = watchLongTasks();
    worker.addEventListener('message', async (event: MessageEvent<MillionRowsMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        progress.value = message.rows;
        return;
      }
      if (message.kind === 'failed') {
        output.textContent = `Generating failed: ${message.message}`;
        button.disabled = false;
        progress.hidden = true;
        worker.terminate();
        // The file on show is still the previous worker's: keep it as the one to end next time.
        generator = previous;
        return;
      }
      output.textContent = `Generated ${message.rows.toLocaleString('en')} rows (${megabytes(message.bytes)}) in ${seconds(message.milliseconds)}. Loading them into the element…`;
      progress.removeAttribute('value');
      const loadStarted = performance.now();
      target.setAttribute(attribute, message.url);
      await target.dataComplete;
      const loaded = performance.now() - loadStarted;
      // The previous file's worker (and with it its blob: URL) is no longer needed once the new one shows.
      previous?.terminate();
      progress.hidden = true;
      button.disabled = false;
      button.textContent = 'Generate again';
      output.textContent =
        `Generated ${message.rows.toLocaleString('en')} rows (${megabytes(message.bytes)}) in ${seconds(message.milliseconds)} in a worker; ` +
        `fetched, parsed and counted in ${seconds(loaded)} in the engine's worker. ${blocked.stop()}`;
    });
    const request: MillionRowsRequest = { rows, seed: 2025 };
    worker.postMessage(request);
  });
}

/** Wires every `[data-generate]` control on the page. */
export function setupGeneratedRows(): void {
  for (const control of document.querySelectorAll<HTMLElement>('[data-generate]')) setup(control);
}
