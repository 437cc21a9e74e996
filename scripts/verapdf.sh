#!/usr/bin/env bash
# Validates PDFs with veraPDF's command line, fetched from Maven Central into a cache outside git.
#   scripts/verapdf.sh ua1|2b FILE.pdf...      (the report, in veraPDF's mrr XML, goes to stdout)
#   scripts/verapdf.sh fetch                   (only fetch veraPDF; needs mvn; .ci/run does this)
# The cache is $BRIEFPRESS_VERAPDF_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/briefpress/verapdf.
# veraPDF's exit code is passed on: 0 all compliant, 1 some file failed a rule, more is an error.
set -euo pipefail

if [[ $# -lt 1 || ( $1 != fetch && ( $# -lt 2 || ( $1 != ua1 && $1 != 2b ) ) ) ]]; then
  echo "usage: $0 ua1|2b FILE.pdf... | $0 fetch" >&2
  exit 2
fi
flavour=$1
shift

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${BRIEFPRESS_VERAPDF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/briefpress/verapdf}
version=$(sed -n 's:.*<verapdf.version>\(.*\)</verapdf.version>.*:\1:p' "$here/verapdf/pom.xml")
jars=$cache/$version

if [[ ! -f $jars/greenfield-apps-$version.jar ]]; then
  echo "verapdf: fetching veraPDF $version into $jars" >&2
  tmp=$jars.tmp.$$
  trap 'rm -rf "$tmp"' EXIT
  if ! log=$(mvn -q -B -Dstyle.color=never -f "$here/verapdf/pom.xml" dependency:copy-dependencies -DoutputDirectory="$tmp" 2>&1); then
    printf '%s\n' "$log" >&2
    exit 3
  fi
  rm -rf "$jars"
  mv "$tmp" "$jars"
  trap - EXIT
fi

[[ $flavour == fetch ]] && exit 0
# A run of a few files is mostly the JVM starting: the client compiler alone and the serial collector
# halve its CPU time (the tests run many such runs beside Chromium on two cores). A long run gains
# from the optimising compiler, so it keeps the defaults.
opts=()
[[ $# -le 8 ]] && opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
exec java "${opts[@]}" -cp "$jars/*" org.verapdf.apps.GreenfieldCliWrapper --flavour "$flavour" --format mrr "$@"
