#!/usr/bin/env bash
# Reads the TRX file of `dotnet test --logger trx` and prints "passed failed skipped" on stdout; each failed test goes
# to stderr with the first lines of its message. ./mockloop test adds these up into its closing line.
#   tools/test-results.sh FILE.trx
# Plain awk (mawk or gawk), so counting results needs nothing the build does not already need.
set -euo pipefail
[ $# -eq 1 ] && [ -s "$1" ] || { echo "usage: $0 FILE.trx (an existing, non-empty file)" >&2; exit 2; }

awk '
  # The value of attribute NAME in the tag TAG, "" when absent (a leading space keeps "passed" from "notpassed").
  function attr(tag, name) {
    if (!match(tag, "[ \t\n]" name "=\"[^\"]*\"")) return ""
    return substr(tag, RSTART + length(name) + 3, RLENGTH - length(name) - 4)
  }
  function unxml(s) {
    gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
    return s
  }
  { text = text $0 "\n" }
  END {
    if (!match(text, /<Counters[ \t\n][^>]*>/)) { print FILENAME ": no <Counters> element" > "/dev/stderr"; exit 3 }
    counters = substr(text, RSTART, RLENGTH)
    passed = attr(counters, "passed") + 0
    failed = attr(counters, "failed") + attr(counters, "error") + attr(counters, "timeout") + attr(counters, "aborted")
    skipped = attr(counters, "notExecuted") + 0
    # A passed test is usually one self-closing element; a failed one holds its output and message.
    rest = text
    while (match(rest, /<UnitTestResult[ \t\n][^>]*>/)) {
      tag = substr(rest, RSTART, RLENGTH)
      rest = substr(rest, RSTART + RLENGTH)
      if (attr(tag, "outcome") != "Failed") continue
      message = ""
      if (tag !~ /\/>$/ && (end = index(rest, "</UnitTestResult>")) > 0) {
        body = substr(rest, 1, end - 1)
        if (match(body, /<Message>/)) {
          message = substr(body, RSTART + 9)
          if ((close_at = index(message, "</Message>")) > 0) message = substr(message, 1, close_at - 1)
        }
      }
      n = split(unxml(message), lines, "\n")
      shown = ""
      for (i = 1; i <= n && i <= 6; i++) { line = lines[i]; gsub(/^[ \t\r]+|[ \t\r]+$/, "", line); shown = shown "\n    " line }
      printf "  FAILED %s%s\n", unxml(attr(tag, "testName")), shown > "/dev/stderr"
    }
    printf "%d %d %d\n", passed, failed, skipped
  }
' "$1"
