import { invoke } from '../../platform/visio';
import { splitMessageLinks } from './message-links';

export function MessageText({ text }: { text: string }) {
  return (
    <>
      {splitMessageLinks(text).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <a
            key={index}
            href={part.url}
            rel="noopener noreferrer"
            onClick={(event) => {
              event.preventDefault();
              void invoke('shell:open-external', { url: part.url });
            }}
          >
            {part.url}
          </a>
        ),
      )}
    </>
  );
}
