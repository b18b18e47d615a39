/**
 * Resolves once `condition()` holds, checking after every DOM change under the shadow roots it is
 * given (a MutationObserver, not a timer); rejects with `message` after `timeoutMs`.
 */
export function waitFor(condition: () => boolean, message: string, { within = [] as readonly Node[], timeoutMs = 10_000 } = {}): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const roots = within.length ? within : [document.body];
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(message));
    }, timeoutMs);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    for (const root of roots) observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}
