// Minimal types for kuromoji (the package ships none).
declare module 'kuromoji' {
  interface Builder {
    build(callback: (err: Error | null, tokenizer: any) => void): void;
  }
  const kuromoji: { builder(options: { dicPath: string }): Builder };
  export default kuromoji;
}
