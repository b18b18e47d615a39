import { expect } from '@open-wc/testing';
import { CxDataError } from '../src/core/errors.ts';

/** What `action` threw, as a CxDataError (fails the test if it threw nothing or something else). */
export function caught(action: () => unknown): CxDataError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(CxDataError);
    return error as CxDataError;
  }
  throw new Error('expected a CxDataError, nothing was thrown');
}
