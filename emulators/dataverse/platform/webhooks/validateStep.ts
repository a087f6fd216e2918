/**
 * Checks a step registration as the service does before it is saved: an asynchronous step only
 * on the post-operation stage, a known message, an existing event handler, and a Custom API
 * message only in the modes its `allowedcustomprocessingsteptype` allows (0 none, 1 async only,
 * 2 sync and async).
 */
import type { RecordData, RecordStore } from '../../extensibility';
import { StepMode, StepStage } from '../constants';
import { platformErrors } from '../errors';

const STAGES: number[] = [StepStage.PreValidation, StepStage.PreOperation, StepStage.PostOperation];

export function validateStep(store: RecordStore, step: RecordData): void {
  const mode = Number(step.mode ?? StepMode.Synchronous);
  const stage = Number(step.stage ?? StepStage.PostOperation);
  if (!STAGES.includes(stage)) {
    throw platformErrors.invalidArgument(`Stage ${stage} is not valid for a step: use 10 (pre-validation), 20 (pre-operation) or 40 (post-operation).`);
  }
  if (mode === StepMode.Asynchronous && stage !== StepStage.PostOperation) {
    throw platformErrors.invalidArgument('Asynchronous steps can only be registered on the post-operation stage (40). Use mode 0 or stage 40.');
  }
  const messageId = typeof step.sdkmessageid === 'string' ? step.sdkmessageid : undefined;
  const message = messageId ? store.get('sdkmessage', messageId) : undefined;
  if (!message) throw platformErrors.invalidArgument('The step needs sdkmessageid@odata.bind to an existing sdkmessages row (Create, Update, Delete or a Custom API).');
  const handler = typeof step.eventhandler === 'string' ? step.eventhandler : undefined;
  const target = typeof step['eventhandler@target'] === 'string' ? step['eventhandler@target'] : 'serviceendpoint';
  if (handler && target === 'serviceendpoint' && !store.get('serviceendpoint', handler)) {
    throw platformErrors.invalidArgument(`The event handler serviceendpoint ${handler} does not exist. Create the serviceendpoints row first.`);
  }
  const api = store.findByColumns('customapi', { uniquename: String(message.data.name ?? '') });
  if (api) {
    const allowed = Number(api.data.allowedcustomprocessingsteptype ?? 0);
    if (allowed === 0) throw platformErrors.invalidArgument(`Custom API ${api.data.uniquename} does not allow custom processing steps (allowedcustomprocessingsteptype = 0).`);
    if (allowed === 1 && mode !== StepMode.Asynchronous) {
      throw platformErrors.invalidArgument(`Custom API ${api.data.uniquename} allows asynchronous steps only (allowedcustomprocessingsteptype = 1). Register the step with mode 1.`);
    }
  }
}
