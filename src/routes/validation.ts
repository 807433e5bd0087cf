// Validation failures of request bodies and parameters become 400 in the API's error shape,
// naming the field and what is wrong with it.
import type { Hook } from '@hono/zod-openapi';
import { errorBody } from '../lib/errors.ts';
import { useJapaneseValidationMessages } from '../lib/zod-ja.ts';

useJapaneseValidationMessages();

export const validationHook: Hook<unknown, any, any, unknown> = (result, c) => {
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  const detail = issue?.message ?? '値が正しくありません。';
  const message = issue?.code === 'invalid_type' && !field ? 'リクエスト本文はJSONオブジェクトで送ってください。' : field ? `項目「${field}」: ${detail}` : detail;
  return c.json(errorBody('invalid_request', message), 400);
};
