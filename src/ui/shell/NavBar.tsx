import { useRef, useState } from 'react';
import { useRoute } from '../../store/route';
import './NavBar.css';
import { currentSearch } from './useUrlSync';

const PAGES = [
  { href: '#/', label: 'Simulator', pages: ['sim', 'lesson'] },
  { href: '#/lessons', label: 'Lessons', pages: ['lessons'] },
  { href: '#/questions', label: 'Review questions', pages: ['questions', 'question', 'quiz'] },
] as const;

/** The main navigation: the simulator, the lessons, the review questions; sharing; presenter mode. */
export function NavBar({ onPresent }: { onPresent: () => void }) {
  const page = useRoute((s) => s.route.page);
  return (
    <nav className="nav" aria-label="Main">
      <ul className="nav__pages">
        {PAGES.map((p) => (
          <li key={p.href}>
            <a
              href={p.href}
              aria-current={(p.pages as readonly string[]).includes(page) ? 'page' : undefined}
            >
              {p.label}
            </a>
          </li>
        ))}
      </ul>
      <ShareButton />
      <button type="button" className="button button--quiet" onClick={onPresent} aria-keyshortcuts="P">
        Presenter mode <kbd>P</kbd>
      </button>
    </nav>
  );
}

/** "Share": the link to this exact moment (and lesson step), and the code to embed it in a course page. */
function ShareButton() {
  const ref = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const open = () => {
    // From the state itself: the address bar may be up to 300 ms behind while it is throttled.
    const { origin, pathname, hash } = window.location;
    setLink(`${origin}${pathname}${currentSearch()}${hash}`);
    setCopied(null);
    ref.current?.showModal();
  };
  const embedLink = withEmbed(link);
  const embedCode = `<iframe src="${embedLink.replaceAll('"', '&quot;')}" title="Streamscope" width="960" height="640" style="border:0"></iframe>`;
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Copying is not allowed here: select the ${what.toLowerCase()} and copy it yourself.`);
    }
  };
  return (
    <>
      <button type="button" className="button button--quiet" onClick={open}>
        Share
      </button>
      <dialog ref={ref} className="dialog share" aria-labelledby="share-title">
        <h2 id="share-title">Share this moment</h2>
        <p className="muted">
          The link opens this scenario, seed and moment
          {link.includes('#/lessons/') ? ', at this lesson step' : ''}, with your edits and injected faults.
        </p>
        <label className="share__field">
          Link
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button type="button" className="button" onClick={() => copy(link, 'Link')}>
          Copy link
        </button>
        <label className="share__field">
          Embed in a course page
          <textarea readOnly rows={3} value={embedCode} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button type="button" className="button" onClick={() => copy(embedCode, 'Embed code')}>
          Copy embed code
        </button>
        <p className="share__status" role="status">
          {copied}
        </p>
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}

/** The same link with `embed=1` added to its query. */
export function withEmbed(href: string): string {
  if (href === '') return href;
  const url = new URL(href);
  url.searchParams.set('embed', '1');
  return url.toString();
}
