import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { DeployError, literal, type DeployChange, type DeployDataverse } from './port';

export interface SolutionIdentity {
  uniqueName: string;
  version: string;
  managed: boolean;
}

/** Reads unique name, version and managed flag from a solution zip's solution.xml. */
export async function readSolutionIdentity(zipBytes: Buffer): Promise<SolutionIdentity> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(zipBytes);
  } catch (err) {
    throw new DeployError('SolutionUnreadable', 'The solution file is not a zip; build it with `npm run build`', { cause: err });
  }
  const file = zip.file('solution.xml');
  if (!file) throw new DeployError('SolutionUnreadable', 'The zip has no solution.xml at its root; run `npx psa-fo-sync solution check <zip>`');
  const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(await file.async('string'));
  const manifest = xml?.ImportExportXml?.SolutionManifest;
  if (!manifest?.UniqueName || !manifest?.Version) throw new DeployError('SolutionUnreadable', 'solution.xml lacks UniqueName or Version');
  return { uniqueName: String(manifest.UniqueName), version: String(manifest.Version), managed: String(manifest.Managed) === '1' };
}

/**
 * Imports the solution unless the same version is already installed (so that a second deploy
 * changes nothing). Uses the Web API ImportSolution action.
 */
export async function importSolution(dv: DeployDataverse, zipBytes: Buffer): Promise<DeployChange> {
  const identity = await readSolutionIdentity(zipBytes);
  const installed = await dv.query('solutions', { filter: `uniquename eq ${literal(identity.uniqueName)}`, select: ['version', 'ismanaged'] });
  const current = installed[0]?.version;
  if (current === identity.version) {
    return { kind: 'solution', action: 'unchanged', detail: `${identity.uniqueName} ${identity.version} is already installed` };
  }
  await dv.action('ImportSolution', {
    OverwriteUnmanagedCustomizations: false,
    PublishWorkflows: true,
    CustomizationFile: zipBytes.toString('base64'),
    ImportJobId: randomUUID(),
  });
  if (!identity.managed) await dv.action('PublishAllXml', {});
  return {
    kind: 'solution',
    action: 'import',
    detail: `${identity.uniqueName} ${current ? `${current} → ` : ''}${identity.version} (${identity.managed ? 'managed' : 'unmanaged'})`,
  };
}
