export * as Whmcs from './whmcs';
export * as Salesforce from './salesforce';
