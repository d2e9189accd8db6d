// The one place that touches electron-updater (it imports electron). Reading `autoUpdater` creates the
// platform's updater, so this is only called in a packaged app.
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../../shared/ports';
import type { UpdaterPort } from './update-service';
import { portFromAutoUpdater, type AutoUpdaterLike } from './updater-port';

export function createElectronUpdater(logger: Logger): UpdaterPort {
  return portFromAutoUpdater(autoUpdater as unknown as AutoUpdaterLike, logger);
}
