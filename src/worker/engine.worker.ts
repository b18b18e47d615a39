/** The worker entry: exposes the engine over Comlink. Logic belongs in engine.ts and src/core. */
import { expose } from 'comlink';
import { createEngine } from './engine.ts';
import { ENGINE_STARTED } from './started.ts';

expose(createEngine());
postMessage({ type: ENGINE_STARTED });
