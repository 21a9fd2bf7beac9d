#!/usr/bin/env bash
# Runs one of the suspended k6 CronJobs the program declares in staging (kora-load, kora-soak,
# kora-smoke), waits for its Job, and writes the summary line k6's handleSummary printed to a
# file `kora evidence from-k6` reads. A run whose thresholds failed still yields its summary: the
# record says it failed, and why. No summary at all (the pod never ran k6) is an error.
#
#   run-k6.sh <cronjob> <summary.json>      prints the UTC start time on stdout
#
# KORA_REQUIRE_COMPLETE=1 also fails when k6 failed its thresholds: a staging deploy from main has
# no RC to bind a record to, so its smoke stops the workflow instead.
set -euo pipefail
cronjob=${1:?usage: run-k6.sh <cronjob> <summary.json>}
out=${2:?usage: run-k6.sh <cronjob> <summary.json>}
ns=kora-verification
job="$cronjob-$(date -u +%Y%m%d%H%M%S)"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
kubectl -n "$ns" create job "$job" --from="cronjob/$cronjob" >&2
deadline=$(kubectl -n "$ns" get job "$job" -o jsonpath='{.spec.activeDeadlineSeconds}')
end=$(( $(date +%s) + deadline + 300 ))
state=
while [ "$(date +%s)" -lt "$end" ]; do
  state=$(kubectl -n "$ns" get job "$job" -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
  case "$state" in *Complete*|*Failed*) break ;; esac
  sleep 15
done
case "$state" in
  *Complete*|*Failed*) ;;
  *) echo "run-k6.sh: job $ns/$job did not finish within ${deadline}s + 300s" >&2; exit 1 ;;
esac
kubectl -n "$ns" logs "job/$job" | sed -n 's/^KORA_K6_SUMMARY //p' | tail -n 1 > "$out"
if [ ! -s "$out" ]; then
  echo "run-k6.sh: job $ns/$job ($state) printed no KORA_K6_SUMMARY line; its log:" >&2
  kubectl -n "$ns" logs "job/$job" --tail=50 >&2 || true
  exit 1
fi
if [ "${KORA_REQUIRE_COMPLETE:-0}" = 1 ] && [[ "$state" != *Complete* ]]; then
  echo "run-k6.sh: job $ns/$job failed its checks (summary in $out)" >&2
  exit 1
fi
echo "$started"
