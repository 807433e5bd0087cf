// Front matter and sidecar metadata: parsed with a YAML library, validated with zod, and merged
// with what the file itself says (a PDF's title, an HTML <title>, the first heading).
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { DocKind, DocMeta } from './types.ts';

const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: 'custom', message: `expected a date as YYYY-MM-DD, got "${s}"` });
    return z.NEVER;
  }
  return s;
});

export const metaSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    kind: z.enum(['manual', 'faq', 'guideline']).optional(),
    sample: z.boolean().optional(),
    effective_from: isoDate.nullish(),
    effective_to: isoDate.nullish(),
  })
  .passthrough()
  .refine((m) => !m.effective_from || !m.effective_to || m.effective_from <= m.effective_to, {
    message: 'effective_from must not be after effective_to',
  });

export type RawMeta = z.infer<typeof metaSchema>;

export class MetadataError extends Error {}

/** Parses YAML metadata text; throws MetadataError naming the bad field. */
export function parseMetaYaml(yamlText: string, where: string): RawMeta {
  let data: unknown;
  try {
    data = parseYaml(yamlText) ?? {};
  } catch (e) {
    throw new MetadataError(`${where}: front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = metaSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'front matter';
    throw new MetadataError(`${where}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Splits `---\n…\n---` front matter off a Markdown text. */
export function splitFrontMatter(text: string): { yaml: string | null; body: string } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { yaml: null, body: text };
  return { yaml: m[1] ?? '', body: text.slice(m[0].length) };
}

function inferKind(source: string): DocKind {
  const s = source.toLowerCase();
  if (/faq|よくある質問|qa/.test(s)) return 'faq';
  if (/guide|rule|規程|規則|ガイドライン|注意/.test(s)) return 'guideline';
  return 'manual';
}

/** Final metadata: explicit fields first, then what the file says, then the file name. */
export function resolveMeta(source: string, raw: RawMeta | null, fallbackTitle: string | null): DocMeta {
  const base = source.split('/').pop()?.replace(/\.[^.]+$/, '') ?? source;
  return {
    title: raw?.title ?? fallbackTitle ?? base,
    kind: raw?.kind ?? inferKind(source),
    effectiveFrom: raw?.effective_from ?? null,
    effectiveTo: raw?.effective_to ?? null,
    sample: raw?.sample ?? false,
  };
}
