#!/usr/bin/env bash
# Vendors the chart library into web/vendor/ from the npm registry, pinned
# to an exact version, so the dashboard needs no build step and the binary
# embeds exactly these files. Re-run after changing UPLOT_VERSION; the
# script checks the tarball's integrity against the registry's record.
set -euo pipefail
cd "$(dirname "$0")"
UPLOT_VERSION=1.6.32
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "uplot@$UPLOT_VERSION" >/dev/null)
tar -xzf "$WORK/uplot-$UPLOT_VERSION.tgz" -C "$WORK"
mkdir -p vendor
cp "$WORK/package/dist/uPlot.iife.min.js" vendor/uPlot.iife.min.js
cp "$WORK/package/dist/uPlot.min.css" vendor/uPlot.min.css
cp "$WORK/package/LICENSE" vendor/uPlot.LICENSE
echo "uplot@$UPLOT_VERSION (MIT), from npm: dist/uPlot.iife.min.js, dist/uPlot.min.css, LICENSE" > vendor/VERSION
sha256sum vendor/uPlot.iife.min.js vendor/uPlot.min.css >> vendor/VERSION
cat vendor/VERSION
