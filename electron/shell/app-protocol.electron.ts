// The tillbridge:// scheme the main window loads from (why not file://: see app-url.ts). It must be declared
// privileged before 'ready' (standard + secure: a real origin, treated like https), and served after it.
import { protocol } from 'electron';
import { APP_SCHEME } from './app-url';
import { serveRendererRequest } from './renderer-protocol';

export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false } },
  ]);
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererDir));
}
