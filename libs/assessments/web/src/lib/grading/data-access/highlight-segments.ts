import { SimilarPassage } from '@thuchoc/assessments/contracts';

/** A span of a text to highlight, with the passage (1-based) it belongs to. */
export interface HighlightRange {
  start: number;
  end: number;
  passage: number;
}

/** A piece of a text: plain when `passages` is empty, else inside those passages (ascending). */
export interface TextSegment {
  text: string;
  start: number;
  passages: number[];
  /** The passages that begin with this piece (where their number and anchor go). */
  opens: number[];
}

const samePassages = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((passage, index) => passage === b[index]);

/**
 * Splits `text` into consecutive plain and highlighted segments, so a template
 * renders highlights without ever building HTML. Ranges may be unsorted,
 * overlap, reach past the text or be empty; a piece covered by several ranges
 * names all their passages. The segments' texts joined give back `text`.
 */
export function highlightSegments(text: string, ranges: readonly HighlightRange[]): TextSegment[] {
  const clamp = (offset: number) => Math.min(Math.max(0, Math.trunc(offset)), text.length);
  const spans = ranges
    .map((range) => ({ start: clamp(range.start), end: clamp(range.end), passage: range.passage }))
    .filter((range) => range.end > range.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  const segments: TextSegment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const passages = [
      ...new Set(spans.filter((span) => span.start <= start && span.end >= end).map((s) => s.passage)),
    ].sort((a, b) => a - b);
    const last = segments[segments.length - 1];
    if (last !== undefined && samePassages(last.passages, passages)) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), start, passages, opens: [] });
  }
  for (const span of spans) {
    const opening = segments.find(
      (segment) => segment.start <= span.start && span.start < segment.start + segment.text.length,
    );
    if (opening !== undefined && !opening.opens.includes(span.passage)) opening.opens.push(span.passage);
  }
  for (const segment of segments) segment.opens.sort((a, b) => a - b);
  return segments;
}

/** One side's ranges of a flag's passages, numbered 1… in the API's order (the same number on both sides). */
export function passageRanges(passages: readonly SimilarPassage[], side: 'a' | 'b'): HighlightRange[] {
  return passages.map((passage, index) => ({ ...passage[side], passage: index + 1 }));
}

/** How many highlight colours the page cycles through. */
export const PASSAGE_COLOURS = 6;

/** The colour (0…PASSAGE_COLOURS-1) of a passage, the same on both sides. */
export const passageColour = (passage: number): number => (passage - 1) % PASSAGE_COLOURS;

/** A flag's score (0–1) as a whole percentage, never shown as 100 % unless it is. */
export function scorePercent(score: number): number {
  const percent = Math.round(score * 100);
  return percent === 100 && score < 1 ? 99 : percent;
}
