/**
 * `mkdir -p` that always ends. Node's `mkdir(dir, { recursive: true })` (sync and async alike)
 * loops for ever at 100% CPU under /proc and similar file systems: there `mkdir` answers
 * ENOENT for a child that cannot exist, Node reads that as "the parent is missing", makes the
 * parent (EEXIST: fine) and tries the child again. The synchronous call blocks the event loop,
 * so not even SIGINT or SIGTERM get through. Here every directory is made once, top down, and
 * the first failure is final.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

/** Why `dir` could not be made (what a message quotes after the path). */
export class MakeDirError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`cannot create the directory ${dir}: ${reason}`);
    this.name = "MakeDirError";
  }
}

/** Makes `dir` and its missing parents; throws a MakeDirError naming the one that failed. */
export function makeDir(dir: string, mode?: number): void {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    const stat = statSync(existing, { throwIfNoEntry: false });
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw new MakeDirError(target, `${existing} is not a directory`);
      break;
    }
    const parent = path.dirname(existing);
    // The root always exists; reaching it without finding it means the file system lies.
    if (parent === existing) throw new MakeDirError(target, `${existing} does not exist`);
    missing.push(existing);
    existing = parent;
  }
  for (const part of missing.reverse()) {
    try {
      mkdirSync(part, mode === undefined ? undefined : { mode });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Made meanwhile by someone else: fine if it is a directory.
      if (code === "EEXIST" && statSync(part, { throwIfNoEntry: false })?.isDirectory()) continue;
      const why =
        code === "ENOENT"
          ? `${path.dirname(part)} cannot hold directories`
          : code === "EACCES" || code === "EPERM"
            ? `no permission to create ${part}`
            : code === "EROFS"
              ? `${path.dirname(part)} is on a read-only file system`
              : `${code ?? "error"} creating ${part}`;
      throw new MakeDirError(target, why);
    }
  }
}
