/**
 * ImportSolution / ImportSolutionAsync / PublishAllXml actions. The import reads the zip, applies
 * it in one store transaction and writes an `importjobs` row (success or failure) whose `data`
 * holds the result XML. The async variant answers at once with an AsyncOperationId whose
 * `asyncoperations` row reaches statecode 3 with statuscode 30 (succeeded) or 31 (failed).
 */
import type { Logger } from 'pino';
import type { ActionContext, ActionResult, DataverseError } from '../../extensibility';
import { isDataverseError } from '../../extensibility';
import { AsyncOperationState, AsyncOperationStatus, AsyncOperationType, PlatformAction } from '../constants';
import { platformErrors } from '../errors';
import { isoNow, newId, normalizeGuid, type RowWriter } from '../rows';
import { readSolutionPackage } from '../solution/readPackage';
import type { SolutionManifest } from '../solution/model';
import { applyPackage, type ComponentParameter, type ImportDeps } from './applyPackage';
import { importJobXml } from './importJob';

export interface ImportServiceDeps extends Omit<ImportDeps, 'rows'> {
  rows: RowWriter;
  transaction<T>(fn: () => T): T;
  logger: Logger;
}

function componentParameters(body: Record<string, unknown>): ComponentParameter[] | undefined {
  const value = body.ComponentParameters;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((p) => !p || typeof p !== 'object')) {
    throw platformErrors.badParameterType('ComponentParameters', 'Collection(mscrm.crmbaseentity)', "An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartArray' node was expected.");
  }
  return value as ComponentParameter[];
}

function customizationFile(body: Record<string, unknown>, message: string): Buffer {
  const file = body.CustomizationFile;
  if (file === undefined || file === null || file === '') throw platformErrors.missingParameter('CustomizationFile', message);
  if (typeof file !== 'string') {
    throw platformErrors.badParameterType('CustomizationFile', 'Edm.Binary', "Cannot convert a primitive value to the expected type 'Edm.Binary'. See the inner exception for more details.");
  }
  if (!/^[A-Za-z0-9+/=\r\n]+$/.test(file)) {
    throw platformErrors.badParameterType('CustomizationFile', 'Edm.Binary', 'The value is not valid base64.');
  }
  return Buffer.from(file, 'base64');
}

export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  /** Imports a zip; returns the import job id. Throws the service's error when the package is refused. */
  async importZip(zip: Buffer, importJobId: string, componentParameters?: ComponentParameter[]): Promise<{ importJobId: string; solutionId: string }> {
    const { rows } = this.deps;
    const startedOn = this.deps.now();
    let manifest: SolutionManifest | undefined;
    try {
      const pkg = await readSolutionPackage(zip);
      manifest = pkg.manifest;
      const outcome = this.deps.transaction(() => applyPackage(pkg, this.deps, componentParameters));
      for (const fn of outcome.afterCommit) fn();
      rows.upsert('importjob', { importjobid: importJobId }, {
        name: pkg.manifest.uniqueName, solutionname: pkg.manifest.uniqueName, solutionid: outcome.solutionId, progress: 100,
        startedon: isoNow(startedOn), completedon: isoNow(this.deps.now()), operationcontext: outcome.upgrade ? 'Upgrade' : 'New',
        data: importJobXml({ manifest, startedOn, completedOn: this.deps.now(), components: outcome.components }),
      }, importJobId);
      this.deps.logger.info({ solution: pkg.manifest.uniqueName, version: pkg.manifest.version, components: outcome.components.length }, 'solution imported');
      return { importJobId, solutionId: outcome.solutionId };
    } catch (err) {
      const e: DataverseError = isDataverseError(err) ? err : platformErrors.invalidArgument(`The import failed: ${(err as Error).message}`);
      const failed = {
        name: manifest?.uniqueName ?? 'Import', solutionname: manifest?.uniqueName ?? null, progress: 100,
        startedon: isoNow(startedOn), completedon: isoNow(this.deps.now()),
        data: importJobXml({ manifest, startedOn, completedOn: this.deps.now(), components: [], error: { code: e.code, message: e.message } }),
      };
      // The failed import job outlives the request's rollback, as on the real service.
      setImmediate(() => {
        try {
          rows.upsert('importjob', { importjobid: importJobId }, failed, importJobId);
        } catch (writeErr) {
          this.deps.logger.error({ err: writeErr }, 'recording the failed import job failed');
        }
      });
      throw e;
    }
  }

  importSolution = async (ctx: ActionContext): Promise<ActionResult> => {
    const zip = customizationFile(ctx.body, PlatformAction.ImportSolution);
    await this.importZip(zip, normalizeGuid(String(ctx.body.ImportJobId ?? '')) ?? newId(), componentParameters(ctx.body));
    return undefined;
  };

  importSolutionAsync = (ctx: ActionContext): ActionResult => {
    const zip = customizationFile(ctx.body, PlatformAction.ImportSolutionAsync);
    const importJobId = normalizeGuid(String(ctx.body.ImportJobId ?? '')) ?? newId();
    const parameters = componentParameters(ctx.body);
    const { rows } = this.deps;
    const jobId = rows.insert('asyncoperation', {
      name: PlatformAction.ImportSolution, operationtype: AsyncOperationType.ExecuteAsyncRequest, messagename: PlatformAction.ImportSolution,
      statecode: AsyncOperationState.Ready, statuscode: AsyncOperationStatus.WaitingForResources, correlationid: ctx.correlationId,
      data: importJobId, ownerid: ctx.caller,
    });
    setImmediate(() => {
      rows.upsert('asyncoperation', { asyncoperationid: jobId }, { statecode: AsyncOperationState.Locked, statuscode: AsyncOperationStatus.InProgress, startedon: isoNow(this.deps.now()) });
      this.importZip(zip, importJobId, parameters).then(
        () => rows.upsert('asyncoperation', { asyncoperationid: jobId }, { statecode: AsyncOperationState.Completed, statuscode: AsyncOperationStatus.Succeeded, completedon: isoNow(this.deps.now()) }),
        (err: DataverseError) => rows.upsert('asyncoperation', { asyncoperationid: jobId }, {
          statecode: AsyncOperationState.Completed, statuscode: AsyncOperationStatus.Failed, completedon: isoNow(this.deps.now()),
          message: err.message, friendlymessage: err.message, errorcode: parseInt(err.code || '0', 16) | 0,
        }),
      ).catch((err: unknown) => this.deps.logger.error({ err }, 'recording the ImportSolutionAsync outcome failed'));
    });
    return { AsyncOperationId: jobId, ImportJobKey: importJobId };
  };

  /** Publishing is implicit in the emulator: imported components are live at once. */
  publish = (): ActionResult => undefined;
}
