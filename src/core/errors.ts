/**
 * Errors a user can act on. Each has a stable code (the key of its localised message) and the
 * parameters the message needs; the English text is for logs and developers.
 */

export type CxErrorCode =
  | 'not-found'
  | 'http'
  | 'network'
  | 'not-csv'
  | 'bad-json'
  | 'empty-file'
  | 'too-many-rows'
  | 'too-large'
  | 'timeout'
  | 'missing-column'
  | 'bad-fields'
  | 'bad-counts'
  | 'bad-data'
  | 'no-rows'
  | 'too-many-stages'
  | 'needs-rows'
  | 'bad-definition'
  | 'bad-kpi'
  | 'no-feedback'
  | 'missing-source-column'
  | 'unknown-value'
  | 'aborted'
  | 'worker-crashed'
  | 'worker-unavailable'
  | 'worker-trusted-types'
  | 'module-unavailable'
  | 'internal';

export type CxErrorParams = Readonly<Record<string, string | number>>;

/** The plain-data form of an error: what crosses the worker boundary and what `cx-error` carries. */
export interface CxErrorInfo {
  readonly code: CxErrorCode;
  readonly message: string;
  readonly params: CxErrorParams;
}

export class CxDataError extends Error {
  override name = 'CxDataError';
  readonly code: CxErrorCode;
  readonly params: CxErrorParams;

  constructor(code: CxErrorCode, message: string, params: CxErrorParams = {}) {
    super(message);
    this.code = code;
    this.params = params;
  }

  toInfo(): CxErrorInfo {
    return { code: this.code, message: this.message, params: this.params };
  }

  static fromInfo(info: CxErrorInfo): CxDataError {
    return new CxDataError(info.code, info.message, info.params);
  }
}

/** Any thrown value as a {@link CxErrorInfo}; unknown failures become `internal`. */
export function toErrorInfo(error: unknown): CxErrorInfo {
  if (error instanceof CxDataError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, params: { detail: message } };
}
