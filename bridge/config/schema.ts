import { z } from 'zod';
import { FO_ENTITY_SETS } from '../templates/entities';
import { TEMPLATE_IDS } from '../templates';
import type { TemplateId, ValueMapId } from '../templates/types';

/** Names of environment variables that may hold secrets: they must start with PSAFO_. */
const envName = z.string().regex(/^PSAFO_[A-Z0-9_]+$/, 'must be an environment variable name starting with PSAFO_ (secrets are never written in the file)');

const auth = z.strictObject({
  /** Entra authority, e.g. https://login.microsoftonline.com/<tenant>; the sandbox identity emulator's https URL + tenant. */
  authority: z.url({ protocol: /^https$/, error: 'must be an https URL such as https://login.microsoftonline.com/<tenant-id>' }),
  clientId: z.string().min(1),
  /** Environment variable holding the client secret. */
  clientSecretEnv: envName.default('PSAFO_CLIENT_SECRET'),
  /** Extra CA bundle to trust for the authority (the sandbox's ca.pem), relative to the config file. */
  caFile: z.string().min(1).optional(),
  /** Scope; defaults to `<service url>/.default`. */
  scope: z.string().min(1).optional(),
});

const serviceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of the environment, e.g. https://contoso.crm.dynamics.com' });

const templateId = z.string().refine((s): s is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(s), {
  error: `unknown template; use one of ${TEMPLATE_IDS.join(', ')}`,
});

const valueMapIds = ['paymentTerms', 'contractLineType', 'billingType', 'transactionType', 'estimateTransactionType', 'billingTypeToPsa', 'transactionTypeToPsa'] as const satisfies readonly ValueMapId[];
const valueMap = z.record(z.string(), z.union([z.string(), z.number()]));

const entitySets = z.strictObject(
  Object.fromEntries(Object.entries(FO_ENTITY_SETS).map(([k, v]) => [k, z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an OData entity set name').default(v)])) as {
    [K in keyof typeof FO_ENTITY_SETS]: z.ZodDefault<z.ZodString>;
  },
);

export const configSchema = z.strictObject({
  dataverse: z.strictObject({
    url: serviceUrl,
    apiVersion: z.string().regex(/^\d+\.\d+$/).default('9.2'),
    auth,
  }),
  finops: z.strictObject({
    url: serviceUrl,
    auth,
    entitySets: entitySets.prefault({}),
    pageSize: z.int().min(1).max(10000).default(10000),
  }),
  connectionSet: z.strictObject({
    /** PSA organizational unit (msdyn_name) ↔ F&O legal entity (dataAreaId). */
    organizationMappings: z
      .array(z.strictObject({ organizationalUnit: z.string().min(1), legalEntity: z.string().min(1).max(4) }))
      .min(1, { error: 'map at least one PSA organizational unit to an F&O legal entity' }),
    integrationKeys: z.record(z.string(), z.string()).default({ msdyn_organizationalunits: 'msdyn_name', msdyn_projects: 'msdynce_projectnumber' }),
  }),
  templates: z.strictObject({
    enabled: z.array(templateId).min(1).default([...TEMPLATE_IDS]),
    /** Required: F&O forecast model for hour and expense estimates (O_forecast exists only in demo data). */
    forecastModel: z.string({ error: 'required: set templates.forecastModel to the F&O forecast model ID for estimates' }).min(1).max(10),
    customerGroup: z.string().min(1).default('10'),
    intercompany: z.boolean().default(false),
    milestoneSource: z.enum(['3.x', '2.x']).default('3.x'),
    valueMaps: z.partialRecord(z.enum(valueMapIds), valueMap).default({}),
  }),
  sync: z
    .strictObject({
      batchSize: z.int().min(1).max(1000).default(200),
      parallelism: z.int().min(1).max(16).default(4),
      pageSize: z.int().min(1).max(5000).default(5000),
      /** Scheduled change-tracking catch-up; null = manual runs only. */
      scheduleMinutes: z.int().min(1).nullable().default(15),
      retry: z.strictObject({
        maxAttempts: z.int().min(1).max(20).default(8),
        baseDelayMs: z.int().min(0).default(500),
        maxDelayMs: z.int().min(0).default(60000),
      }).prefault({}),
    })
    .prefault({}),
  store: z.strictObject({ path: z.string().min(1).default('psa-fo-sync.db') }).prefault({}),
  /**
   * Written by `psa-fo-sync sandbox` only: the sandbox's well-known demo credentials, so that other
   * processes can use its config.json as is. Accepted only when every service URL is on loopback.
   */
  sandbox: z.strictObject({ clientSecret: z.string().min(1), webhookKey: z.string().min(16) }).optional(),
  /** Bridge service settings; other keys may be added by the service (kept as-is). */
  bridge: z
    .looseObject({
      webhookKeyEnv: envName.default('PSAFO_WEBHOOK_KEY'),
      adminApi: z
        .strictObject({ issuer: z.string().min(1), audience: z.string().min(1).default('api://psa-fo-sync'), jwksUrl: z.url() })
        .optional(),
    })
    .prefault({}),
});

export type ConfigInput = z.input<typeof configSchema>;
export type ConfigFile = z.output<typeof configSchema>;
