// The engine's entry point: text and configuration in, findings out.
// Pure TypeScript: it runs in Node (tests, CLI, bench) and in the extension alike.
export { check, checkPost, prepare, type CheckResult } from './engine';
export { validateConfig, ConfigError } from './config';
export * from './types';
