import { create } from 'xmlbuilder2';
import { checkRibbonReferences } from './ribbon-references';
import type { Problem, ZipContent } from './types';
import { wellFormedError, xmlText } from './xml-read';
import { CUSTOMIZATIONS_XSD, RIBBON_XSD, type XsdValidator } from './xsd-validator';

const FILE = 'customizations.xml';

/** Each <RibbonDiffXml> of customizations.xml as its own document, labelled by entity (or "application"). */
export function ribbonDocuments(source: string): { label: string; xml: string }[] {
  const doc = create(source);
  const out: { label: string; xml: string }[] = [];
  doc.root().each((node) => {
    if (node.node.nodeName !== 'RibbonDiffXml') return;
    const parent = node.up();
    let label = 'application';
    if (parent.node.nodeName === 'Entity') {
      const name = parent.find((n) => n.node.nodeName === 'Name', false, false);
      label = name ? `entity ${name.node.textContent ?? '?'}` : 'entity ?';
    }
    out.push({ label, xml: create({ version: '1.0', encoding: 'utf-8' }).import(node).end({ prettyPrint: true }) });
  }, false, true);
  return out;
}

/** customizations.xml against CustomizationsSolution.xsd, and every RibbonDiffXml against RibbonCore.xsd. */
export async function checkSchemas(zip: ZipContent, validators: { customizations: XsdValidator; ribbon: XsdValidator }): Promise<Problem[]> {
  const data = zip.files.get(FILE);
  if (!data) return [];
  const source = xmlText(data);
  if (wellFormedError(source)) return []; // reported by the reference check
  const problems: Problem[] = [];
  for (const error of await validators.customizations.validate(source, FILE, CUSTOMIZATIONS_XSD)) {
    problems.push({ file: FILE, code: 'XSD_INVALID', message: `${CUSTOMIZATIONS_XSD}: ${error}` });
  }
  problems.push(...checkRibbonReferences(source));
  for (const ribbon of ribbonDocuments(source)) {
    for (const error of await validators.ribbon.validate(ribbon.xml, 'RibbonDiffXml.xml', RIBBON_XSD)) {
      problems.push({ file: FILE, code: 'RIBBON_INVALID', message: `RibbonDiffXml of ${ribbon.label} (${RIBBON_XSD}): ${error}` });
    }
  }
  return problems;
}
