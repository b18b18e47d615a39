/**
 * Resolves in a task of its own. Several elements on a page wake up together — when their module has
 * run, or when a file they share has loaded — and each then renders; awaiting this first puts each
 * render in its own task, so the page sees several short tasks instead of one long one.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
