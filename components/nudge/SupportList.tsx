// People to talk to, as the nudge and the pupils' help page both list them.
import { splitAround, useT } from '@/components/i18n';
import type { SupportLine } from './copy';

export function SupportList({ lines }: { lines: readonly SupportLine[] }) {
  return (
    <ul class="support-lines">
      {lines.map((line) => (
        <SupportItem key={line.name} line={line} />
      ))}
    </ul>
  );
}

function SupportItem({ line }: { line: SupportLine }) {
  const t = useT();
  const name = <strong>{line.name}</strong>;
  const number = line.phone && (line.tel ? <a href={`tel:${line.tel}`}>{line.phone}</a> : <span class="number">{line.phone}</span>);
  let how = null;
  if (line.how && 'key' in line.how) {
    // The number sits inside the sentence where the language puts it.
    const [before, after] = splitAround(t, line.how.key);
    how = line.phone ? (
      <>
        {before}
        {number}
        {after}
      </>
    ) : (
      before + after
    );
  } else {
    how = (
      <>
        {number}
        {line.phone && line.how && ', '}
        {line.how?.text}
      </>
    );
  }
  return (
    <li>
      {line.url ? (
        <a href={line.url} target="_blank" rel="noopener noreferrer">
          {name}
        </a>
      ) : (
        name
      )}
      {(line.phone || line.how) && ': '}
      {how}
    </li>
  );
}
