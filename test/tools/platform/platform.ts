import { basename } from 'node:path';
import { DEFAULT_KEYS_DIR, openKeys, type PlatformKeys } from './keys';
import { DEFAULT_SCENARIO_PATH, loadScenario } from './load-scenario';
import type { Scenario } from './scenario-schema';

/** One simulated platform: a signing key with its sequence state, and what it knows. */
export interface Platform {
  keys: PlatformKeys;
  scenario: Scenario;
  /** Named in the refusals of payloads made from the scenario. */
  scenarioFile: string;
}

export function openPlatform(opts: { keysDir?: string | undefined; scenarioPath?: string | undefined } = {}): Platform {
  const scenarioPath = opts.scenarioPath ?? DEFAULT_SCENARIO_PATH;
  return { keys: openKeys(opts.keysDir ?? DEFAULT_KEYS_DIR), scenario: loadScenario(scenarioPath), scenarioFile: basename(scenarioPath) };
}
