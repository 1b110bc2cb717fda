#!/bin/sh
# Updates the vendored mermaid (the report's only script besides its own) from the npm registry:
#   src/DomainModel.Tool/Report/vendor/update-mermaid.sh [VERSION]     (default: the latest, `npm view mermaid version`)
# It replaces mermaid.min.js, mermaid.LICENSE and mermaid.VERSION here; rebuild the tool and run its tests
# (the browser test renders every diagram with it) before committing the three files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=${1:-$(npm view mermaid version)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "mermaid@$version" >/dev/null && tar xzf "mermaid-$version.tgz")
cp "$work/package/dist/mermaid.min.js" "$here/mermaid.min.js"
cp "$work/package/LICENSE" "$here/mermaid.LICENSE"
printf '%s\n' "$version" > "$here/mermaid.VERSION"
echo "mermaid $version vendored in $here"
