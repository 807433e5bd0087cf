declare module '*/fakes/vectorize.js';
declare module '*/fakes/ai.js';
