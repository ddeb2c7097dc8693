#!/usr/bin/env node
// The command line. Its arguments and --help are read by what this file bundles (small: no
// part of the run); a command's modules are imported when it runs, through the compile cache.
import { runCli } from "./cli/cli.js";
import { enableCompileCache } from "./util/compile-cache.js";

enableCompileCache();
process.exitCode = await runCli(process.argv.slice(2));
