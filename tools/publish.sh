# The one artefact that ./mockloop run, ./mockloop test's browser tests and the benchmarks start, and that
# deploy/Dockerfile builds the same way: `dotnet publish` of the web app in Release (trimmed WebAssembly, brotli and
# gzip copies, fingerprinted assets, every static web asset in place under wwwroot). The build folder is not enough:
# outside Development it serves no package or client assets (issue 27, docs/decisions/139).
# Sourced; the caller defines `say` and `die` and sets ROOT.

# What the published output is made from: every file under src/ (bin and obj aside) and the build settings. A change
# to any of them changes the hash; nothing else (tests, docs, rubrics, which are read at run time) does.
publish_inputs_hash() {
  (cd "$ROOT" && {
    find src -type d \( -name bin -o -name obj \) -prune -o -type f -print
    for f in Directory.Build.props Directory.Packages.props global.json NuGet.config nuget.config .editorconfig; do
      [ -f "$f" ] && echo "$f"
    done
  } | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}

# publish_app DIR: publishes into DIR unless DIR already holds the output of these very inputs (then it returns at
# once: a second ./mockloop run with no change publishes nothing). A new output is made beside DIR and moved into
# place only when complete, so an interrupted publish never leaves a half-written DIR that looks current.
publish_app() {
  local dir="$1" hash
  hash="$(publish_inputs_hash)"
  if [ -f "$dir/.inputs-sha1" ] && [ "$(cat "$dir/.inputs-sha1")" = "$hash" ] && [ -f "$dir/MockLoop.Web.dll" ]; then
    say "the published app in ${dir#"$ROOT/"} is current (no source changed since it was published)"
    return 0
  fi
  say "publishing the app (Release: trimmed WebAssembly, compressed and fingerprinted assets) into ${dir#"$ROOT/"}"
  local next="$dir.next" log="$dir.log" started=$SECONDS
  rm -rf "$next"
  mkdir -p "$(dirname "$dir")"
  if ! dotnet publish "$ROOT/src/MockLoop.Web" -c Release -o "$next" -v quiet -nologo -clp:ErrorsOnly >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -rf "$next"
    die "dotnet publish failed (full log: $log)"
  fi
  echo "$hash" >"$next/.inputs-sha1"
  rm -rf "$dir"
  mv "$next" "$dir"
  say "published in $((SECONDS - started)) s"
}
