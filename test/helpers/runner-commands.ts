/**
 * What the GitHub runner does with a step's output, as far as workflow commands go (its
 * ActionCommandManager and ActionCommand.TryParseV2/TryParse): lines split as .NET's ReadLine
 * splits them; `::name props::data` after leading white space, or `##[name props]data`
 * anywhere in a line; `::stop-commands::T` ignores every command until a line `::T::`.
 */
export interface ActedOn {
  readonly command: string;
  readonly data: string;
}

export interface RunnerView {
  /** The commands the runner would act on, in order (stop-commands and its end excluded). */
  readonly commands: ActedOn[];
  /** Lines shown in the log as text (while commands are stopped, command lines are shown too). */
  readonly shown: string[];
}

const V2 = /^::([^\s:]+)(?: [^:]*)?::(.*)$/;
const V1 = /##\[([^\s\]]+)(?: [^\]]*)?\](.*)$/;

export function runnerView(output: string): RunnerView {
  const commands: ActedOn[] = [];
  const shown: string[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart();
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined;
      else shown.push(line);
      continue;
    }
    const match = V2.exec(trimmed) ?? V1.exec(line);
    if (!match) {
      shown.push(line);
      continue;
    }
    const [, command, data] = match as unknown as [string, string, string];
    if (command === "stop-commands") stopToken = data;
    else commands.push({ command, data });
  }
  return { commands, shown };
}
