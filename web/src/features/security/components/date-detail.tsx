import { formatDateTime, isoDateTime } from "@/lib/format-time";

/** One dated line of a list item's details: "Last use: 29 Nov, 14:02". */
export function DateDetail({ term, epochMs }: { term: string; epochMs: number }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <time dateTime={isoDateTime(epochMs)}>{formatDateTime(epochMs)}</time>
      </dd>
    </div>
  );
}
