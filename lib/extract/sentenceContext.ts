// What the assembly keeps per sentence and per number while it reads a report: the sentence's
// context (for later sentences), each number's reading, and each candidate under construction.
import type { AttributionMention } from './attribution';
import type { MetricMatch } from './metrics';
import type { NumberMention } from './numbers';
import type { LastPlaces, PlaceMention } from './places';
import type { Token } from './tokens';
import type { Candidate, NamedPlace, Span } from './types';

export interface SentenceContext {
  sentence: Span;
  paragraph: number;
  tokens: Token[];
  attributions: AttributionMention[];
  /** Metric of the last candidate found here, for "the figure" in the next sentence. */
  lastMetric?: string;
  /** The last country and town named here or before, for "the country" and "the city" in the next sentence. */
  lastPlace?: LastPlaces;
  lastCandidate?: Draft;
  /** The last place abroad named here, not as where people came from ("crossing into Moldova", "Slovakia has opened", "Krakow's station"); read when asked. */
  wentTo: () => PlaceMention | undefined;
  /** The last country abroad named here, not as where people came from, or the country of a town abroad or a dateline's city ("BUCHAREST, March 11 –"); read when asked. */
  countryNamed: () => NamedPlace | undefined;
  /** A national body of a country abroad named here ("Moldovan President Maia Sandu"), for "we" in the next sentence; read when asked. */
  nationalNamed: () => PlaceMention | undefined;
  /** Whether the sentence names any place of the table or a country. */
  namesPlace: boolean;
}

/** A candidate under construction, with what the later passes need. */
export interface Draft {
  candidate: Candidate;
  mention: NumberMention;
  tokens: Token[];
  /** The metric came from a movement verb with no place to decide it. */
  undecided?: boolean;
  sentenceIndex: number;
  originMention: PlaceMention | null;
  destinationMention: PlaceMention | null;
}

export interface Reading {
  mention: NumberMention;
  headKind: string;
  /** A list item or breakdown takes its metric from this reading. */
  parent?: Reading;
  /** An item of a list beside its parent (each names its own place), not a part of it. */
  sibling?: boolean;
  clause: [number, number];
  metric: MetricMatch | null;
  /** Not a figure at all (a plan, the wounded, a daily rate, a sub-group…). */
  rejected: string | null;
  subfigure: boolean;
  /** Those of a host's total who stayed on ("of whom around 104,000 remain"): the total's destination is theirs. */
  stayedOn?: boolean;
  /** "453,982 people had done so": repeats what the sentence before says people did. */
  doneSo?: boolean;
}
