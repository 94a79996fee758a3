import { AppConfig, ConfigError, loadConfig } from './app-config';

/** The single place that reads process.env. */
export function loadConfigFromProcessEnv(): AppConfig {
  return loadConfig(process.env);
}

/** For entry points: an invalid environment stops the process with a message naming each bad variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfigFromProcessEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
