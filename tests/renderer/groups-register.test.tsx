// @vitest-environment jsdom
// [2.5] The register with product groups, against the real core: the shop's own groups are quick keys
// (Shift+F2…), a scanned barcode adds its product, an unknown one says so and leaves the basket as it was, a
// tip rides on a card payment when tips are on, and what is recorded names the groups; in Danish and English.
import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

describe('the register with product groups', () => {
  it('quick keys, a scan, an unknown code and a tip, by keyboard', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const tobak = await backend.h.call('groups.create', { name: 'Tobak', kind: 'goods', vatRateBp: 2500, accountNumber: 1010 });
    await backend.h.call('articles.create', { name: 'Kaffe stor', groupId: 'varer', priceOre: ore(3_500), ean: '5701234567899' });
    await backend.h.call('settings.update', { takeTips: true });
    const { user } = await renderApp('register');
    const keys = await screen.findByRole('group', { name: 'Varegrupper' });
    expect(within(keys).getByRole('button', { name: /Tobak/ }).getAttribute('aria-keyshortcuts')).toBe('Shift+F2');
    await user.click(screen.getByLabelText('Tekst'));
    await user.keyboard('65{Shift>}{F2}{/Shift}');
    await screen.findByRole('cell', { name: 'Tobak' });
    await user.keyboard('5701234567899{Enter}');
    await screen.findByRole('cell', { name: 'Kaffe stor' });
    await user.keyboard('4006381333931{Enter}');
    await screen.findByText(/^Ukendt stregkode 4006381333931\./);
    expect(screen.getAllByRole('row').filter((r) => within(r).queryByRole('button', { name: /^Fjern/ }))).toHaveLength(2);
    await user.keyboard('{F3}');
    await user.type(screen.getByLabelText('Drikkepenge på Dankort'), '10');
    expect(screen.getByTestId('charged').textContent).toMatch(/Dankort i alt: 110,00/);
    await user.click(screen.getByRole('button', { name: 'Gennemfør salg' }));
    await screen.findByText('Salget på 100,00 kr. er registreret.');
    const [sale] = await backend.h.call('sales.recent', { limit: 1 });
    expect(sale?.lines.map((l) => [l.description, l.groupId, l.groupName])).toEqual([['Tobak', tobak.id, 'Tobak'], ['Kaffe stor', 'varer', 'Varer']]);
    expect(sale?.payments).toEqual([expect.objectContaining({ paymentTypeId: 'dankort', amountOre: 11_000, tipOre: 1_000 })]);
    const open = await backend.h.call('reports.openPeriod', {});
    expect(open).toMatchObject({ tipsOre: 1_000, netRevenueOre: 10_000, grossSalesOre: 10_000 });
    cleanup();

    await backend.h.call('settings.update', { language: 'en' });
    const en = await renderApp('register');
    await screen.findByRole('group', { name: 'Product groups' });
    await en.user.click(screen.getByLabelText('Description'));
    await en.user.keyboard('4006381333931{Enter}');
    await screen.findByText(/^Unknown barcode 4006381333931\./);
  });
});
