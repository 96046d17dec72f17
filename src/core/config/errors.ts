/** Configuration errors that name the key, the value given and what is allowed. */
export interface ConfigProblem {
  key: string;
  value: string;
  allowed: string;
  /** Where the value came from, when the key alone does not say (an unknown key, an empty flag). */
  source?: "flag" | "setting" | "environment" | ".env";
}

export class ConfigError extends Error {
  readonly exitCode = 2;
  constructor(readonly problems: ConfigProblem[]) {
    super(
      "Invalid configuration:\n" +
        problems.map((p) => `  ${p.key}=${JSON.stringify(p.value)}: ${p.allowed}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}
