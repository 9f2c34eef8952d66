// Would a small model decide "is this number a figure, and of which metric" better than the rules?
// Trains a multinomial logistic regression over the context features of lib/extract/features.ts
// on the DEV split and compares it with the rules (extractCandidates), number by number:
//   - 5-fold cross-validation on dev (folds by passage; the rules were tuned on all of dev, so
//     their dev score is optimistic),
//   - trained on all of dev, scored on the legacy corpus (passages.json + holdout.json), which
//     neither was fitted to (their annotation differs on a few points; see the corpus README).
// The test split is never read here. Run: npx tsx scripts/train-figure-model.ts [--write]
// With --write the weights trained on all of dev go to lib/extract/figureModel.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_METRIC_CUES, extractCandidates } from '../lib/extract/extractCandidates';
import { expectedSpans, type Passage } from '../lib/extract/evaluate';
import { numberFeatures } from '../lib/extract/features';
import type { PlaceRef } from '../lib/extract/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = (file: string) => JSON.parse(readFileSync(join(root, '__tests__', 'lib', 'extract', 'corpus', file), 'utf8'));
const places = corpus('places.json') as PlaceRef[];
const dev = corpus('dev.json') as Passage[];
const legacy = [...(corpus('passages.json') as Passage[]), ...(corpus('holdout.json') as Passage[])];
const CLASSES = ['none', ...DEFAULT_METRIC_CUES.map((m) => m.key)];

