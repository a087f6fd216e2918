import { create } from 'xmlbuilder2';
import { BuildError } from '../errors';

/** PCF control version packed with a solution version: its first three parts (x.y.z.n → x.y.z). */
export function controlVersionFor(solutionVersion: string): string {
  return solutionVersion.split('.').slice(0, 3).join('.');
}

/**
 * Dataverse only picks up a changed bundle.js when the control's version rises (solution-format
 * §4.7), so the packed ControlManifest.xml carries the solution's x.y.z, whatever the source says.
 */
export function withControlVersion(manifestXml: string, version: string, controlName: string): string {
  const doc = create(manifestXml);
  const control = doc.root().find((n) => n.node.nodeName === 'control', false, false);
  if (!control || doc.root().node.nodeName !== 'manifest') {
    throw new BuildError('BAD_CONTROL_MANIFEST', `PCF control ${controlName}: the built ControlManifest.xml has no <manifest><control> element.`);
  }
  control.att('version', version);
  return `${doc.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}
