// The built-in answering model as an ai SDK language model (LanguageModelV4), so that any real
// model can take its place: it reads the numbered passages from the prompt and answers with the
// extractive composition (extractive/compose.ts), whole or streamed sentence by sentence.
import type {
  LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4GenerateResult, LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { composeAnswer, DEFAULT_EXTRACTIVE, type ExtractiveOptions } from './extractive/compose.ts';

const USAGE = (input: string, output: string) => ({
  inputTokens: { total: input.length, noCache: input.length, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: output.length, text: output.length, reasoning: 0 },
});

function promptText(options: LanguageModelV4CallOptions): string {
  const user = [...options.prompt].reverse().find((m) => m.role === 'user');
  if (!user || user.role !== 'user') return '';
  return user.content.map((p) => (p.type === 'text' ? p.text : '')).join('\n');
}

/** The extractive answerer as an ai SDK language model. */
export class ExtractiveLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4' as const;
  readonly provider = 'seabis-builtin';
  readonly modelId = 'extractive-v1';
  readonly supportedUrls = {};
  private readonly options: ExtractiveOptions;

  constructor(options: ExtractiveOptions = DEFAULT_EXTRACTIVE) {
    this.options = options;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const input = promptText(options);
    const text = composeAnswer(input, this.options);
    return {
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: USAGE(input, text),
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const input = promptText(options);
    const text = composeAnswer(input, this.options);
    // Streams by sentence, as a model would by token, so clients render progressively.
    const pieces = text.match(/[^。\n]*[。\n]?/g)?.filter((p) => p !== '') ?? [text];
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        controller.enqueue({ type: 'stream-start', warnings: [] });
        controller.enqueue({ type: 'text-start', id: 't0' });
        for (const delta of pieces) controller.enqueue({ type: 'text-delta', id: 't0', delta });
        controller.enqueue({ type: 'text-end', id: 't0' });
        controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: USAGE(input, text) });
        controller.close();
      },
    });
    return { stream };
  }
}
