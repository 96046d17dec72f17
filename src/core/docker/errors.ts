/** Docker problems, each with what the user can do about it. */
export class DockerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DockerUnavailableError";
  }
}

export const DOCKER_NOT_INSTALLED =
  "Docker is not installed (no `docker` command). Install Docker Engine and the Compose plugin " +
  "(https://docs.docker.com/engine/install/), or keep SPARK_MASTER=local[*] / point it at a spark:// master.";

export const DOCKER_NOT_RUNNING =
  "The Docker daemon is not running or not reachable (is /var/run/docker.sock there, or DOCKER_HOST set?). " +
  "Start it (e.g. `sudo systemctl start docker`) and try again.";
