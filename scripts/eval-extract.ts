// Measures the figure extractor against the annotated corpus and times a ~5,000-word report.
// Run: tsx scripts/eval-extract.ts   (exits 1 when a target is missed)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_METRIC_CUES, extractCandidates } from '../lib/extract/extractCandidates';
import { FIELDS, TARGETS, evaluateExtraction, missedTargets, type Passage } from '../lib/extract/evaluate';
import type { PlaceRef } from '../lib/extract/types';

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', '__tests__', 'lib', 'extract', 'corpus');
const passages = JSON.parse(readFileSync(join(corpusDir, 'passages.json'), 'utf8')) as Passage[];
const places = JSON.parse(readFileSync(join(corpusDir, 'places.json'), 'utf8')) as PlaceRef[];

const report = evaluateExtraction(passages, places);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
console.log(`Corpus: ${passages.length} passages, ${passages.reduce((n, p) => n + p.expected.length, 0)} expected candidates\n`);
console.log('field        precision  recall   target (P/R)   correct/predicted/expected');
for (const field of FIELDS) {
  const s = report.fields[field];
  const t = TARGETS[field];
  console.log(
    `${field.padEnd(12)} ${pct(s.precision)}  ${pct(s.recall)}   ${t.precision}/${t.recall}      ${s.correct}/${s.predicted}/${s.expected}`,
  );
}
const o = report.overall;
console.log(`${'overall'.padEnd(12)} ${pct(o.precision)}  ${pct(o.recall)}                  ${o.correct}/${o.predicted}/${o.expected}`);

if (process.argv.includes('--verbose')) {
  for (const miss of report.misses) console.log(`  ${miss.id}: spurious ${JSON.stringify(miss.spurious)} missed ${JSON.stringify(miss.missed)}`);
}

// Timing: the corpus repeated into one report of about 5,000 words.
const body = passages.map((p) => p.text).join('\n\n');
const words = body.split(/\s+/).length;
const report5k = Array.from({ length: Math.ceil(5000 / words) }, () => body).join('\n\n');
const options = { publishedAt: '2022-03-15', metrics: DEFAULT_METRIC_CUES, places };
extractCandidates(report5k, options); // warm-up
const runs = 5;
const started = performance.now();
let found = 0;
for (let i = 0; i < runs; i++) found = extractCandidates(report5k, options).length;
const ms = (performance.now() - started) / runs;
console.log(`\nTiming: ${report5k.split(/\s+/).length} words, ${found} candidates, ${ms.toFixed(1)} ms per run (target < 200 ms)`);

const failures = missedTargets(report);
if (ms >= 200) failures.push(`timing ${ms.toFixed(1)} ms >= 200 ms`);
if (failures.length > 0) {
  console.error(`\nTargets missed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll targets met.');
