import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** A scenario's Markdown docs (GitHub tables and lists), collapsible; raw HTML in them is not rendered. */
export function Docs({ text }: { text: string }) {
  return (
    <details className="docs-md" open data-testid="docs">
      <summary>Docs</summary>
      <Markdown remarkPlugins={[remarkGfm]}>{text}</Markdown>
    </details>
  );
}
