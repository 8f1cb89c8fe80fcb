import type { Highlight } from '@lesplein/contracts/search';

/** Text with the words that matched marked; segments are text, so nothing in them becomes markup. */
export function HighlightedText({ segments }: { segments: Highlight }) {
  return (
    <>
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
