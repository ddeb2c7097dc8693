// The background supervisor (started by the main step): the compile cache first, then the rest.
import { enableCompileCache } from "./util/compile-cache.js";

enableCompileCache();
const { runSupervisor } = await import("./action/supervisor.js");
await runSupervisor();
