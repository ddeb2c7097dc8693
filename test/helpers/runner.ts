/**
 * Runs dist/main.js and dist/post.js the way the GitHub runner does: inputs as INPUT_*
 * variables, file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY) in files,
 * and the main step's saved state handed to the post step as STATE_* variables.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface StepRun {
  readonly child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export class FakeRunner {
  readonly dir = mkdtempSync(path.join(tmpdir(), "pt-runner-"));
  readonly outputFile = path.join(this.dir, "output");
  readonly stateFile = path.join(this.dir, "state");
  readonly summaryFile = path.join(this.dir, "summary.md");
  readonly runnerTemp = mkdtempSync(path.join(this.dir, "temp-"));

  constructor(private readonly baseEnv: Record<string, string>) {
    for (const file of [this.outputFile, this.stateFile, this.summaryFile]) writeFileSync(file, "");
  }

  /** Tests run offline: no public tunnel unless a test asks for a provider. */
  private readonly inputs: Record<string, string> = { INPUT_PROVIDER: "local" };

  main(inputs: Record<string, string>): StepRun {
    for (const [name, value] of Object.entries(inputs)) {
      this.inputs[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
    }
    return this.step("dist/main.js", this.inputs);
  }

  /**
   * The post step gets the same inputs (unless `inputs: false`: then none at all), and what
   * main saved as STATE_*.
   */
  post(options: { readonly inputs?: boolean } = {}): StepRun {
    const env: Record<string, string> = options.inputs === false ? {} : { ...this.inputs };
    for (const [key, value] of Object.entries(this.state())) env[`STATE_${key}`] = value;
    return this.step("dist/post.js", env);
  }

  /** A request to the preview as a later step makes it: with the `auth-header` output. */
  get(pathAndQuery: string): Promise<Response> {
    const outputs = this.outputs();
    const authorization = outputs["auth-header"];
    return fetch(`${outputs.url}${pathAndQuery}`, { headers: authorization ? { authorization } : {} });
  }

  outputs(): Record<string, string> {
    return parseFileCommands(readFileSync(this.outputFile, "utf8"));
  }

  state(): Record<string, string> {
    return parseFileCommands(readFileSync(this.stateFile, "utf8"));
  }

  /** A value the background supervisor saved in its run folder (undefined until it did). */
  supervisorState(key: string): string | undefined {
    const runDir = this.state()["run-dir"];
    if (!runDir) return undefined;
    try {
      return (JSON.parse(readFileSync(path.join(runDir, "state.json"), "utf8")) as Record<string, string>)[
        key
      ];
    } catch {
      return undefined;
    }
  }

  summary(): string {
    return readFileSync(this.summaryFile, "utf8");
  }

  private step(script: string, extra: Record<string, string>): StepRun {
    const child = spawn(process.execPath, [path.resolve(script)], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? this.dir,
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: process.cwd(),
        RUNNER_TEMP: this.runnerTemp,
        GITHUB_OUTPUT: this.outputFile,
        GITHUB_STATE: this.stateFile,
        GITHUB_STEP_SUMMARY: this.summaryFile,
        ...this.baseEnv,
        ...extra,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout?.on("data", (chunk) => {
      text += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      text += chunk;
    });
    // A child that inherited the step's stdout (a test command of a killed main step) keeps
    // the pipe open: settle on exit, then give the output a moment to drain.
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => {
        const drained = new Promise<void>((done) => setTimeout(done, 1000).unref());
        void Promise.race([closed, drained]).then(() => resolve({ code, signal }));
      }),
    );
    return { child, output: () => text, exited };
  }
}

/** Parses `name<<delimiter\nvalue\ndelimiter` entries (and legacy `name=value` lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? "");
      result[name] = value.join("\n");
    } else if (line.includes("=")) {
      result[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return result;
}
