/**
 * npm run audit — production dependencies free of high and critical advisories.
 *
 * Runs `npm audit --omit=dev` and fails on any high or critical advisory. When the advisory
 * service cannot be asked (offline, or a registry mirror that does not serve the audit endpoint —
 * this project's own CI registry answers 405), it says so loudly and falls back to the floor
 * versions below, the fixes of the advisories that matter for untrusted input, checked against
 * the installed packages: a check that still fails when a vulnerable version is installed.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** package → [first fixed version, advisory]. */
const FLOORS: Record<string, [string, string]> = {
  'pdfjs-dist': ['4.2.67', 'CVE-2024-4367: arbitrary JavaScript through a crafted FontMatrix'],
  papaparse: ['5.2.0', 'CVE-2020-36649: ReDoS in the number detection'],
  zod: ['3.22.3', 'CVE-2023-4316: ReDoS in email validation'],
  'tesseract.js': ['5.0.0', 'older workers fetched code and models from a CDN at run time'],
};

function newer(a: string, b: string): boolean {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return true;
}

interface AuditJson {
  error?: { summary?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
}

let report: AuditJson | undefined;
try {
  const { stdout } = await run('npm', ['audit', '--omit=dev', '--json'], { maxBuffer: 64 * 1024 * 1024 });
  report = JSON.parse(stdout) as AuditJson;
} catch (error) {
  // npm audit exits non-zero both when it finds advisories and when it cannot ask.
  const stdout = (error as { stdout?: string }).stdout ?? '';
  try {
    report = JSON.parse(stdout) as AuditJson;
  } catch {
    report = undefined;
  }
}

let failed = false;
if (report && !report.error && report.metadata?.vulnerabilities) {
  const counts = report.metadata.vulnerabilities;
  console.log(`npm audit (production dependencies): ${JSON.stringify(counts)}`);
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
    if (v.severity === 'high' || v.severity === 'critical') {
      console.log(`  ${v.severity}: ${name}`);
      failed = true;
    }
} else {
  console.log(
    `npm audit: the advisory service did not answer (${report?.error?.summary ?? 'no report'}); checking the fixed-version floors instead`,
  );
}
for (const [name, [floor, advisory]] of Object.entries(FLOORS)) {
  const installed = (
    JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }
  ).version;
  const ok = newer(installed, floor);
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name} ${installed} (≥ ${floor}: ${advisory})`);
  if (!ok) failed = true;
}
process.exitCode = failed ? 1 : 0;
