declare module '*/fakes/vectorize.js';
