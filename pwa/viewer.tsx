import { start } from '../components/app/start';
import { Viewer } from '../components/share/Viewer';
import { createMenteeList } from '../lib/share/menteeList';
import '../components/ui/styles.css';
import '../components/share/share.css';

// The mentor's viewer: read the fragment once, and drop it from the address bar and history
// as soon as the link is opened or refused. No service worker is registered here: a mentor who only
// looks at a link gets nothing stored by this origin.

const fragment = location.hash.replace(/^#/, '');
// Pasting another link into the address bar of this page changes only the fragment, which
// does not load the page again; start afresh so the new link is read.
window.addEventListener('hashchange', () => location.reload());

// The viewer speaks the mentor's language (their browser's): a link carries no sentences.
start(null, () => (
  <Viewer
    fragment={fragment}
    now={() => Date.now()}
    mentees={createMenteeList()}
    onSettled={() => history.replaceState(null, '', location.pathname + location.search)}
  />
));
