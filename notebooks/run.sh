#!/usr/bin/env bash
# Runs the notebooks headless, as CI does: builds the command-line program and with it the library in Release (the
# notebooks load src/TorchTdhf/bin/Release/net10.0/linux-x64/TorchTdhf.dll; 03 runs `tdhf generate` and `tdhf train` to
# make the checkpoint it explores), restores dotnet-repl from .config/dotnet-tools.json and
# runs each notebook (all of them, or those named as arguments) from this folder, writing the executed copies to
# notebooks/out/. Exits non-zero when the build fails or any cell of any notebook fails.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore
dotnet build -c Release ../src/TorchTdhf.Cli/TorchTdhf.Cli.csproj

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=(*.ipynb); fi
mkdir -p out
failed=()
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook")
  echo "== $name"
  started=$SECONDS
  # dotnet repl exits with 2 when a cell fails; the executed notebook in out/ holds the error output.
  if dotnet repl --run "$notebook" --exit-after-run --output-path "out/$name"; then
    echo "== $name: ok in $((SECONDS - started)) s"
  else
    echo "== $name: FAILED (exit code $?) after $((SECONDS - started)) s; see notebooks/out/$name" >&2
    # The first line of each cell error (dotnet repl itself prints nothing about it).
    grep -o '"evalue": "[^\\]*' "out/$name" | sed 's/^"evalue": "/   /' >&2 || true
    failed+=("$name")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed notebooks: ${failed[*]}" >&2
  exit 1
fi
