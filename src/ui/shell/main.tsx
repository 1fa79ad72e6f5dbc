import '../theme/tokens.css';
import '../theme/base.css';
import '../theme/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute } from '../../store/route';
import { App } from './App';
import { registerServiceWorkerWhenIdle } from './serviceWorker';
import { openFirstFrame } from './session';

// A course page's iframe (`?embed=1`) shows the views without the app's navigation.
useRoute.getState().setEmbed(new URLSearchParams(window.location.search).get('embed') === '1');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Open the frame the link names before the first paint; without a link, go on where the learner
// stopped. A link's long parts unpack asynchronously (a moment): the app is shown once they have.
void openFirstFrame().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
registerServiceWorkerWhenIdle();
