#!/bin/sh
# bench-smoke.sh BENCHDIR: every benchmark in BENCHDIR in quick mode (bench-quick.h):
# small data, a run or two each, figures that mean nothing. A test (suite 'bench'), so
# that a change that stops a benchmark from running shows in the tests rather than on
# the next `build-aux/dev bench`. A benchmark fails it when it exits with an error,
# prints nothing, or says it could not take a figure. TAP on stdout.
set -u

dir=$1
export CPKIT_BENCH_QUICK=1
n=0
failed=0
for bench in "$dir"/bench-*; do
  [ -f "$bench" ] && [ -x "$bench" ] || continue
  n=$((n + 1))
  name=${bench##*/}
  out=$("$bench" 2>&1)
  status=$?
  if [ "$status" -ne 0 ] || [ -z "$out" ] \
     || printf '%s\n' "$out" | grep -q -e 'no window appeared' -e 'no first frame'; then
    echo "not ok $n $name (exit status $status)"
    printf '%s\n' "$out" | tail -n 20 | sed 's/^/# /'
    failed=1
  else
    echo "ok $n $name"
  fi
done
echo "1..$n"
[ "$n" -gt 0 ] || { echo "# no benchmark in $dir"; exit 1; }
exit $failed