interface Example {
  passage: string;
  features: string[];
  gold: string;
  rules: string;
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

function examples(passages: Passage[]): Example[] {
  return passages.flatMap((p) => {
    const spans = expectedSpans(p.text, p.expected);
    const candidates = extractCandidates(p.text, { publishedAt: p.publishedAt, metrics: DEFAULT_METRIC_CUES, places });
    return numberFeatures(p.text, DEFAULT_METRIC_CUES, places).map((n) => {
      const span: [number, number] = [n.span.start, n.span.end];
      const figure = spans.findIndex((s) => s.some((x) => overlaps(x, span)));
      const candidate = candidates.find((c) => c.mentions.some((m) => overlaps([m.start, m.end], span)));
      return { passage: p.id, features: n.features, gold: figure >= 0 ? p.expected[figure].metric : 'none', rules: candidate?.metric ?? 'none' };
    });
  });
}

type Weights = Map<string, number[]>;

function probabilities(w: Weights, features: string[]): number[] {
  const z = CLASSES.map(() => 0);
  for (const f of features) {
    const row = w.get(f);
    if (row) for (let k = 0; k < z.length; k++) z[k] += row[k];
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Full-batch gradient descent on the softmax cross-entropy with an L2 penalty. */
function train(data: Example[], epochs = 300, rate = 0.5, l2 = 0.002): Weights {
  const w: Weights = new Map();
  for (const x of data) for (const f of x.features) if (!w.has(f)) w.set(f, CLASSES.map(() => 0));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad: Weights = new Map();
    for (const x of data) {
      const p = probabilities(w, x.features);
      const y = CLASSES.indexOf(x.gold);
      for (const f of x.features) {
        const g = grad.get(f) ?? CLASSES.map(() => 0);
        for (let k = 0; k < CLASSES.length; k++) g[k] += p[k] - (k === y ? 1 : 0);
        grad.set(f, g);
      }
    }
    for (const [f, row] of w) {
      const g = grad.get(f);
      for (let k = 0; k < CLASSES.length; k++) row[k] -= (rate / data.length) * ((g?.[k] ?? 0) + l2 * data.length * row[k]);
    }
  }
  return w;
}

const predict = (w: Weights, x: Example) => {
  const p = probabilities(w, x.features);
  return CLASSES[p.indexOf(Math.max(...p))];
};

function score(pairs: Array<{ predicted: string; gold: string }>) {
  const predicted = pairs.filter((p) => p.predicted !== 'none').length;
  const expected = pairs.filter((p) => p.gold !== 'none').length;
  const correct = pairs.filter((p) => p.predicted !== 'none' && p.predicted === p.gold).length;
  const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1)}%`.padStart(6));
  return `P ${pct(correct, predicted)}  R ${pct(correct, expected)}  (${correct}/${predicted}/${expected})`;
}

// The model's word on top of the rules: it may only veto a rule candidate it is sure is no figure.
const hybrid = (w: Weights, x: Example) => {
  const p = probabilities(w, x.features);
  return x.rules !== 'none' && p[0] > 0.8 ? 'none' : x.rules;
};

const devExamples = examples(dev);
const legacyExamples = examples(legacy);
const ids = [...new Set(devExamples.map((x) => x.passage))];
const cv: Array<{ predicted: string; gold: string; hybrid: string; rules: string }> = [];
for (let fold = 0; fold < 5; fold++) {
  const held = new Set(ids.filter((_, i) => i % 5 === fold));
  const w = train(devExamples.filter((x) => !held.has(x.passage)));
  for (const x of devExamples.filter((e) => held.has(e.passage))) cv.push({ predicted: predict(w, x), gold: x.gold, hybrid: hybrid(w, x), rules: x.rules });
}
const all = train(devExamples);

console.log(`Numbers: dev ${devExamples.length} (${devExamples.filter((x) => x.gold !== 'none').length} figures), legacy ${legacyExamples.length} (${legacyExamples.filter((x) => x.gold !== 'none').length} figures)`);
console.log('figure and metric right, number by number');
console.log(`dev, rules (tuned on dev)          ${score(devExamples.map((x) => ({ predicted: x.rules, gold: x.gold })))}`);
console.log(`dev, logistic regression (5-fold)  ${score(cv)}`);
console.log(`dev, rules + model veto (5-fold)   ${score(cv.map((x) => ({ predicted: x.hybrid, gold: x.gold })))}`);
console.log(`legacy, rules                      ${score(legacyExamples.map((x) => ({ predicted: x.rules, gold: x.gold })))}`);
console.log(`legacy, logistic regression (dev)  ${score(legacyExamples.map((x) => ({ predicted: predict(all, x), gold: x.gold })))}`);
console.log(`legacy, rules + model veto (dev)   ${score(legacyExamples.map((x) => ({ predicted: hybrid(all, x), gold: x.gold })))}`);

// The same model without the features the rules compute (metric nouns and cues, "not a count"
// reasons, sub-figures): words, lemmas, tags and places around the number only.
const RULE_FEATURES = /^(?:head-metric|not-count|clause-cue|subfigure)/;
const plain = (data: Example[]) => data.map((x) => ({ ...x, features: x.features.filter((f) => !RULE_FEATURES.test(f)) }));
const plainCv: Array<{ predicted: string; gold: string }> = [];
for (let fold = 0; fold < 5; fold++) {
  const held = new Set(ids.filter((_, i) => i % 5 === fold));
  const w = train(plain(devExamples.filter((x) => !held.has(x.passage))));
  for (const x of plain(devExamples.filter((e) => held.has(e.passage)))) plainCv.push({ predicted: predict(w, x), gold: x.gold });
}
const plainAll = train(plain(devExamples));
console.log(`dev, context-only regression (5-fold) ${score(plainCv)}`);
console.log(`legacy, context-only regression (dev) ${score(plain(legacyExamples).map((x) => ({ predicted: predict(plainAll, x), gold: x.gold })))}`);

if (process.argv.includes('--write')) {
  const weights = Object.fromEntries([...all].filter(([, row]) => row.some((v) => Math.abs(v) > 1e-3)).map(([f, row]) => [f, row.map((v) => Math.round(v * 1e4) / 1e4)]));
  writeFileSync(join(root, 'lib', 'extract', 'figureModel.json'), `${JSON.stringify({ classes: CLASSES, weights }, null, 0)}\n`);
  console.log('Wrote lib/extract/figureModel.json');
}
