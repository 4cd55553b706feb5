#!/bin/sh
# faults.sh - every failure path of reading and writing files, on purpose:
# unreadable and missing inputs, outputs that cannot be written (missing
# directory, /proc, a full disk), gnuplot failing or missing, interrupts,
# outputs naming the input, and the memory limit. Each must end with a
# message and the exit code of SPEC §1, leave no temporary file behind and
# leave a previous output intact. Checks that need what the machine lacks
# (a non-root user, a mountable tmpfs, python3) print an `ok ... skipped`.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

F=scenarios/website.yaml
IT="--iterations 300 --quiet"
skip() { pass "$1: skipped ($2)"; }
# no_tmp NAME DIR: no temporary output file (rc_out_open's .NAME.tmpXXXXXX) in DIR
no_tmp() {
    left=$(find "$2" -name '*.tmp*' 2>/dev/null | head -n 3)
    if [ -z "$left" ]; then pass "$1: no temporary file left"; else fail "$1: no temporary file left" "$left"; fi
}
# same NAME A B: files A and B are identical
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$2 differs from $3"; fi; }

# ---- inputs that cannot be read: exit 3 and the reason --------------------
run check "$T_TMP/no-such-file.yaml"
expect_rc "missing input: exit 3" 3
expect_err "missing input: says why" "No such file"
run run "$T_TMP/no-such-file.yaml" $IT
expect_rc "run, missing input: exit 3" 3
mkdir "$T_TMP/adir.yaml"
run check "$T_TMP/adir.yaml"
expect_rc "directory as input: exit 3" 3
expect_err "directory as input: names it" "adir.yaml"
run import "$T_TMP/adir.yaml"
expect_rc "import, directory as input: exit 3" 3
run import "$T_TMP/no-such.xer"
expect_rc "import, missing input: exit 3" 3
if [ "$(id -u)" = 0 ]; then
    skip "unreadable input (chmod 000)" "running as root"
else
    cp "$F" "$T_TMP/locked.yaml"
    chmod 000 "$T_TMP/locked.yaml"
    run check "$T_TMP/locked.yaml"
    expect_rc "unreadable input: exit 3" 3
    expect_err "unreadable input: says why" "Permission denied"
fi

# ---- outputs that cannot be written: exit 3, message, nothing half-written --
# a missing output directory is created (like mkdir -p), before simulating
run run "$F" $IT --json "$T_TMP/no-dir/deeper/out.json"
expect_rc "--json into a missing directory: created" 0
if [ -s "$T_TMP/no-dir/deeper/out.json" ]; then pass "--json into a missing directory: written"; else fail "--json into a missing directory: written"; fi
# a directory that cannot be made (its parent is a file): exit 3 before simulating
run run "$F" $IT --json "$F/sub/out.json"
expect_rc "--json under a file: exit 3" 3
expect_err "--json under a file: names the path" "$F/sub/out.json"
run run "$F" $IT --json /proc/version
expect_rc "--json /proc/version (cannot create or rename): exit 3" 3
expect_err "--json /proc/version: names the path" "/proc/version"
run run "$F" $IT --json /dev/full
expect_rc "--json /dev/full (disk full): exit 3" 3
expect_err "--json /dev/full: says the disk is full" "No space left"
if [ -c /dev/full ]; then pass "--json /dev/full leaves the device in place"; else fail "--json /dev/full leaves the device in place"; fi
"$RISKCAST" run "$F" $IT --json - >/dev/full 2>"$T_TMP/err"; RC=$?
expect_rc "--json - into a full stdout: exit 3" 3
expect_err "--json - into a full stdout: says so" "standard output"
"$RISKCAST" check "$F" >/dev/full 2>"$T_TMP/err"; RC=$?
expect_rc "check into a full stdout: exit 3" 3
run run "$F" $IT --json "$T_TMP"
expect_rc "--json naming a directory: exit 3" 3
run run "$F" $IT --csv /proc/version
expect_rc "--csv naming a file of /proc: exit 3" 3
run report "$F" $IT -o "$F/sub/r.html"
expect_rc "report -o under a file: exit 3" 3
run import tests/data/import/small.xer -q -o "$T_TMP/no-such-dir/x.yaml"
expect_rc "import -o into a missing directory: exit 3" 3
run import tests/data/import/small.xer -q -o /dev/full
expect_rc "import -o /dev/full: exit 3" 3
no_tmp "failed writes" "$T_TMP"

