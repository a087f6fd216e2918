/**
 * The form configuration the host applies, mirroring what docs/psa-ui.md tells administrators to
 * set up by hand (the solution ships no system forms, so there is nothing to read from the import):
 * §1 the form library `psafo_/scripts/form.js` with OnLoad `PsaFoSync.Form.onLoad` (execution
 * context passed) on the main forms of six tables, and §3 the SyncStatus control bound to a single
 * line of text column in its own "Finance and Operations" section. The host binds it to a second
 * placement of the table's primary name column (a column may sit on a form twice), so the field
 * itself stays editable in the General section. Labels are the PSA main-form labels of the
 * columns the lock rules name (the form script shows them in its notification).
 */
export interface FormEventHandler { library: string; functionName: string; passExecutionContext: boolean }
export interface HostedForm { libraries: string[]; onLoad: FormEventHandler[]; control?: { name: string; section: string } }

export const FORM_LIBRARY = 'psafo_/scripts/form.js';
export const SYNC_STATUS_CONTROL = 'psafo_PsaFoSync.SyncStatus';
const ON_LOAD: FormEventHandler = { library: FORM_LIBRARY, functionName: 'PsaFoSync.Form.onLoad', passExecutionContext: true };
const WITH_CONTROL: HostedForm = { libraries: [FORM_LIBRARY], onLoad: [ON_LOAD], control: { name: SYNC_STATUS_CONTROL, section: 'Finance and Operations' } };

export const HOSTED_FORMS: Readonly<Record<string, HostedForm>> = {
  msdyn_project: WITH_CONTROL,
  salesorder: WITH_CONTROL,
  salesorderdetail: WITH_CONTROL,
  msdyn_contractlinescheduleofvalue: WITH_CONTROL,
  msdyn_projecttask: WITH_CONTROL,
  msdyn_transactioncategory: { libraries: [FORM_LIBRARY], onLoad: [ON_LOAD] },
};

export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  msdyn_subject: 'Name', msdynce_projectnumber: 'Project Number', msdyn_salesorderid: 'Contract', msdyn_customer: 'Customer',
  msdyn_contractorganizationalunitid: 'Contracting Unit', msdyn_projectmanager: 'Project Manager', msdyn_description: 'Description',
  msdyn_scheduledstart: 'Estimated Start Date', msdyn_scheduledend: 'Finish Date', msdyn_actualstart: 'Actual Start', msdyn_actualend: 'Actual End',
  transactioncurrencyid: 'Currency', exchangerate: 'Exchange Rate', name: 'Name', ordernumber: 'Contract ID', customerid: 'Customer',
  paymenttermscode: 'Payment Terms', msdyn_ordertype: 'Order Type', totalamount: 'Total Amount', description: 'Description',
  datefulfilled: 'Date Fulfilled', msdyn_billingmethod: 'Billing Method', salesorderid: 'Project Contract', msdyn_project: 'Project',
  msdyn_contractlineid: 'Contract Line', msdyn_name: 'Name', ownerid: 'Owner', statecode: 'Status', statuscode: 'Status Reason',
  createdon: 'Created On', modifiedon: 'Modified On',
};

/** Columns of the home grid per table (the primary name first); others get the primary name and "Created On". */
export const GRID_COLUMNS: Readonly<Record<string, string[]>> = {
  msdyn_project: ['msdyn_subject', 'msdynce_projectnumber', 'msdyn_customer', 'msdyn_salesorderid', 'msdyn_scheduledstart'],
  salesorder: ['name', 'ordernumber', 'customerid', 'paymenttermscode', 'totalamount'],
};
