/**
 * The Dataverse emulator's platform at shutdown: an asynchronous webhook delivery to an endpoint that
 * never answers does not hold close() for the 60 s delivery timeout.
 */
import pino from 'pino';
import { allowAll } from '../../emulators/common/auth';
import { DataverseEmulator } from '../../emulators/dataverse/server';
import { entityIdOf } from '../harness/dataverse-web-api';
import { Receiver } from '../harness/webhook-receiver';

const API = '/api/data/v9.2';

describe('Dataverse platform: shutdown with a webhook in flight', () => {
  it('close() abandons a hanging asynchronous delivery instead of waiting 60 s', async () => {
    const receiver = new Receiver();
    await receiver.start();
    receiver.script('/hang', { status: 0 });
    const emulator = new DataverseEmulator({ auth: allowAll, logger: pino({ level: 'silent' }) });
    const { url } = await emulator.start();
    const post = async (set: string, body: Record<string, unknown>) => {
      const res = await fetch(`${url}${API}/${set}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(204);
      return entityIdOf(res);
    };
    const ep = await post('serviceendpoints', { name: 'hang', url: `${receiver.url}/hang`, contract: 8, authtype: 4, authvalue: 'k' });
    const list = await (await fetch(`${url}${API}/sdkmessages?$filter=name eq 'Create'`)).json() as { value: Array<{ sdkmessageid: string }> };
    await post('sdkmessageprocessingsteps', {
      name: 'hang', 'sdkmessageid@odata.bind': `/sdkmessages(${list.value[0].sdkmessageid})`, 'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${ep})`, mode: 1, stage: 40,
    });
    await post('accounts', { name: 'Northwind' });
    for (let i = 0; i < 50 && receiver.on('/hang').length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(receiver.on('/hang')).toHaveLength(1);
    const started = Date.now();
    await emulator.close();
    await emulator.platform.idle();
    expect(Date.now() - started).toBeLessThan(3000);
    await receiver.close();
  });
});