# a previous output stays whole when the new one cannot be written
run run "$F" $IT --json "$T_TMP/prev.json"
expect_rc "first --json written" 0
cp "$T_TMP/prev.json" "$T_TMP/prev.copy"
if [ "$(id -u)" != 0 ]; then
    mkdir "$T_TMP/ro"
    cp "$T_TMP/prev.json" "$T_TMP/ro/out.json"
    chmod 555 "$T_TMP/ro"
    run run "$F" $IT --seed 5 --json "$T_TMP/ro/out.json"
    expect_rc "--json in a read-only directory: exit 3" 3
    same "read-only directory: previous output intact" "$T_TMP/prev.copy" "$T_TMP/ro/out.json"
    chmod 755 "$T_TMP/ro"
else
    skip "--json in a read-only directory" "running as root"
fi
# a full disk: a tiny tmpfs (root only, where mounting is allowed)
mnt="$T_TMP/tiny"
mkdir "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
    cp "$T_TMP/prev.json" "$mnt/out.json"
    # fill what is left, so that the new file cannot fit
    dd if=/dev/zero of="$mnt/fill" bs=1k count=200 2>/dev/null
    run run "$F" $IT --seed 5 --json "$mnt/out.json"
    expect_rc "full disk: exit 3" 3
    expect_err "full disk: says so" "No space left"
    same "full disk: previous output intact" "$T_TMP/prev.copy" "$mnt/out.json"
    no_tmp "full disk" "$mnt"
    rm -f "$mnt/fill"
    mkdir "$mnt/csv"
    dd if=/dev/zero of="$mnt/fill" bs=1k count=200 2>/dev/null
    run run "$F" $IT --csv "$mnt/csv"
    expect_rc "full disk, --csv: exit 3" 3
    no_tmp "full disk, --csv" "$mnt"
    umount "$mnt"
else
    skip "full disk on a 64 KiB tmpfs" "cannot mount a tmpfs here"
fi

# ---- outputs naming the input: refused, exit 2, input untouched ----------
cp "$F" "$T_TMP/in.yaml"
cp "$F" "$T_TMP/in.copy"
run run "$T_TMP/in.yaml" $IT --json "$T_TMP/in.yaml"
expect_rc "run --json INPUT: exit 2" 2
expect_err "run --json INPUT: says why" "is the input file"
run run "$T_TMP/in.yaml" $IT --json "$T_TMP/../$(basename "$T_TMP")/in.yaml"
expect_rc "run --json INPUT by another path: exit 2" 2
run plot "$T_TMP/in.yaml" $IT -o "$T_TMP/in.yaml"
expect_rc "plot -o INPUT: exit 2" 2
run report "$T_TMP/in.yaml" $IT -o "$T_TMP/in.yaml"
expect_rc "report -o INPUT: exit 2" 2
cp tests/data/import/small.xer "$T_TMP/s.xer"
run import "$T_TMP/s.xer" -q -o "$T_TMP/s.xer"
expect_rc "import -o INPUT: exit 2" 2
same "import -o INPUT: schedule untouched" tests/data/import/small.xer "$T_TMP/s.xer"
run compare "$T_TMP/in.yaml" "$F" $IT --json "$T_TMP/in.yaml"
expect_rc "compare --json INPUT: exit 2" 2
same "inputs untouched" "$T_TMP/in.copy" "$T_TMP/in.yaml"

