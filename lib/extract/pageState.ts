// What the extract page's two server actions take and return. Plain strings and numbers
// only, so the client component can hold them in state and edit them.
import type { CandidateFormValues } from './draftInput';

export interface ExtractInput {
  text: string;
  publishedAt: string;
  url: string;
  title: string;
}

export interface CandidateView {
  values: CandidateFormValues;
  /** Offsets of the quote in the extracted text, for highlighting. */
  start: number;
  end: number;
  dateText: string | null;
  confidence: number;
  /** Place names the text gives that are not in the places table. */
  unknownOrigin: string | null;
  unknownDestination: string | null;
}

export interface ExtractState {
  status: 'idle' | 'error' | 'done';
  /** Bumped on every extraction, so editors' edits reset with a new result. */
  run: number;
  text: string;
  candidates: CandidateView[];
  message?: string;
  fieldErrors?: Record<string, string>;
}

export interface SaveState {
  status: 'idle' | 'error' | 'saved';
  message?: string;
  /** Keyed `source.<field>` or `<candidate key>.<field>`. */
  fieldErrors: Record<string, string>;
  sourceId?: number;
  sourceCreated?: boolean;
  figureIds?: number[];
}
