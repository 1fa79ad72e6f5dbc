import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useSim } from '../store/simStore';
import { App } from './App';
import './styles.css';

// Open the frame the link names before the first paint.
useSim.getState().openLink(window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