# ---- gnuplot failing or missing: exit 3 with gnuplot's message -----------
mkdir "$T_TMP/fakebin"
cat >"$T_TMP/fakebin/gnuplot" <<'EOF'
#!/bin/sh
echo "fake gnuplot: cannot open the display" >&2
exit 1
EOF
chmod +x "$T_TMP/fakebin/gnuplot"
PATH="$T_TMP/fakebin:$PATH" run plot "$F" $IT -o "$T_TMP/fakeplot"
expect_rc "gnuplot failing: exit 3" 3
expect_err "gnuplot failing: its message is shown" "fake gnuplot: cannot open the display"
if ls "$T_TMP/fakeplot"/*.png >/dev/null 2>&1; then fail "gnuplot failing: no chart written"; else pass "gnuplot failing: no chart written"; fi
no_tmp "gnuplot failing" "$T_TMP/fakeplot"
PATH=/nonexistent "$RISKCAST" plot "$F" $IT -o "$T_TMP/noplot" >"$T_TMP/out" 2>"$T_TMP/err"; RC=$?
expect_rc "gnuplot missing: exit 3" 3
expect_err "gnuplot missing: says to install it" "gnuplot"
if command -v gnuplot >/dev/null 2>&1; then
    # charts drawn once, then a failing gnuplot: the old charts stay whole
    run plot "$F" $IT -o "$T_TMP/charts"
    expect_rc "charts drawn" 0
    cp "$T_TMP/charts/finish.png" "$T_TMP/finish.copy"
    cat >"$T_TMP/fakebin/gnuplot" <<'EOF'
#!/bin/sh
# writes half a chart, then fails
out=$(printf '%s\n' "$2" | sed "s/^rc_output='\(.*\)'$/\1/")
printf 'half a png' >"$out"
echo "fake gnuplot: died halfway" >&2
exit 1
EOF
    PATH="$T_TMP/fakebin:$PATH" run plot "$F" $IT --seed 9 -o "$T_TMP/charts"
    expect_rc "gnuplot dying halfway: exit 3" 3
    same "gnuplot dying halfway: previous chart intact" "$T_TMP/finish.copy" "$T_TMP/charts/finish.png"
    no_tmp "gnuplot dying halfway" "$T_TMP/charts"
else
    skip "previous charts intact after gnuplot fails" "gnuplot is not installed"
fi

# ---- interrupted runs: exit 130 / 143, a message, no partial output --------
if command -v python3 >/dev/null 2>&1; then
    python3 tests/bench/gen_network.py --tasks 2000 --risks 30 >"$T_TMP/big.yaml"
    for sig in INT TERM; do
        d="$T_TMP/int-$sig"
        mkdir "$d"
        "$RISKCAST" run "$T_TMP/big.yaml" --iterations 5000000 --threads 2 --quiet \
            --json "$d/out.json" --csv "$d/csv" >"$T_TMP/out" 2>"$T_TMP/err" &
        pid=$!
        sleep 1
        kill -s "$sig" "$pid"
        wait "$pid"; RC=$?
        want=130; [ "$sig" = TERM ] && want=143
        expect_rc "SIG$sig during a long run: exit $want" "$want"
        expect_err "SIG$sig: says it was interrupted" "interrupted"
        if [ -e "$d/out.json" ]; then fail "SIG$sig: no out.json"; else pass "SIG$sig: no out.json"; fi
        no_tmp "SIG$sig" "$d"
    done
else
    skip "interrupted run" "python3 is not installed"
fi

# ---- the memory limit: refused before simulating, naming the limit --------
if command -v python3 >/dev/null 2>&1; then
    python3 tests/bench/gen_network.py --tasks 20000 --risks 5 >"$T_TMP/wide.yaml"
    run run "$T_TMP/wide.yaml" --iterations 100000000 --threads 256 --quiet
    expect_rc "iterations x tasks x threads over the memory limit: exit 2" 2
    expect_err "memory limit: names the iterations" "100000000 iterations"
    expect_err "memory limit: names the limit" "limit of 8 GiB"
else
    skip "memory limit" "python3 is not installed"
fi

finish
