using System.Globalization;

namespace KoraInfra.TestCases;

/// <summary>
/// k6 end-of-test summaries in the two shapes k6 writes: <c>k6 run --summary-export FILE</c>
/// (values flat beside each metric, checks keyed by name, thresholds as "failed?" booleans) and a
/// <c>handleSummary</c> dump (values under <c>values</c>, checks as an array).
/// </summary>
public static class K6Summaries
{
    /// <summary>A <c>--summary-export</c> file as k6 v0.5x writes it.</summary>
    public static string Export(double p95 = 212.48, double failed = 0.0021, double iterationsRate = 49.91, double durationMs = 900_412.7, bool thresholdCrossed = false) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "root_group": {
            "name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e",
            "groups": {},
            "checks": {
              "status is 2xx": { "name": "status is 2xx", "path": "::status is 2xx", "id": "c8b2e5a5b2b1", "passes": 44867, "fails": 94 }
            }
          },
          "options": { "summaryTrendStats": ["avg", "min", "med", "max", "p(90)", "p(95)"], "summaryTimeUnit": "", "noColor": false },
          "state": { "isStdOutTTY": false, "isStdErrTTY": false, "testRunDurationMs": {{durationMs}} },
          "metrics": {
            "http_req_duration": { "avg": 98.1, "min": 11.2, "med": 81.9, "max": 1401.3, "p(90)": 170.2, "p(95)": {{p95}},
              "thresholds": { "p(95)<500": {{(thresholdCrossed ? "true" : "false")}} } },
            "http_req_failed": { "passes": 94, "fails": 44867, "value": {{failed}}, "thresholds": { "rate<0.01": false } },
            "http_reqs": { "count": 44961, "rate": 49.93 },
            "iterations": { "count": 44961, "rate": {{iterationsRate}} },
            "iteration_duration": { "avg": 99.2, "min": 12.0, "med": 82.5, "max": 1402.0, "p(90)": 171.1, "p(95)": 213.4 },
            "vus": { "value": 7, "min": 3, "max": 19 },
            "checks": { "passes": 44867, "fails": 94, "value": 0.9979 }
          }
        }
        """);

    /// <summary>A smoke run's <c>--summary-export</c>: one check per step, in a group of its own.</summary>
    public static string Smoke(long executeFails = 0, bool withList = true) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "root_group": {
            "name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e",
            "groups": {
              "smoke:runtime": {
                "name": "smoke:runtime", "path": "::smoke:runtime", "id": "9a1f", "groups": {},
                "checks": {
                  "health": { "name": "health", "path": "::smoke:runtime::health", "id": "1", "passes": 1, "fails": 0 },
                  {{(withList ? "\"list\": { \"name\": \"list\", \"path\": \"::smoke:runtime::list\", \"id\": \"2\", \"passes\": 1, \"fails\": 0 }," : string.Empty)}}
                  "execute": { "name": "execute", "path": "::smoke:runtime::execute", "id": "3", "passes": {{1 - executeFails}}, "fails": {{executeFails}} }
                }
              }
            },
            "checks": {}
          },
          "state": { "isStdOutTTY": false, "isStdErrTTY": false, "testRunDurationMs": 1532.2 },
          "metrics": {
            "http_req_duration": { "avg": 81.0, "min": 20.1, "med": 70.4, "max": 160.2, "p(90)": 150.1, "p(95)": 155.3 },
            "http_req_failed": { "passes": {{executeFails}}, "fails": 3, "value": 0 },
            "http_reqs": { "count": 3, "rate": 1.95 },
            "iterations": { "count": 1, "rate": 0.65 }
          }
        }
        """);

    /// <summary>The same load run as <c>handleSummary</c>'s <c>JSON.stringify(data)</c> writes it.</summary>
    public static string HandleSummary(double p95 = 212.48, double failedRate = 0.0021) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "root_group": { "name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": [],
            "checks": [ { "name": "status is 2xx", "path": "::status is 2xx", "id": "c8b2", "passes": 44867, "fails": 94 } ] },
          "options": { "summaryTrendStats": ["avg", "min", "med", "max", "p(90)", "p(95)"], "summaryTimeUnit": "", "noColor": false },
          "state": { "isStdOutTTY": false, "isStdErrTTY": false, "testRunDurationMs": 900412.7 },
          "metrics": {
            "http_req_duration": { "type": "trend", "contains": "time", "values": { "avg": 98.1, "min": 11.2, "med": 81.9, "max": 1401.3, "p(90)": 170.2, "p(95)": {{p95}} },
              "thresholds": { "p(95)<500": { "ok": true } } },
            "http_req_failed": { "type": "rate", "contains": "default", "values": { "rate": {{failedRate}}, "passes": 94, "fails": 44867 } },
            "http_reqs": { "type": "counter", "contains": "default", "values": { "count": 44961, "rate": 49.93 } },
            "iterations": { "type": "counter", "contains": "default", "values": { "count": 44961, "rate": 49.91 } }
          }
        }
        """);
}
