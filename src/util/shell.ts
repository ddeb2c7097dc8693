/** How to run a user's command line through the platform's shell. */
export function shellCommand(
  command: string,
  platform: NodeJS.Platform = process.platform,
): { file: string; args: string[]; windowsVerbatimArguments: boolean } {
  if (platform === "win32") {
    // /d: no AutoRun, /s /c: keep the command's own quotes, as npm does.
    return {
      file: process.env.ComSpec ?? "cmd.exe",
      args: ["/d", "/s", "/c", `"${command}"`],
      windowsVerbatimArguments: true,
    };
  }
  // bash rather than sh: users write bash-isms (`FOO=1 npm start && ...`, `[[ ]]`) in workflows.
  return { file: "bash", args: ["-c", command], windowsVerbatimArguments: false };
}
