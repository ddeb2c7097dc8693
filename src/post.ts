// The action's post step. Whether there is anything to clean up is read by what this file
// bundles (small); the cleanup itself is imported only then, through the compile cache.
import { runPost } from "./action/post.js";
import { enableCompileCache } from "./util/compile-cache.js";

enableCompileCache();
await runPost();
