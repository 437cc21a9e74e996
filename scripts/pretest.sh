#!/usr/bin/env bash
# `npm test`'s pretest: make veraPDF available so that the suite's PDF/UA-1 and PDF/A-2b checks run
# (tests/quality-conformance.test.ts). Without Java and Maven it says so in one line and the suite
# skips those checks, except on CI (CI set), where the suite fails them instead.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
skipped='pretest: veraPDF checks skipped:'
install='Debian/Ubuntu: apt-get install default-jre-headless maven'

if ! command -v java >/dev/null 2>&1; then
  echo "$skipped no java on the PATH ($install)" >&2
elif ! command -v mvn >/dev/null 2>&1; then
  # veraPDF fetched before needs no Maven: `fetch` then only finds it in the cache.
  "$here/verapdf.sh" fetch >/dev/null 2>&1 || echo "$skipped no mvn on the PATH to fetch veraPDF ($install)" >&2
elif ! "$here/verapdf.sh" fetch; then
  echo "$skipped veraPDF could not be fetched (see above)" >&2
  [[ -n ${CI:-} ]] && exit 1
fi
exit 0
