/**
 * sdkmessages / sdkmessagefilters rows that steps bind to: Create, Update, Delete on every table
 * and one message per imported Custom API. Ids are derived from the names, as fixed as the real
 * service's ids are within one environment.
 */
import { EntityMessage } from '../constants';
import { nameGuid, type RowWriter } from '../rows';

export const BASE_MESSAGES = [EntityMessage.Create, EntityMessage.Update, EntityMessage.Delete];

export function ensureSdkMessage(rows: RowWriter, name: string, category = 'Custom'): string {
  return rows.upsert('sdkmessage', { name }, { isprivate: false, customizationlevel: category === 'Custom' ? 1 : 0, categoryname: category }, nameGuid(`sdkmessage:${name}`));
}

export function ensureMessageFilter(rows: RowWriter, messageName: string, messageId: string, entity: string): string {
  return rows.upsert('sdkmessagefilter', { sdkmessageid: messageId, primaryobjecttypecode: entity },
    { name: `${messageName} ${entity}`, secondaryobjecttypecode: 'none', iscustomprocessingstepallowed: true },
    nameGuid(`sdkmessagefilter:${messageName}:${entity}`));
}

/** Create/Update/Delete messages with a filter for each of the given tables. */
export function ensureEntityMessages(rows: RowWriter, tables: string[]): void {
  for (const message of BASE_MESSAGES) {
    const id = ensureSdkMessage(rows, message, 'Standard');
    for (const table of tables) ensureMessageFilter(rows, message, id, table);
  }
}
