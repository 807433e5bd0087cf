// Validation messages in Japanese: zod's own Japanese locale, with plainer wording for the cases a
// caller of this API meets most (a missing field, a wrong type, a length out of range).
import { z } from 'zod';

const TYPE_LABEL: Record<string, string> = { string: '文字列', number: '数値', int: '整数', boolean: '真偽値', object: 'JSONオブジェクト', array: '配列' };

export function messageJa(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return '指定してください。';
    const label = TYPE_LABEL[issue.expected];
    return label ? `${label}で指定してください。` : undefined;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string') {
    if (issue.code === 'too_small' && Number(issue.minimum) === 1) return '空にはできません。';
    return issue.code === 'too_small' ? `${issue.minimum}文字以上にしてください。` : `${issue.maximum}文字以内にしてください。`;
  }
  if (issue.code === 'unrecognized_keys') return `使えない項目があります(${issue.keys.join('、')})。`;
  return undefined;
}

let configured = false;
/** Sets the messages once for the process (zod's configuration is global). */
export function useJapaneseValidationMessages(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.ja());
  z.config({ customError: messageJa });
}
