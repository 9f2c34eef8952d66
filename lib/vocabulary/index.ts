// The product's vocabulary in one place: qualifiers and their phrases, statuses,
// metric kinds, intervals, date and id rules, and text limits. Pure: no I/O.
export * from './qualifiers';
export * from './records';
export * from './dates';
export * from './ids';
export * from './limits';
