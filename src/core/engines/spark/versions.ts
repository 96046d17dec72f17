/** What Spark runs on besides pyspark (in requirements.txt): the JVM and the format jars. */
import { javaVersion } from "../../environment/versions";
import { readJarList } from "../../environment/toolchain";

export async function sparkVersions(): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const jar of readJarList()) versions[jar.coordinates.split(":")[1]] = jar.coordinates.split(":")[2];
  versions.java = await javaVersion();
  return versions;
}
