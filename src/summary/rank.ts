// How representative a sentence is: LexRank centrality over TF-IDF vectors within its section and
// closeness to the whole document, with its position and its heading's words as priors.
import { terms } from './terms.js';

export interface Candidate {
  text: string;
  /** Index of its section in the document (the opening prose is its own section). */
  section: number;
  /** Its order among its section's candidates, from 0. */
  position: number;
  /** The words of its section's heading, a prior: a sentence about what the heading names. */
  heading: string;
}

type Vector = Map<string, number>;

/** Sentences further down a section than this are not ranked: a summary quotes none of them. */
const rankedPerSection = 60;

/** A score between 0 and 1 for each candidate, in the order given. The same input always gives the same scores. */
export function rankCandidates(candidates: Candidate[], lang: string): number[] {
  const termLists = candidates.map((candidate) => terms(candidate.text, lang));
  const documents = new Map<string, number>();
  for (const list of termLists) for (const term of new Set(list)) documents.set(term, (documents.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log((1 + candidates.length) / (1 + (documents.get(term) ?? 0))) + 1;
  const vectors = termLists.map((list) => {
    const vector: Vector = new Map();
    for (const term of list) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, count] of vector) vector.set(term, (1 + Math.log(count)) * idf(term));
    return normalise(vector);
  });

  const centroid: Vector = new Map();
  for (const vector of vectors)
    for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
  const whole = normalise(centroid);
  const inDocument = scaled(vectors.map((vector) => cosine(vector, whole)));

  const inSection = new Array<number>(candidates.length).fill(0);
  const bySection = new Map<number, number[]>();
  candidates.forEach((candidate, i) => {
    if (candidate.position < rankedPerSection)
      bySection.set(candidate.section, [...(bySection.get(candidate.section) ?? []), i]);
  });
  for (const members of bySection.values()) {
    const ranks = scaled(lexRank(members.map((i) => vectors[i]!)));
    members.forEach((i, k) => {
      inSection[i] = ranks[k]!;
    });
  }

  return candidates.map((candidate, i) => {
    const heading = new Set(terms(candidate.heading, lang));
    const own = new Set(termLists[i]);
    const about = heading.size ? [...heading].filter((term) => own.has(term)).length / heading.size : 0;
    const lead = 1 / Math.sqrt(1 + candidate.position);
    return 0.3 * inSection[i]! + 0.25 * inDocument[i]! + 0.3 * lead + 0.15 * about;
  });
}

/** Continuous LexRank: the stationary distribution of a random walk over cosine similarities, damped. */
function lexRank(vectors: Vector[], damping = 0.85, rounds = 40): number[] {
  const n = vectors.length;
  if (n <= 2) return vectors.map(() => 1);
  const weights = vectors.map((a) => vectors.map((b) => (a === b ? 0 : cosine(a, b))));
  const totals = weights.map((row) => row.reduce((sum, weight) => sum + weight, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let round = 0; round < rounds; round++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let i = 0; i < n; i++) {
      // A sentence sharing no term with any other spreads its rank evenly.
      if (totals[i] === 0) for (let j = 0; j < n; j++) next[j]! += (damping * rank[i]!) / n;
      else for (let j = 0; j < n; j++) next[j]! += (damping * rank[i]! * weights[i]![j]!) / totals[i]!;
    }
    rank = next;
  }
  return rank;
}

function normalise(vector: Vector): Vector {
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  return new Map([...vector].map(([term, weight]) => [term, weight / norm]));
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** Divided by the largest, so that every section's best scores 1. */
function scaled(values: number[]): number[] {
  const top = Math.max(0, ...values);
  return values.map((value) => (top > 0 ? value / top : 0));
}
