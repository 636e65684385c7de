// Reads a test runner's machine-readable results and prints "passed failed skipped" on stdout; what failed goes to
// stderr with its message. ./mockloop test adds these up into its closing line.
//   node tools/test-results.mjs trx FILE      dotnet test --logger trx
//   node tools/test-results.mjs vitest FILE   vitest --reporter=json
//   node tools/test-results.mjs eslint FILE   eslint --format json (one check per file: clean or not)
import { readFileSync } from "node:fs";

const [kind, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const failures = [];
let passed = 0, failed = 0, skipped = 0;

const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
const unescapeXml = (s) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

if (kind === "trx") {
  const counters = text.match(/<Counters\b[^>]*>/)?.[0];
  if (!counters) throw new Error(`${file}: no <Counters> element`);
  passed = Number(attribute(counters, "passed"));
  failed = Number(attribute(counters, "failed")) + Number(attribute(counters, "error")) + Number(attribute(counters, "timeout"))
    + Number(attribute(counters, "aborted"));
  skipped = Number(attribute(counters, "notExecuted"));
  // A passed test is usually one self-closing element; a failed one holds its output and message.
  for (const result of text.matchAll(/<UnitTestResult\b([^>]*?)(?:\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
    if (attribute(result[1], "outcome") !== "Failed") continue;
    const message = (result[2] ?? "").match(/<Message>([\s\S]*?)<\/Message>/)?.[1] ?? "";
    failures.push(`${unescapeXml(attribute(result[1], "testName") ?? "?")}\n    ${unescapeXml(message).trim().split("\n").slice(0, 6).join("\n    ")}`);
  }
} else if (kind === "vitest") {
  const report = JSON.parse(text);
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status === "failed") failures.push(`${test.fullName}\n    ${(test.failureMessages ?? []).join("\n").split("\n").slice(0, 6).join("\n    ")}`);
    }
    // A file that failed to load has no assertion results but a message.
    if (suite.status === "failed" && !(suite.assertionResults ?? []).length) {
      failed += 1;
      failures.push(`${suite.name}\n    ${suite.message}`);
    }
  }
} else if (kind === "eslint") {
  for (const result of JSON.parse(text)) {
    if (result.errorCount + result.warningCount === 0) { passed += 1; continue; }
    failed += 1;
    failures.push(result.filePath + result.messages.map((m) => `\n    ${m.line}:${m.column} ${m.message} (${m.ruleId ?? "parse"})`).join(""));
  }
} else {
  throw new Error(`unknown kind ${kind}: trx, vitest or eslint`);
}

for (const failure of failures) console.error(`  FAILED ${failure}`);
console.log(`${passed} ${failed} ${skipped}`);
