// Per-test timeouts for the few tests that move hundreds of thousands of rows
// or send thousands of requests (the fuzz test).
// They are hang guards, not speed checks: sized so a 2-core machine at a load
// average of 15 (a second suite and builds running) still finishes them. On a
// quiet machine these tests take 20–60 s.
export const HEAVY_TEST_TIMEOUT_MS = 15 * 60_000;
