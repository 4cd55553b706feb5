#!/bin/sh
# Build and run compare_p6.c against the library: riskcast's deterministic plan
# of an imported schedule against the finish dates the source tool stored.
#   sh tests/import/compare_p6.sh [SCHEDULE]
set -e
cd "$(dirname "$0")/../.."
make --no-print-directory build/libriskcast.a >/dev/null
PKGS="yaml-0.1 gsl jansson libxml-2.0"
${CC:-cc} -std=gnu11 -O2 -Isrc $(pkg-config --cflags $PKGS) -o build/compare_p6 \
    tests/import/compare_p6.c build/libriskcast.a $(pkg-config --libs $PKGS) -lm -pthread
exec build/compare_p6 "$@"
