// Validation failures of request bodies and parameters become 400 in the API's error shape,
// naming the field and what is wrong with it.
import type { Hook } from '@hono/zod-openapi';
import { errorBody } from '../lib/errors.ts';

export const validationHook: Hook<unknown, any, any, unknown> = (result, c) => {
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  const message = issue?.code === 'invalid_type' && issue.path.length === 0 ? 'リクエスト本文はJSONオブジェクトで送ってください。' : `${field}: ${issue?.message ?? '不正な値です。'}`;
  return c.json(errorBody('invalid_request', message), 400);
};
