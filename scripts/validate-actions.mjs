// Validates action.yml and the workflow files with @action-validator/cli.
// Its bundled schema (0.6.0) predates the node24 runtime and rejects `using: node24`, so
// action.yml is validated as a copy with `using: node20`, and `using: node24` is checked here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

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
for (const file of readdirSync(".github/workflows").filter((f) => /\.ya?ml$/.test(f))) {
  validate(path.join(".github/workflows", file));
}
process.exit(failures === 0 ? 0 : 1);
