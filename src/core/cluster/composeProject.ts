/** The Compose project name: containers are found by its label, and it prefixes their names. */
export const COMPOSE_PROJECT = "lakehouse-bench";
