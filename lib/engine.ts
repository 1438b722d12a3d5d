import type { CheckConfig, CheckOptions, Finding } from './types';

// Placeholder while the engine is being built; replaced in the next commits.
export function prepare(config: CheckConfig): CheckConfig {
  return config;
}

export function check(text: string, config: CheckConfig, options: CheckOptions = {}): Finding[] {
  void text;
  void config;
  void options;
  return [];
}
