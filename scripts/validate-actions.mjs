// Validates action.yml and the workflow files with @action-validator/cli.
// Its bundled schema (0.6.0) predates the node24 runtime and rejects `using: node24`, so
// action.yml is validated as a copy with `using: node20`, and `using: node24` is checked here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";

const validator = path.resolve("node_modules/.bin/action-validator");
let failures = 0;
const validate = (file, label = file) => {
  const result = spawnSync(validator, [file], { encoding: "utf8" });
  if (result.status === 0) {
    console.log(`valid: ${label}`);
  } else {
    failures++;
    console.error(`invalid: ${label}\n${result.stdout}${result.stderr}`);
  }
};

const action = readFileSync("action.yml", "utf8");
if (!/^\s+using: node24$/m.test(action)) {
  failures++;
  console.error("invalid: action.yml must declare runs.using: node24");
}
const dir = mkdtempSync(path.join(tmpdir(), "action-validate-"));
try {
  const copy = path.join(dir, "action.yml");
  writeFileSync(copy, action.replace(/^(\s+using:) node24$/m, "$1 node20"));
  validate(copy, "action.yml");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// The schema does not know this action's inputs: a `uses: ./` step may only pass inputs
// action.yml declares (a misspelt or removed one would be ignored by the runner, with a warning).
const inputs = new Set(Object.keys(parse(action).inputs ?? {}));
for (const file of readdirSync(".github/workflows").filter((f) => /\.ya?ml$/.test(f))) {
  const workflow = path.join(".github/workflows", file);
  validate(workflow);
  for (const [job, { steps = [] }] of Object.entries(parse(readFileSync(workflow, "utf8")).jobs ?? {})) {
    for (const step of steps) {
      if (step.uses !== "./") continue;
      for (const name of Object.keys(step.with ?? {}).filter((n) => !inputs.has(n))) {
        failures++;
        console.error(`invalid: ${workflow}: job ${job} passes "${name}", which action.yml does not declare`);
      }
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
