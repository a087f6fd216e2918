import { DV, FO_ENTITY_SETS, SOURCE_DATA_ID } from '../entities';
import { lookup } from '../lookups';
import { constant, copy, valueMap } from '../rows';
import type { TaskDef } from '../types';
import { contractLinesFilter, contractsFilter, milestonesFilter, projectsFilter } from './filter';

/** Task "Project contracts PSA to Fin and Ops" (ProjectContractTemplateMapping.JPG). */
export const contractsTask: TaskDef = {
  id: 'contracts',
  name: 'Project contracts PSA to Fin and Ops',
  source: {
    system: 'dataverse',
    entitySet: DV.salesorders.set,
    entityName: DV.salesorders.name,
    idField: DV.salesorders.id,
    select: ['salesorderid', 'exchangerate', 'name', 'ordernumber', 'paymenttermscode', 'msdyn_ordertype', '_transactioncurrencyid_value', '_customerid_value', '_msdyn_contractorganizationalunitid_value'],
    lookups: {
      transactioncurrencyid: lookup.currency(),
      customerid: lookup.account('_customerid_value'),
      msdyn_contractorganizationalunitid: lookup.orgUnit('_msdyn_contractorganizationalunitid_value'),
    },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.contracts, entityName: 'ProjCDSProjectContract', keyFields: ['ProjectContractID'] },
  mapping: [
    copy('exchangerate', 'ExchangeRate'),
    copy('name', 'Name'),
    copy('transactioncurrencyid.isocurrencycode', 'CurrencyCode', true),
    copy('customerid.accountnumber', 'CustomerAccount'),
    valueMap('paymenttermscode', 'PaymentTerms', 'paymentTerms', 'error'),
    copy('ordernumber', 'ProjectContractID', true),
    constant('SourceDataID', SOURCE_DATA_ID),
  ],
  filter: contractsFilter,
  routing: { kind: 'orgUnit', lookup: 'msdyn_contractorganizationalunitid' },
  parents: [{ name: 'customer account', attribute: '_customerid_value', task: 'accounts' }],
  status: 'own',
};

/** Task "Projects PSA to Fin and Ops" (ProjectTemplateMapping.JPG). */
export const projectsTask: TaskDef = {
  id: 'projects',
  name: 'Projects PSA to Fin and Ops',
  source: {
    system: 'dataverse',
    entitySet: DV.projects.set,
    entityName: DV.projects.name,
    idField: DV.projects.id,
    select: ['msdyn_projectid', 'msdynce_projectnumber', 'msdyn_subject', 'msdyn_scheduledstart', 'msdyn_scheduledend', 'msdyn_actualstart', 'msdyn_actualend', '_msdyn_salesorderid_value', '_msdyn_customer_value', '_msdyn_contractorganizationalunitid_value'],
    lookups: {
      msdyn_salesorderid: lookup.order('_msdyn_salesorderid_value'),
      msdyn_customer: lookup.account('_msdyn_customer_value'),
      msdyn_contractorganizationalunitid: lookup.orgUnit('_msdyn_contractorganizationalunitid_value'),
    },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.projects, entityName: 'ProjCDSProject', keyFields: ['ProjectID'] },
  mapping: [
    copy('msdynce_projectnumber', 'ProjectID', true),
    copy('msdyn_subject', 'ProjectName', true),
    copy('msdyn_scheduledstart', 'ProjectedStartDate'),
    copy('msdyn_scheduledend', 'ProjectedEndDate'),
    copy('msdyn_actualstart', 'StartDate'),
    copy('msdyn_actualend', 'EndDate'),
    copy('msdyn_salesorderid.ordernumber', 'ProjectContractID'),
    copy('msdyn_customer.accountnumber', 'CustomerAccount'),
    constant('SourceDataID', SOURCE_DATA_ID),
  ],
  filter: projectsFilter,
  routing: { kind: 'orgUnit', lookup: 'msdyn_contractorganizationalunitid' },
  parents: [{ name: 'contract', attribute: '_msdyn_salesorderid_value', task: 'contracts' }],
  status: 'own',
};

