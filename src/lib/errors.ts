// The one error shape of the API: { error: { code, message } } with a 4xx/5xx status.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Turns any thrown value into the error shape; never leaks a stack trace. */
export function handleError(err: unknown, c: Context, log: (e: unknown) => void = console.error): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status, err.headers);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_request' : `http_${status}`;
    const message = status === 400 && /json/i.test(err.message) ? 'リクエスト本文が正しいJSONではありません。' : err.message || 'リクエストを処理できませんでした。';
    return c.json(errorBody(code, message), status);
  }
  log(err);
  return c.json(errorBody('internal', 'サーバー内部でエラーが発生しました。時間をおいて再度お試しください。'), 500);
}
