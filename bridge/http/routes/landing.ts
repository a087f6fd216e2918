/**
 * `GET /`: the sandbox landing page; `GET /finops/<EntitySet>`: a read-only HTML table of an F&O
 * entity set the templates use. No authentication: registered only for a sandbox configuration
 * (service.ts), and it shows nothing secret.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { finOpsTableHtml, landingHtml, notFoundHtml, type LandingView } from '../landing/render';
import type { AdminPorts, LandingPort } from '../ports';

const TOP = 50;
const RUNS = 10;
/** The page has inline styles only: no scripts, no other origins. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', CSP).send(html);
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function registerLandingRoutes(app: FastifyInstance, landing: LandingPort, admin: Pick<AdminPorts, 'listRuns'>): void {
  app.get('/', async (req, reply) => {
    const problems: string[] = [];
    const records = await landing.demoRecords().catch((err: unknown) => {
      req.log.warn({ err }, 'landing: Dataverse records could not be read');
      problems.push(`The demo records could not be read from Dataverse: ${message(err)}`);
      return { projects: [], contracts: [] };
    });
    const runs = await admin.listRuns(RUNS);
    const view: LandingView = { dataverseUrl: landing.dataverseUrl, ...records, entitySets: landing.finOpsEntitySets(), runs, problems };
    return sendHtml(reply, 200, landingHtml(view));
  });
  app.get('/finops/:entitySet', async (req, reply) => {
    const { entitySet } = req.params as { entitySet: string };
    if (!landing.finOpsEntitySets().includes(entitySet)) {
      return sendHtml(reply, 404, notFoundHtml(`${entitySet} is not an entity set the templates use. Pick one on the sandbox page.`));
    }
    try {
      return sendHtml(reply, 200, finOpsTableHtml(entitySet, await landing.finOpsRows(entitySet, TOP), TOP));
    } catch (err) {
      req.log.warn({ err, entitySet }, 'landing: F&O rows could not be read');
      return sendHtml(reply, 502, notFoundHtml(`F&O did not answer for ${entitySet}: ${message(err)}`));
    }
  });
}
