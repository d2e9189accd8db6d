// While main migrates its database at start (a new version on a database of several years): what is happening,
// how far it is, and not to switch off. The copy before the update counts in per cent of its pages, then each
// schema step; main says (app.startup), the screen asks again until it is ready.
import type { MigrationProgressInfo } from '../../shared/ipc/contract.types';
import { percentDone } from '../../shared/format/percent';
import { useT } from '../i18n/i18n';

export function StartupScreen({ progress }: { progress: MigrationProgressInfo }) {
  const t = useT();
  // The text says how far the current part is; the bar shows the whole update: the copy is its first half,
  // the schema steps its second.
  const percent = progress.phase === 'backup' ? percentDone(progress.done, progress.total) : 0;
  const whole = progress.phase === 'backup' ? Math.floor(percent / 2) : 50 + Math.floor(percentDone(progress.step - 1, progress.steps) / 2);
  return (
    <main className="startup">
      <section className="card startup-card" aria-labelledby="startup-title" aria-busy="true">
        <h1 id="startup-title">{t('startup.migratingTitle')}</h1>
        <p>{t('startup.migratingText', { from: progress.fromVersion, to: progress.toVersion })}</p>
        <progress max={100} value={whole} aria-label={t('startup.progressLabel')} />
        <p role="status" data-testid="startup-progress">
          {progress.phase === 'backup' ? t('startup.backup', { percent }) : t('startup.step', { step: progress.step, steps: progress.steps })}
        </p>
      </section>
    </main>
  );
}
