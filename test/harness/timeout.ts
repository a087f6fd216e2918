// Per-tier default test timeout (jest's `testTimeout` is a global option, not a project one).
// jest.config.js passes the tier's budget in `testEnvironmentOptions.timeoutMs`.
const budget = Number((globalThis as { __PSAFO_TIMEOUT_MS__?: number }).__PSAFO_TIMEOUT_MS__ ?? 5000);
jest.setTimeout(budget);
