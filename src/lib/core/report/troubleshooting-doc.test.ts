import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../error-registry';
import { describeError } from '../../i18n/translate';
import { troubleshootingMarkdown } from './troubleshooting-doc';

describe('docs/troubleshooting.md', () => {
  it('R21 R23 lists every error code with its diagnosis and fix, as generated from the catalog', () => {
    const markdown = troubleshootingMarkdown();
    for (const code of Object.keys(ERROR_CODES)) {
      expect(markdown, code).toContain(`\`${code}\``);
      expect(markdown, code).toContain(describeError(code, 'en').fix.replace(/\|/g, '\\|'));
      expect(markdown, code).toContain(describeError(code, 'fr').diagnosis.replace(/\|/g, '\\|'));
    }
    const onDisk = readFileSync(new URL('../../../../docs/troubleshooting.md', import.meta.url), 'utf8');
    expect(onDisk, 'docs/troubleshooting.md is stale: regenerate it with the command in troubleshooting-doc.ts').toBe(markdown);
  });
});
