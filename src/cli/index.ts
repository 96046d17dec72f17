#!/usr/bin/env node
/** Entry point of dist/cli.js. */
import { main } from "./main";

main(process.argv).then((code) => process.exit(code));
