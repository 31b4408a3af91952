import { describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { runUpdate } from '../update/run-update';
import { createBench } from '../update/testing/virtual-bench';
import { renderReportHtml, renderReportText } from './render-report';
import { exportReportJson, validateReport } from './update-report';

describe('update report rendering', () => {
  it('R21 R23 R27 prints who, what, the checks and, for a failure, the diagnosis, fix and where to look', async () => {
    const bench = await createBench();
    try {
      const final = await runUpdate(makeTestFirmware({ version: '1.1.0', securityCounter: 2 }), bench.options({
        checklist: { ...bench.checklist, operator: 'Zoé <script>alert(1)</script>' },
        technicianKey: undefined
      }));
      const report = final.report;
      expect(validateReport(JSON.parse(exportReportJson(report)))).toEqual(report);

      const text = renderReportText(report);
      for (const expected of ['Blocked before any write', 'UPDATE_TECHNICIAN_KEY_MISSING', 'Diagnosis', 'Fix', 'Look first at', 'VB2400001', 'Checks', 'supply', 'Site checklist', 'Phases', 'Log']) {
        expect(text).toContain(expected);
      }
      const html = renderReportHtml(report, 'fr');
      expect(html).toMatch(/^<!doctype html><html lang="fr">/);
      expect(html).not.toContain('<script>');
      expect(html).toContain('Zoé &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('Aucune clé de technicien');
      // The layout, the outcome and the log read in the reader's language, not only the error texts.
      for (const french of ['Résumé', 'Bloqué avant toute écriture', 'Remise en service', 'Liste de contrôle du site', 'Journal']) expect(html).toContain(french);
      expect(html).not.toContain('Return to service');
    } finally {
      await bench.close();
    }
  });
});