/** Task "Project contract lines PSA to Fin and Ops" (ProjectContractLinesMapping.JPG). */
export const contractLinesTask: TaskDef = {
  id: 'contract-lines',
  name: 'Project contract lines PSA to Fin and Ops',
  source: {
    system: 'dataverse',
    entitySet: DV.salesorderdetails.set,
    entityName: DV.salesorderdetails.name,
    idField: DV.salesorderdetails.id,
    select: ['salesorderdetailid', 'productdescription', 'sequencenumber', 'msdyn_billingmethod', '_salesorderid_value', '_msdyn_project_value'],
    lookups: { salesorderid: lookup.order('_salesorderid_value'), msdyn_project: lookup.project() },
  },
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.contractLines, entityName: 'ProjCDSContractLineImport', keyFields: ['TransactionId'] },
  mapping: [
    copy('productdescription', 'Description'),
    copy('salesorderid.ordernumber', 'ContractId', true),
    copy('sequencenumber', 'ContractLine'),
    copy('msdyn_project.msdynce_projectnumber', 'ProjectId'),
    valueMap('msdyn_billingmethod', 'Type', 'contractLineType', 'error'),
    copy('salesorderdetailid', 'TransactionId', true),
  ],
  filter: contractLinesFilter,
  routing: { kind: 'parent', parent: 'contract' },
  parents: [
    { name: 'contract', attribute: '_salesorderid_value', task: 'contracts' },
    { name: 'project', attribute: '_msdyn_project_value', task: 'projects' },
  ],
  status: 'own',
};

const milestoneBase = {
  id: 'milestones',
  name: 'Project contract line milestones PSA to Fin and Ops',
  destination: { system: 'finops', entitySet: FO_ENTITY_SETS.milestones, entityName: 'ProjCDSContractLineMilestoneImport', keyFields: ['TransactionId'] },
  filter: milestonesFilter,
  routing: { kind: 'parent', parent: 'contract line' },
  status: 'own',
} as const;

/** v2 template (PSA 3.x): CONTRACTLINEREF from the lookup `msdyn_contractlineid` (ProjectContractLineMilestoneMapping_v2.jpg). */
export const milestonesTask: TaskDef = {
  ...milestoneBase,
  source: {
    system: 'dataverse',
    entitySet: DV.milestones.set,
    entityName: DV.milestones.name,
    idField: DV.milestones.id,
    select: ['msdyn_contractlinescheduleofvalueid', 'msdyn_name', 'msdyn_invoicedate', 'msdyn_amount', '_msdyn_contractlineid_value', '_transactioncurrencyid_value'],
    lookups: { transactioncurrencyid: lookup.currency() },
  },
  mapping: [
    copy('_msdyn_contractlineid_value', 'ContractLineRef', true),
    copy('transactioncurrencyid.isocurrencycode', 'CurrencyId'),
    copy('msdyn_name', 'Description'),
    copy('msdyn_invoicedate', 'InvoiceDate'),
    copy('msdyn_contractlinescheduleofvalueid', 'TransactionId', true),
    copy('msdyn_amount', 'Amount'),
  ],
  parents: [{ name: 'contract line', attribute: '_msdyn_contractlineid_value', task: 'contract-lines' }],
};

/** v1 template (PSA 2.x): CONTRACTLINEREF from the string field `msdyn_contractline` (ProjectContractLineMilestonesMapping.JPG). */
export const milestonesTaskV1: TaskDef = {
  ...milestonesTask,
  source: { ...milestonesTask.source, select: [...milestonesTask.source.select.filter((f) => f !== '_msdyn_contractlineid_value'), 'msdyn_contractline'] },
  mapping: milestonesTask.mapping.map((row) => (row.destination === 'ContractLineRef' ? copy('msdyn_contractline', 'ContractLineRef', true) : row)),
  parents: [{ name: 'contract line', attribute: 'msdyn_contractline', task: 'contract-lines' }],
};
