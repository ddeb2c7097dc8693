/**
 * The run's output files (the recording, the JUnit report, the screenshots beside the
 * recording) and its folder (the app's log, the default places of the others), checked and
 * their folders made before anything starts: a path that cannot be written fails the run at
 * once, naming its input, instead of after the tests with a bare EISDIR.
 */
import { accessSync, closeSync, constants, openSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { InputError } from "../../errors.js";
import { MakeDirError, makeDir } from "../../util/make-dir.js";

/** The run's folder could not be made: no input names it, the temporary directory does. */
export class RunFolderError extends InputError {
  constructor(dir: string, reason: string) {
    super("run folder", dir, reason);
    this.message = `The run's folder ${dir} cannot be created (it goes under RUNNER_TEMP on a runner, else TMPDIR or the system's temporary directory): ${reason}.`;
    this.name = "RunFolderError";
  }
}

/** Makes the run's folder (0700: it holds the config file and the logs). */
export function makeRunFolder(dir: string): void {
  try {
    makeDir(dir, 0o700);
  } catch (error) {
    if (!(error instanceof MakeDirError)) throw error;
    throw new RunFolderError(dir, error.reason);
  }
}

/**
 * Checks that `file` (the value of `input`) can be written: its folder is made, an existing
 * file must be a writable file, a new one must be creatable (tried, then removed).
 */
export function checkOutputFile(input: string, raw: string, file: string): void {
  const fail = (why: string): never => {
    throw new InputError(input, raw, `must be a file that can be written (${why})`);
  };
  try {
    makeDir(path.dirname(file));
  } catch (error) {
    if (!(error instanceof MakeDirError)) throw error;
    fail(error.message);
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) fail(`${file} is a directory`);
  if (stat !== undefined && !stat.isFile()) fail(`${file} is not a regular file`);
  try {
    if (stat !== undefined) accessSync(file, constants.W_OK);
    else {
      closeSync(openSync(file, "wx", 0o600));
      unlinkSync(file);
    }
  } catch (error) {
    fail(`${(error as NodeJS.ErrnoException).code ?? "error"} writing ${file}`);
  }
}
