// Entry point: pick the transport (Electron preload or the browser shell's HTTP API) and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, setApi } from './api/api';
import { detectTransport } from './api/transport';
import { App } from './App';

const { transport, shell } = detectTransport(window);
setApi(createApi(transport, shell));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
