export * as Salesforce from './salesforce';
