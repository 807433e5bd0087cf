// Identifiers people copy from a screen or a document: error codes (E5003), document numbers
// (DS-920), form numbers. Matched exactly, they point straight at the passage that explains them.

const CODE = /(?<![a-z0-9])(?:[a-z]{1,4}-?\d{2,6}|\d{2,6}-?[a-z]{1,4})(?![a-z0-9])/giu;

/** Codes in a prepared (NFKC, lower-case) text. */
export function codesIn(prepared: string): string[] {
  return [...new Set([...prepared.matchAll(CODE)].map((m) => m[0]))].filter((c) => /[a-z]/.test(c) && /\d/.test(c));
}
