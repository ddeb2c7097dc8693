// The action's main step: the compile cache first, then everything else, loaded through it.
import { enableCompileCache } from "./util/compile-cache.js";

enableCompileCache();
const { runMain } = await import("./action/main.js");
await runMain();
