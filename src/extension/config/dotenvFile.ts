/** The workspace's .env: where it is, and creating it from the documented example. */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";

export const dotEnvPath = (workspace: string): string => path.join(workspace, ".env");

/**
 * Copies the example to <workspace>/.env: the workspace's own .env.example if it has one,
 * else the one shipped with the extension. Never overwrites an existing .env.
 */
export async function createDotEnv(workspace: string, bundledExample: string): Promise<{ file: string; example: string }> {
  const own = path.join(workspace, ".env.example");
  const example = existsSync(own) ? own : bundledExample;
  const file = dotEnvPath(workspace);
  await fs.copyFile(example, file, fs.constants.COPYFILE_EXCL);
  return { file, example };
}
