import { readFileSync } from 'node:fs';
import { DOC_PATH, renderTemplatesDoc } from '../../bridge/templates/render-docs';

describe('docs/templates.md', () => {
  it('is generated from the template tables and up to date (run bridge/templates/render-docs.ts)', () => {
    const doc = renderTemplatesDoc();
    expect(doc.startsWith('<!-- GENERATED')).toBe(true);
    expect(doc).toContain('| paymenttermscode | value map `paymentTerms` (unmapped: error) | PaymentTerms |');
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(doc);
  });
});
