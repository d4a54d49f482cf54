// textlint over short texts that are not files: the ja/en texts of the data files and of
// labels.yml, as scripts/lint_data_texts.py collects them (with the project's own YAML loader,
// so that each problem is reported at the YAML file's own line, which this script never sees).
//
// Reads one JSON request on stdin:
//   {"groups": [{"config": ".textlintrc.yml", "off": ["ja-technical-writing/ja-no-mixed-period"],
//                "texts": [{"id": 0, "text": "…"}]}]}
// and writes one JSON reply on stdout: [{"id": 0, "line": 1, "column": 5, "rule": "prh", "message": "…"}].
// Each group is linted with the rules of its textlint configuration file less the rules named in
// "off" (rules written for whole pages that do not fit a one-sentence text); the configuration
// file stays the one place where a rule's options are set.
import { readFileSync } from "node:fs";
import { createLinter, loadTextlintrc } from "textlint";

async function linterFor(configFile, off) {
  const descriptor = await loadTextlintrc({ configFilePath: configFile });
  const { rules } = descriptor.toKernelOptions();
  const unknown = off.filter((id) => !rules.some((rule) => rule.ruleId === id));
  if (unknown.length) {
    throw new Error(`${configFile} has no rule ${unknown.join(", ")} to turn off`);
  }
  const kept = rules.filter((rule) => !off.includes(rule.ruleId));
  return createLinter({ descriptor: descriptor.shallowMerge({ rules: kept }) });
}

const request = JSON.parse(readFileSync(0, "utf8"));
const reply = [];
for (const group of request.groups) {
  const linter = await linterFor(group.config, group.off ?? []);
  for (const { id, text } of group.texts) {
    // A .txt name: textlint's plain-text parser, so that a text is not read as Markdown.
    const result = await linter.lintText(text, "text.txt");
    for (const m of result.messages) {
      reply.push({ id, line: m.loc?.start?.line ?? m.line, column: m.loc?.start?.column ?? m.column, rule: m.ruleId, message: m.message });
    }
  }
}
process.stdout.write(JSON.stringify(reply));
