// Judges the dependency scan: the JSON of `dotnet list package --vulnerable --include-transitive
// --format json` (one file per project) and of `npm audit --json` (one per locked package
// directory), against the committed allowlist. Fails on a high or critical advisory that no
// unexpired allowlist entry names, on an expired or incomplete entry, and says plainly which
// scans did not run because a service did not answer: nothing passes silently.
//
// usage: node dependency-verdict.mjs ALLOWLIST TODAY(YYYY-MM-DD) REPORT...
//   a REPORT is nuget:<project>=<file> or npm:<directory>=<file>
import { readFileSync } from "node:fs";

const [allowlistPath, today, ...reports] = process.argv.slice(2);
const blocking = new Set(["high", "critical"]);
const failures = [];
const notes = [];
const notScanned = [];

let entries = [];
try {
  entries = JSON.parse(readFileSync(allowlistPath, "utf8")).entries ?? [];
} catch (error) {
  failures.push(`${allowlistPath}: not a readable allowlist (${error.message}); expected {"entries": [...]}`);
}

entries.forEach((entry, i) => {
  const where = `${allowlistPath}: entries[${i}]`;
  for (const field of ["ecosystem", "package", "advisory", "reason", "expires"]) {
    if (typeof entry[field] !== "string" || entry[field].trim() === "") {
      failures.push(`${where}: no '${field}'; every entry names the ecosystem (nuget or npm), package, advisory URL, a reason and an expiry date`);
    }
  }
  if (typeof entry.expires === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(entry.expires)) {
    failures.push(`${where}: expires '${entry.expires}' is not a date; expected YYYY-MM-DD`);
  } else if (typeof entry.expires === "string" && entry.expires < today) {
    failures.push(`${where}: the exception for ${entry.package} (${entry.advisory}) expired on ${entry.expires}; fix the dependency or renew the entry with a new reason`);
  }
});

const allowed = (ecosystem, pkg, advisory) =>
  entries.some(e => e.ecosystem === ecosystem && e.package === pkg && e.advisory === advisory && typeof e.expires === "string" && e.expires >= today && (e.reason ?? "").trim() !== "");

function judge(ecosystem, where, pkg, version, severity, advisory) {
  const level = String(severity).toLowerCase();
  const line = `${ecosystem} ${where}: ${pkg} ${version}: ${level} advisory ${advisory}`;
  if (!blocking.has(level)) {
    notes.push(`${line} (below high: reported, not blocking)`);
  } else if (allowed(ecosystem, pkg, advisory)) {
    notes.push(`${line} (allowed by the allowlist until its expiry)`);
  } else {
    failures.push(`${line}; update the package, or add an allowlist entry with a reason and an expiry date`);
  }
}

let scanned = 0;
for (const report of reports) {
  const match = /^(nuget|npm):([^=]+)=(.+)$/.exec(report);
  if (!match) {
    failures.push(`'${report}': expected nuget:<project>=<file> or npm:<directory>=<file>`);
    continue;
  }
  const [, ecosystem, where, file] = match;
  let json;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    (ecosystem === "npm" ? notScanned : failures).push(`${ecosystem} ${where}: the scanner's output is not JSON (${error.message.split("\n")[0]})`);
    continue;
  }

  if (ecosystem === "nuget") {
    for (const problem of json.problems ?? []) {
      (problem.level === "error" ? failures : notes).push(`nuget ${where}: ${problem.text}`);
    }
    for (const project of json.projects ?? []) {
      for (const framework of project.frameworks ?? []) {
        for (const pkg of [...(framework.topLevelPackages ?? []), ...(framework.transitivePackages ?? [])]) {
          for (const v of pkg.vulnerabilities ?? []) {
            judge("nuget", where, pkg.id, pkg.resolvedVersion, v.severity, v.advisoryurl);
          }
        }
      }
    }
    scanned++;
  } else if (json.error || !json.metadata?.vulnerabilities) {
    const why = json.error?.summary || json.message || json.error?.code || "no audit report";
    notScanned.push(`npm ${where}: the registry's audit service did not answer (${String(why).split("\n")[0]}); its locked dependencies were NOT scanned`);
  } else {
    for (const [name, vulnerability] of Object.entries(json.vulnerabilities ?? {})) {
      for (const via of vulnerability.via ?? []) {
        if (typeof via === "object") {
          judge("npm", where, name, vulnerability.range, via.severity, via.url);
        }
      }
    }
    scanned++;
  }
}

for (const note of notes) console.log(`note: ${note}`);
for (const line of notScanned) console.log(`NOT SCANNED: ${line}`);
for (const failure of failures) console.log(`FAIL: ${failure}`);
console.log(`dependency scan: ${scanned} report(s) judged, ${notScanned.length} not scanned, ${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
