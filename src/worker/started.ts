/**
 * The message a worker posts once its script has loaded and run. Comlink ignores it (no call id);
 * the client uses it to tell a script that never loaded from an engine that crashed.
 */
export const ENGINE_STARTED = 'cx-engine-started';
