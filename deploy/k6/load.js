// Load and soak against the staging runtime (docs/verification.md, "Load and soak").
// The rate, duration and thresholds come from the stack's kora-infra:verification, passed in by
// the Job as KORA_* variables; the thresholds here make k6 stop on a clear failure, but the
// record is judged by `kora evidence from-k6` against the settings, never by k6's own verdict.
import http from 'k6/http';
import { check } from 'k6';

const target = __ENV.KORA_TARGET_URL;
const rate = Number(__ENV.KORA_RATE);
const p95 = Number(__ENV.KORA_P95_MS);
const errorRate = Number(__ENV.KORA_ERROR_RATE);
if (!target || !(rate > 0) || !__ENV.KORA_DURATION || !(p95 > 0) || !(errorRate >= 0)) {
  throw new Error('KORA_TARGET_URL, KORA_RATE, KORA_DURATION, KORA_P95_MS and KORA_ERROR_RATE must be set (the Job sets them from the stack settings)');
}

export const options = {
  scenarios: {
    runtime: {
      executor: 'constant-arrival-rate',
      rate,
      timeUnit: '1s',
      duration: __ENV.KORA_DURATION,
      // Enough virtual users for the rate at a few seconds per request; k6 reports dropped
      // iterations otherwise, and the record fails for not generating the load.
      preAllocatedVUs: Math.max(10, rate * 2),
      maxVUs: Math.max(50, rate * 10),
    },
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'],
  thresholds: {
    http_req_duration: [`p(95)<=${p95}`],
    http_req_failed: [`rate<=${errorRate}`],
  },
};

// The mix the runtime serves most: reads of the flow list with a health probe now and then.
export default function () {
  const list = http.get(`${target}/api/v1/flows`, { tags: { step: 'list' } });
  check(list, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 });
  if (__ITER % 20 === 0) {
    http.get(`${target}/health`, { tags: { step: 'health' } });
  }
}

// The summary as one marked line of the Job's log, where the pipeline reads it
// (scripts/verification/run-k6.sh); `kora evidence from-k6` reads this shape as well as
// --summary-export's.
export function handleSummary(data) {
  return { stdout: `\nKORA_K6_SUMMARY ${JSON.stringify(data)}\n` };
}
