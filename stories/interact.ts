/**
 * What the "…Open" stories do after rendering (their `play` functions): wait until the element has
 * its data, then press one of its buttons as a user would. test/stories runs the same functions.
 */
import { waitFor } from './wait.ts';

type CxTag = 'nps-trend' | 'journey-painpoints' | 'council-scorecard';

/** The story's element once its data is loaded (or has failed) and rendered. */
export async function settled<T extends CxTag>(canvasElement: HTMLElement, tagName: T): Promise<HTMLElementTagNameMap[T]> {
  const element = canvasElement.querySelector(tagName);
  if (!element) throw new Error(`No <${tagName}> in the story.`);
  await element.dataComplete;
  return element;
}

/** Clicks the first element matching `selector` in the story element's shadow root. */
export async function clickInside(canvasElement: HTMLElement, tagName: CxTag, selector: string): Promise<void> {
  const element = await settled(canvasElement, tagName);
  const target = element.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`<${tagName}> shows no ${selector}.`);
  target.click();
  await element.updateComplete;
}

/** Clicks, then waits until `ready` holds in the shadow root (for details the worker still has to fetch). */
export async function clickInsideAndWait(canvasElement: HTMLElement, tagName: CxTag, selector: string, ready: (root: ShadowRoot) => boolean): Promise<void> {
  await clickInside(canvasElement, tagName, selector);
  const root = canvasElement.querySelector(tagName)!.shadowRoot!;
  await waitFor(() => ready(root), `${selector} did not finish opening`, { within: [root] });
}
