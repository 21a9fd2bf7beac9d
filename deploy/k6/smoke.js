// smoke:runtime after every staging deploy (docs/verification.md, "Smoke"): health, list and
// execute, once each, as checks named exactly so; `kora evidence from-k6 --kind smoke-runtime`
// fails the record when any of the three is missing or failed.
import http from 'k6/http';
import { check, group } from 'k6';

const target = __ENV.KORA_TARGET_URL;
if (!target) {
  throw new Error('KORA_TARGET_URL must be set (the Job sets it from kora-infra:verification.targetUrl)');
}

export const options = {
  vus: 1,
  iterations: 1,
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'],
  // Every check must pass: k6 then exits non-zero and the Job fails, which is how a staging
  // deploy with no RC to record against still stops on a failed smoke.
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  group('smoke:runtime', () => {
    const health = http.get(`${target}/health`);
    check(health, { health: (r) => r.status === 200 });

    const list = http.get(`${target}/api/v1/flows`);
    check(list, { list: (r) => r.status === 200 && Array.isArray(r.json('items')) });

    // The smoke flow every staging tenant fixture carries: it has no side effect outside staging.
    const run = http.post(`${target}/api/v1/flows/smoke/execute`, JSON.stringify({ dryRun: true }), {
      headers: { 'Content-Type': 'application/json' },
    });
    check(run, { execute: (r) => r.status >= 200 && r.status < 300 });
  });
}

// The summary as one marked line of the Job's log, where the pipeline reads it
// (scripts/verification/run-k6.sh); `kora evidence from-k6` reads this shape as well as
// --summary-export's.
export function handleSummary(data) {
  return { stdout: `\nKORA_K6_SUMMARY ${JSON.stringify(data)}\n` };
}
