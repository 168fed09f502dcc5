/**
 * The conformance kit's programmatic surface, for vendors who prefer a test runner to the CLI.
 *
 * @example
 * import { runConformance, junitReporter } from './conformance/index.js';
 * const report = await runConformance({ configPath: 'vendor.yaml', reporters: [junitReporter('conformance.xml')] });
 * if (report.summary.unexpected) process.exitCode = 1;
 */
export { runConformance, type RunOptions } from './run-conformance.js';
export type { CheckResult, CheckStatus, Reporter, RunReport } from './runner/report.js';
export { CHECKS, type CheckDefinition, type CheckId } from './checks.js';
export { loadVendorConfig, VENDOR_CONFIG_SCHEMA, VendorConfigError, type VendorConfig } from './contract/vendor-config.js';
export { consoleReporter } from './reporters/console-reporter.js';
export { junitReporter } from './reporters/junit-reporter.js';
export { jsonReporter } from './reporters/json-reporter.js';
export { htmlReporter } from './reporters/html-reporter.js';
