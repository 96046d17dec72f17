/** The engines a target can run on. Adding one: a folder beside spark/ and an entry here. */
import type { EngineId } from "../phase/targets";
import type { Engine } from "./engine";
import { sparkEngine } from "./spark/sparkEngine";

export type { Engine, EngineSession, LoadJob, QueryJob } from "./engine";

export const ENGINES: Readonly<Record<EngineId, Engine>> = { spark: sparkEngine };
